using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>DESFire EV1 CRC32: IEEE 802.3 polynomial, reflected, preset FFFFFFFF, no final XOR (CRC-32/JAMCRC).</summary>
public sealed class DesfireCrc32Tests
{
    [Fact]
    public void The_check_value_for_123456789_is_340BC6D9_the_CRC_catalogue_JAMCRC()
    {
        // Greg Cook's CRC RevEng catalogue: CRC-32/JAMCRC check = 0x340BC6D9, the complement of CRC-32's 0xCBF43926.
        byte[] ascii = "123456789"u8.ToArray();
        Assert.Equal(0x340BC6D9u, DesfireCrc32.Compute(ascii, 0, ascii.Length));
        Assert.Equal(0xCBF43926u, ~DesfireCrc32.Compute(ascii, 0, ascii.Length));
    }

    [Fact]
    public void The_quick_brown_fox_gives_BEB05CC6_the_complement_of_its_well_known_CRC_32_414FA339()
    {
        byte[] ascii = "The quick brown fox jumps over the lazy dog"u8.ToArray();
        Assert.Equal(0xBEB05CC6u, DesfireCrc32.Compute(ascii, 0, ascii.Length));
    }

    [Fact]
    public void An_empty_range_gives_the_preset_and_the_value_is_written_low_byte_first()
    {
        byte[] ascii = "x123456789"u8.ToArray();
        Assert.Equal(0xFFFFFFFFu, DesfireCrc32.Compute(ascii, 3, 0));
        byte[] wire = new byte[6];
        DesfireCrc32.Write(ascii, 1, 9, wire, 1);
        Assert.Equal("00D9C60B3400", Hex.Of(wire));
    }
}
