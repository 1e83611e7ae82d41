using Wallbox.Firmware.Config;
using Wallbox.Firmware.Rfid;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>The badge reader of the virtual wallbox: an emulated card on the emulated MFRC522 becomes an idTag (WBX-14, CPL-31).</summary>
public sealed class RfidReaderServiceTests
{
    private static readonly byte[] SevenByteUid = { 0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC };

    [Fact]
    public void A_card_held_in_the_field_is_presented_once_as_its_uppercase_hex_UID()
    {
        var wallbox = new VirtualWallbox();
        wallbox.RunForMs(1_000);

        wallbox.Hardware.RfidField.Present(new VirtualCard(SevenByteUid, "DESFire EV1 4K"));
        wallbox.RunForMs(5_000);

        RfidReaderService rfid = wallbox.Firmware.Rfid;
        Assert.Equal("04123456789ABC", rfid.LastIdTag);
        Assert.Equal(1, rfid.PresentationCount);
        Assert.False(wallbox.Firmware.ChargePoint.Health.ReaderFailed);
    }

    [Fact]
    public void Taking_the_card_away_and_tapping_again_is_a_second_presentation()
    {
        var wallbox = new VirtualWallbox();
        wallbox.RunForMs(1_000);
        var card = new VirtualCard(new byte[] { 0x04, 0xA1, 0xB2, 0xC3 }, "MIFARE Classic 1K");

        wallbox.Hardware.RfidField.Present(card);
        wallbox.RunForMs(1_000);
        wallbox.Hardware.RfidField.Remove();
        wallbox.RunForMs(1_500);
        wallbox.Hardware.RfidField.Present(card);
        wallbox.RunForMs(1_000);

        Assert.Equal(2, wallbox.Firmware.Rfid.PresentationCount);
        Assert.Equal("04A1B2C3", wallbox.Firmware.Rfid.LastIdTag);
    }

    [Fact]
    public void The_reversed_byte_order_of_some_back_ends_is_a_setting()
    {
        var wallbox = new VirtualWallbox();
        wallbox.RunForMs(1_000);
        Assert.Equal(ConfigChangeStatus.Accepted, wallbox.Firmware.Persistent.Configuration.TrySet(RfidConfigKeys.RfidIdTagByteOrder, RfidConfigKeys.Reversed, out _));

        wallbox.Hardware.RfidField.Present(new VirtualCard(SevenByteUid, "DESFire EV1 4K"));
        wallbox.RunForMs(2_000);

        Assert.Equal("BC9A7856341204", wallbox.Firmware.Rfid.LastIdTag);
    }
}
