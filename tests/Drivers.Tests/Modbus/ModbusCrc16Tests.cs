using System;
using Wallbox.Drivers.Modbus;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>CRC-16/MODBUS (MODBUS over Serial Line V1.02 §2.5.1.2, §6.2.2): reflected 0xA001, preset 0xFFFF, low byte first.</summary>
public sealed class ModbusCrc16Tests
{
    [Fact]
    public void Read_ten_holding_registers_from_slave_1_ends_in_C5_CD_on_the_wire()
    {
        // The widely published frame 01 03 00 00 00 0A C5 CD; CRC value 0xCDC5, low byte C5 sent first.
        byte[] frame = { 0x01, 0x03, 0x00, 0x00, 0x00, 0x0A };
        Assert.Equal(0xCDC5, ModbusCrc16.Compute(frame, 0, frame.Length));
    }

    [Fact]
    public void The_read_holding_registers_example_to_slave_0x11_ends_in_76_87()
    {
        // PDU 03 00 6B 00 03 is the request example of Application Protocol V1.1b3 §6.3; with slave 0x11 it is the
        // classic Modicon PI-MBUS-300 RTU example "11 03 00 6B 00 03 76 87" (CRC 0x8776, low byte first).
        byte[] frame = { 0x11, 0x03, 0x00, 0x6B, 0x00, 0x03 };
        Assert.Equal(0x8776, ModbusCrc16.Compute(frame, 0, frame.Length));
    }

    [Fact]
    public void The_catalogue_check_value_of_CRC_16_MODBUS_is_0x4B37()
    {
        byte[] ascii = "123456789"u8.ToArray();
        Assert.Equal(0x4B37, ModbusCrc16.Compute(ascii, 0, ascii.Length));
    }

    [Fact]
    public void Only_the_given_range_is_covered()
    {
        byte[] padded = { 0xEE, 0xEE, 0x11, 0x03, 0x00, 0x6B, 0x00, 0x03, 0xEE };
        Assert.Equal(0x8776, ModbusCrc16.Compute(padded, 2, 6));
        Assert.Equal(0xFFFF, ModbusCrc16.Compute(padded, 3, 0));
    }

    [Fact]
    public void The_table_matches_the_bitwise_algorithm_of_the_specification_on_random_frames()
    {
        var random = new Random(1234);
        for (int round = 0; round < 500; round++)
        {
            var data = new byte[random.Next(1, 256)];
            random.NextBytes(data);
            Assert.Equal(ScriptedModbusSlave.ReferenceCrc(data, data.Length), ModbusCrc16.Compute(data, 0, data.Length));
        }
    }

    [Fact]
    public void A_frame_followed_by_its_CRC_low_byte_first_has_a_CRC_of_zero()
    {
        byte[] frame = { 0x01, 0x04, 0x00, 0x00, 0x00, 0x02, 0, 0 };
        ushort crc = ModbusCrc16.Compute(frame, 0, 6);
        frame[6] = (byte)crc;
        frame[7] = (byte)(crc >> 8);
        Assert.Equal(0, ModbusCrc16.Compute(frame, 0, 8));
    }
}
