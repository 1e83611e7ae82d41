using Wallbox.Drivers.Modbus;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>RTU silences t1.5 and t3.5 (MODBUS over Serial Line V1.02 §2.5.1.1), rounded up to whole microseconds.</summary>
public sealed class ModbusRtuTimingTests
{
    [Fact]
    public void At_9600_8N1_a_character_is_1041_7_us_and_the_silences_are_1_5_and_3_5_of_it()
    {
        var settings = new SerialSettings(9600, 8, SerialParity.None, SerialStopBits.One);
        Assert.Equal(1042, ModbusRtuTiming.CharacterTimeUs(settings));       // 10 bits / 9600 = 1041.67 µs
        Assert.Equal(1563, ModbusRtuTiming.InterCharacterTimeoutUs(settings)); // 1562.5 µs
        Assert.Equal(3646, ModbusRtuTiming.InterFrameDelayUs(settings));       // 3645.83 µs
    }

    [Fact]
    public void At_9600_8E1_the_RTU_eleven_bit_character_is_1145_8_us()
    {
        var settings = new SerialSettings(9600, 8, SerialParity.Even, SerialStopBits.One);
        Assert.Equal(1146, ModbusRtuTiming.CharacterTimeUs(settings));
        Assert.Equal(1719, ModbusRtuTiming.InterCharacterTimeoutUs(settings)); // 1718.75 µs
        Assert.Equal(4011, ModbusRtuTiming.InterFrameDelayUs(settings));       // 4010.42 µs
    }

    [Fact]
    public void At_9600_8N2_the_second_stop_bit_counts_like_a_parity_bit()
    {
        var settings = new SerialSettings(9600, 8, SerialParity.None, SerialStopBits.Two);
        Assert.Equal(4011, ModbusRtuTiming.InterFrameDelayUs(settings));
    }

    [Fact]
    public void At_19200_the_silences_are_still_computed_from_the_character_time()
    {
        var settings = new SerialSettings(19200, 8, SerialParity.Even, SerialStopBits.One);
        Assert.Equal(573, ModbusRtuTiming.CharacterTimeUs(settings));         // 572.9 µs
        Assert.Equal(860, ModbusRtuTiming.InterCharacterTimeoutUs(settings));  // 859.4 µs
        Assert.Equal(2006, ModbusRtuTiming.InterFrameDelayUs(settings));       // 2005.2 µs
    }

    [Theory]
    [InlineData(38400)]
    [InlineData(57600)]
    [InlineData(115200)]
    public void Above_19200_baud_the_specification_fixes_750_and_1750_us(int baud)
    {
        var settings = new SerialSettings(baud, 8, SerialParity.Even, SerialStopBits.One);
        Assert.Equal(750, ModbusRtuTiming.InterCharacterTimeoutUs(settings));
        Assert.Equal(1750, ModbusRtuTiming.InterFrameDelayUs(settings));
        Assert.Equal((11 * 1_000_000 + baud - 1) / baud, ModbusRtuTiming.CharacterTimeUs(settings));
    }

    [Fact]
    public void An_unset_baud_rate_gives_zero_rather_than_dividing_by_zero()
    {
        Assert.Equal(0, ModbusRtuTiming.InterFrameDelayUs(default));
        Assert.Equal(0, ModbusRtuTiming.InterCharacterTimeoutUs(default));
        Assert.Equal(0, ModbusRtuTiming.CharacterTimeUs(default));
    }
}
