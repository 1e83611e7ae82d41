using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Rfid;

namespace Wallbox.Firmware.Tests.Rfid;

/// <summary>UID → idTag (WBX-14, WBX-15c, CPL-31/33); the expected strings are worked out by hand (docs/rfid.md).</summary>
public sealed class IdTagFormatterTests
{
    private static readonly byte[] FourByteUid = { 0x04, 0xA1, 0xB2, 0xC3 };
    private static readonly byte[] SevenByteUid = { 0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC };
    private static readonly byte[] TenByteUid = { 0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99 };

    private readonly IdTagFormatter _formatter = new IdTagFormatter();

    [Theory]
    [InlineData(IdTagByteOrder.AsTransmitted, IdTagNotation.Hex, "04A1B2C3")]
    [InlineData(IdTagByteOrder.Reversed, IdTagNotation.Hex, "C3B2A104")]
    [InlineData(IdTagByteOrder.AsTransmitted, IdTagNotation.Decimal, "0077705923")] // 0x04A1B2C3 = 77 705 923, padded to 10 digits
    [InlineData(IdTagByteOrder.Reversed, IdTagNotation.Decimal, "3283263748")] // 0xC3B2A104
    public void WBX_14_a_4_byte_UID_04A1B2C3_gives_the_documented_idTag_in_every_format(IdTagByteOrder order, IdTagNotation notation, string expected)
    {
        Assert.Equal(expected, Format(FourByteUid, order, notation));
    }

    [Theory]
    [InlineData(IdTagByteOrder.AsTransmitted, IdTagNotation.Hex, "04123456789ABC")]
    [InlineData(IdTagByteOrder.Reversed, IdTagNotation.Hex, "BC9A7856341204")]
    [InlineData(IdTagByteOrder.AsTransmitted, IdTagNotation.Decimal, "01145915905186492")] // 0x04123456789ABC, padded to 17 digits
    [InlineData(IdTagByteOrder.Reversed, IdTagNotation.Decimal, "53087137254609412")] // 0xBC9A7856341204
    public void WBX_14_a_7_byte_UID_04123456789ABC_gives_the_documented_idTag_in_every_format(IdTagByteOrder order, IdTagNotation notation, string expected)
    {
        Assert.Equal(expected, Format(SevenByteUid, order, notation));
    }

    [Fact]
    public void A_10_byte_UID_in_hex_uses_exactly_the_20_characters_OCPP_allows()
    {
        Assert.Equal("04112233445566778899", Format(TenByteUid, IdTagByteOrder.AsTransmitted, IdTagNotation.Hex));
        Assert.Equal("99887766554433221104", Format(TenByteUid, IdTagByteOrder.Reversed, IdTagNotation.Hex));
    }

    [Fact]
    public void A_10_byte_UID_in_decimal_is_refused_rather_than_truncated_even_when_its_value_would_fit()
    {
        Assert.Null(Format(TenByteUid, IdTagByteOrder.AsTransmitted, IdTagNotation.Decimal));
        Assert.Null(Format(new byte[10], IdTagByteOrder.AsTransmitted, IdTagNotation.Decimal));
    }

    [Fact]
    public void Decimal_is_zero_padded_to_the_width_of_the_largest_UID_of_that_length()
    {
        Assert.Equal("0000000001", Format(new byte[] { 0, 0, 0, 1 }, IdTagByteOrder.AsTransmitted, IdTagNotation.Decimal));
        Assert.Equal("4294967295", Format(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }, IdTagByteOrder.AsTransmitted, IdTagNotation.Decimal));
        Assert.Equal("72057594037927935", Format(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, IdTagByteOrder.Reversed, IdTagNotation.Decimal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(11)]
    public void UID_lengths_other_than_4_7_and_10_bytes_are_refused(int length)
    {
        Assert.Null(_formatter.Format(new byte[12], 0, length, new IdTagFormat(IdTagByteOrder.AsTransmitted, IdTagNotation.Hex)));
    }

    [Fact]
    public void The_UID_is_read_at_its_offset_and_the_source_buffer_is_left_unchanged()
    {
        byte[] frame = { 0x93, 0x70, 0x04, 0xA1, 0xB2, 0xC3, 0xD4 };
        var format = new IdTagFormat(IdTagByteOrder.Reversed, IdTagNotation.Decimal);

        Assert.Equal("3283263748", _formatter.Format(frame, 2, 4, format));
        Assert.Equal(new byte[] { 0x93, 0x70, 0x04, 0xA1, 0xB2, 0xC3, 0xD4 }, frame);
        Assert.Null(_formatter.Format(frame, 5, 4, format));
    }

    [Fact]
    public void The_same_card_always_gives_the_same_idTag_whatever_was_formatted_in_between()
    {
        var format = new IdTagFormat(IdTagByteOrder.AsTransmitted, IdTagNotation.Decimal);
        string first = _formatter.Format(SevenByteUid, 0, 7, format);
        _formatter.Format(FourByteUid, 0, 4, format);
        _formatter.Format(TenByteUid, 0, 10, new IdTagFormat(IdTagByteOrder.Reversed, IdTagNotation.Hex));

        Assert.Equal(first, _formatter.Format(SevenByteUid, 0, 7, format));
    }

    [Fact]
    public void Every_idTag_produced_is_a_valid_OCPP_idTag()
    {
        foreach (byte[] uid in new[] { FourByteUid, SevenByteUid, TenByteUid })
        {
            foreach (IdTagByteOrder order in new[] { IdTagByteOrder.AsTransmitted, IdTagByteOrder.Reversed })
            {
                foreach (IdTagNotation notation in new[] { IdTagNotation.Hex, IdTagNotation.Decimal })
                {
                    string idTag = Format(uid, order, notation);
                    Assert.True(idTag == null || IdTagInfo.IsValidIdTag(idTag), idTag);
                }
            }
        }
    }

    private string Format(byte[] uid, IdTagByteOrder order, IdTagNotation notation)
    {
        return _formatter.Format(uid, 0, uid.Length, new IdTagFormat(order, notation));
    }
}
