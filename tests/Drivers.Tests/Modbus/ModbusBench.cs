using Wallbox.Drivers.Modbus;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>
/// Master, simulated RS-485 port and scripted slave in virtual time. The line and the slave are advanced in small
/// steps (character timing); the master is ticked at the loop period, 10 ms unless a test asks for finer ticks.
/// </summary>
public sealed class ModbusBench
{
    public static readonly SerialSettings Modbus9600 = new SerialSettings(9600, 8, SerialParity.Even, SerialStopBits.One);

    public ModbusBench(SerialSettings? settings = null, long tickPeriodUs = 10_000, long lineStepUs = 100)
    {
        TickPeriodUs = tickPeriodUs;
        LineStepUs = lineStepUs;
        Port = new SimulatedSerialPort(Clock);
        Slave = new ScriptedModbusSlave(Clock, Port);
        Master = new ModbusRtuMaster(Port, Clock);
        Assert.True(Master.Open(settings ?? Modbus9600));
    }

    public VirtualClock Clock { get; } = new VirtualClock();
    public SimulatedSerialPort Port { get; }
    public ScriptedModbusSlave Slave { get; }
    public ModbusRtuMaster Master { get; }
    public long TickPeriodUs { get; }
    public long LineStepUs { get; }

    private long _nextTickUs;

    /// <summary>Advances the line by one step, and ticks the master when its loop period has come.</summary>
    public void Step()
    {
        Clock.AdvanceUs(LineStepUs);
        Port.Advance(Clock.NowUs);
        Slave.Poll(Clock.NowUs);
        if (Clock.NowUs >= _nextTickUs)
        {
            _nextTickUs = Clock.NowUs + TickPeriodUs;
            Master.Tick(Clock.NowMs);
        }
    }

    /// <summary>Runs until <paramref name="request"/> has an outcome (or the time limit, which fails the test).</summary>
    public void RunUntilFinished(ModbusRequest request, long limitMs = 5_000)
    {
        long endUs = Clock.NowUs + limitMs * 1000;
        while (!request.IsFinished)
        {
            Assert.True(Clock.NowUs < endUs, "request did not finish in time, state " + request.State);
            Step();
        }
    }

    /// <summary>Submits and runs <paramref name="request"/> to its outcome; returns the virtual time it took, ms.</summary>
    public double Execute(ModbusRequest request, long limitMs = 5_000)
    {
        long startUs = Clock.NowUs;
        Assert.True(Master.TrySubmit(request));
        RunUntilFinished(request, limitMs);
        return (Clock.NowUs - startUs) / 1000.0;
    }

    public void RunMs(long ms)
    {
        long endUs = Clock.NowUs + ms * 1000;
        while (Clock.NowUs < endUs)
        {
            Step();
        }
    }

    public static ModbusRequest Read(ModbusFunction function, int address, int count, byte slave = 1) =>
        new ModbusRequest { SlaveAddress = slave, Function = function, Address = address, Count = count };
}
