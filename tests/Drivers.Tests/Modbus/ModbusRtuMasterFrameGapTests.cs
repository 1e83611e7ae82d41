using Wallbox.Drivers.Modbus;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>
/// The master never starts a frame less than t3.5 after the line was last busy (Serial Line V1.02 §2.5.1.1), measured
/// by the slave from the last stop bit of its answer to the first start bit of the next request. The master is ticked
/// every 100 µs here, far more often than the 10 ms loop, so the gap comes from the rule and not from the tick period.
/// </summary>
public sealed class ModbusRtuMasterFrameGapTests
{
    [Theory]
    [InlineData(9600, SerialParity.Even, 4011)]
    [InlineData(9600, SerialParity.None, 3646)]
    [InlineData(19200, SerialParity.Even, 2006)]
    [InlineData(38400, SerialParity.Even, 1750)]
    [InlineData(115200, SerialParity.None, 1750)]
    public void Back_to_back_requests_leave_at_least_3_5_characters_of_silence_after_each_answer(int baud, SerialParity parity, int gapUs)
    {
        var settings = new SerialSettings(baud, 8, parity, SerialStopBits.One);
        var bench = new ModbusBench(settings, tickPeriodUs: 100, lineStepUs: 20);
        bench.Slave.TurnaroundUs = 0;
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 4);

        for (int i = 0; i < 50; i++)
        {
            bench.Execute(request);
            Assert.Equal(ModbusRequestState.Completed, request.State);
            request.Acknowledge();
        }

        Assert.Equal(gapUs, ModbusRtuTiming.InterFrameDelayUs(settings));
        Assert.InRange(bench.Slave.MinimumGapBeforeRequestUs, gapUs, gapUs + 200);
    }

    [Fact]
    public void A_retry_after_a_damaged_answer_also_waits_for_3_5_characters_of_silence()
    {
        var bench = new ModbusBench(tickPeriodUs: 100, lineStepUs: 20);
        bench.Slave.TurnaroundUs = 0;
        bench.Slave.BadCrcAnswers = 5;
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 4);
        bench.Master.Retries = 5;

        bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(6, request.Attempts);
        Assert.True(bench.Slave.MinimumGapBeforeRequestUs >= 4011, bench.Slave.MinimumGapBeforeRequestUs.ToString());
    }

    [Fact]
    public void The_first_request_after_opening_the_port_waits_3_5_characters()
    {
        var bench = new ModbusBench(tickPeriodUs: 100, lineStepUs: 20);
        long openedUs = bench.Clock.NowUs;
        var request = ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 0, 4);
        Assert.True(bench.Master.TrySubmit(request));

        while (request.State == ModbusRequestState.Queued)
        {
            bench.Step();
        }

        Assert.True(bench.Clock.NowUs - openedUs >= 4011);
    }
}
