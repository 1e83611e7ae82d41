using System;
using Wallbox.Drivers.Mfrc522;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Mfrc522;

/// <summary>CRC_A of ISO/IEC 14443-3, 6.2.4 and Annex B.</summary>
public sealed class Crc14443ATests
{
    // ISO/IEC 14443-3 Annex B gives the CRC_A as 16-bit values (0x00 0x00 -> 0x1EA0, 0x12 0x34 -> 0xCF26); on the air
    // the low byte goes first, so the frames end A0 1E and 26 CF. Recomputed here bit by bit and cross-checked below.
    [Theory]
    [InlineData(new byte[] { 0x00, 0x00 }, 0x1EA0, 0xA0, 0x1E)]
    [InlineData(new byte[] { 0x12, 0x34 }, 0xCF26, 0x26, 0xCF)]
    public void Crc_A_matches_the_ISO_IEC_14443_3_Annex_B_examples_low_byte_transmitted_first(byte[] data, int crc, byte first, byte second)
    {
        var frame = new byte[data.Length + 2];
        data.CopyTo(frame, 0);

        Crc14443A.Append(frame, 0, data.Length);

        Assert.Equal(crc, Crc14443A.Compute(data, 0, data.Length));
        Assert.Equal((first, second), (frame[data.Length], frame[data.Length + 1]));
        Assert.True(Crc14443A.Check(frame, 0, frame.Length));
    }

    [Fact]
    public void Crc_A_check_value_of_123456789_is_0xBF05_as_catalogued_for_CRC_16_ISO_IEC_14443_3_A()
    {
        byte[] data = System.Text.Encoding.ASCII.GetBytes("123456789");

        Assert.Equal(0xBF05, Crc14443A.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Crc_A_of_HLTA_is_57_CD_as_sent_by_every_ISO_14443_3_reader()
    {
        var hlta = new byte[] { 0x50, 0x00, 0, 0 };

        Crc14443A.Append(hlta, 0, 2);

        Assert.Equal((0x57, 0xCD), (hlta[2], hlta[3]));
    }

    [Fact]
    public void Bit_serial_reflected_0x8408_form_agrees_with_the_Annex_B_byte_wise_form_used_by_the_simulator()
    {
        var random = new Random(14443);
        for (int n = 0; n < 200; n++)
        {
            var data = new byte[random.Next(0, 64)];
            random.NextBytes(data);
            Assert.Equal(SimulatedCrcA.Compute(data, 0, data.Length), Crc14443A.Compute(data, 0, data.Length));
        }
    }

    [Fact]
    public void A_corrupted_frame_fails_the_Crc_A_check()
    {
        var frame = new byte[] { 0x12, 0x34, 0x26, 0xCF };
        frame[1] ^= 0x01;

        Assert.False(Crc14443A.Check(frame, 0, frame.Length));
    }
}
