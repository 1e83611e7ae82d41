using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Wallbox.Drivers.Modbus;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;
using Xunit.Sdk;

namespace Wallbox.ModbusPeer.Tests;

/// <summary>
/// The tests of this project share the machine's real time: they run one at a time, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ModbusLineCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Modbus line (real time)";
}

/// <summary>
/// One serial line for one test: a socat pty pair, the libmodbus meter (<see cref="ModbusServerPeer"/>) on end A, our
/// <see cref="HostSerialPort"/> and <see cref="ModbusRtuMaster"/> on end B, all on one <see cref="HostMonotonicClock"/>.
/// Disposing stops the server, closes the port and stops socat (links removed).
/// </summary>
internal sealed class ModbusLine : IDisposable
{
    /// <summary>Upper bound for one request in the tests: far beyond any retry schedule used here.</summary>
    public static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(15);

    /// <summary>9600 8N1: the meters' usual factory setting.</summary>
    public static readonly SerialSettings Default9600 = new SerialSettings(9600, 8, SerialParity.None, SerialStopBits.One);

    private ModbusLine(SocatPtyPair pty, HostMonotonicClock clock, HostSerialPort port, TimedSerialPort timed, ModbusRtuMaster master)
    {
        Pty = pty;
        Clock = clock;
        Port = port;
        Timed = timed;
        Master = master;
    }

    public SocatPtyPair Pty { get; }

    public HostMonotonicClock Clock { get; }

    public HostSerialPort Port { get; }

    public TimedSerialPort Timed { get; }

    public ModbusRtuMaster Master { get; }

    public ModbusServerPeer Server { get; private set; }

    /// <summary>
    /// Starts socat, opens the master on end B with <paramref name="masterSettings"/> (before the server, so the line
    /// settings the server checks are the master's), then the server on end A with <paramref name="options"/>.
    /// </summary>
    public static ModbusLine Start(ModbusServerOptions options = null, SerialSettings? masterSettings = null)
    {
        SocatPtyPair pty = SocatPtyPair.Start();
        ModbusLine line = null;
        try
        {
            HostMonotonicClock clock = new HostMonotonicClock();
            HostSerialPort port = new HostSerialPort(pty.PathB, clock);
            TimedSerialPort timed = new TimedSerialPort(port, clock);
            ModbusRtuMaster master = new ModbusRtuMaster(timed, clock);
            line = new ModbusLine(pty, clock, port, timed, master);
            Assert.True(master.Open(masterSettings ?? Default9600), "the master could not open " + pty.PathB + " (errno " + port.LastErrno + ")");
            line.Server = ModbusServerPeer.Start(pty.PathA, pty.PathB, options ?? new ModbusServerOptions());
            return line;
        }
        catch
        {
            if (line != null)
            {
                line.Dispose();
            }
            else
            {
                pty.Dispose();
            }

            throw;
        }
    }

    public static ModbusRequest Request(ModbusFunction function, int address, int count, byte slave = 1)
    {
        ModbusRequest request = new ModbusRequest();
        request.SlaveAddress = slave;
        request.Function = function;
        request.Address = address;
        request.Count = count;
        return request;
    }

    /// <summary>Reads holding (03) or input (04) registers and returns the finished request.</summary>
    public ModbusRequest Read(ModbusFunction function, int address, int count, byte slave = 1) =>
        Execute(Request(function, address, count, slave));

    /// <summary>
    /// Submits <paramref name="request"/> and ticks the master from this thread in real time until it finishes: after
    /// each tick the thread waits for the next received bytes, at most 1 ms (the master's silences and timeouts are
    /// measured on the clock, so the wait only bounds how late they are noticed).
    /// </summary>
    public ModbusRequest Execute(ModbusRequest request, TimeSpan? limit = null)
    {
        Assert.True(Master.TrySubmit(request), "the master refused the request");
        Stopwatch watch = Stopwatch.StartNew();
        TimeSpan bound = limit ?? RequestLimit;
        while (true)
        {
            long seen = Port.ReceivedCount;
            Master.Tick(Clock.NowMs);
            if (request.IsFinished)
            {
                return request;
            }

            if (watch.Elapsed > bound)
            {
                throw new XunitException("The request did not finish within " + bound.TotalSeconds + " s (state " + request.State + ").\n"
                    + Describe());
            }

            Port.WaitForReceive(seen, 1);
        }
    }

    /// <summary>Statistics and the server's last events, for failure messages.</summary>
    public string Describe()
    {
        ModbusStatistics s = Master.Statistics;
        return "master: sent " + s.RequestsSent + ", completed " + s.Completed + ", exceptions " + s.Exceptions + ", timeouts " + s.Timeouts
            + ", retries " + s.Retries + ", wrong slave " + s.DiscardedWrongSlave + ", bad CRC " + s.DiscardedBadCrc + ", bad length "
            + s.DiscardedBadLength + ", wrong function " + s.DiscardedWrongFunction + "; port open " + Port.IsOpen + " (" + Port.LastCloseReason
            + ")\n" + (Server?.Process.Describe(30) ?? "no server");
    }

    public void Dispose()
    {
        try
        {
            Server?.Dispose();
        }
        finally
        {
            Port.Dispose();
            Pty.Dispose();
        }
    }

    // Register decoding, by hand (the drivers' decoders are what the meter-map tests check; these are independent).

    /// <summary>IEEE-754 float32 from two registers, high word first (Eastron).</summary>
    public static float Float(ushort[] registers, int index) =>
        BitConverter.Int32BitsToSingle((registers[index] << 16) | registers[index + 1]);

    public static uint UInt32(ushort[] registers, int index) => ((uint)registers[index] << 16) | registers[index + 1];

    public static int Int32(ushort[] registers, int index) => (int)UInt32(registers, index);

    public static ulong UInt64(ushort[] registers, int index) =>
        ((ulong)registers[index] << 48) | ((ulong)registers[index + 1] << 32) | ((ulong)registers[index + 2] << 16) | registers[index + 3];
}

/// <summary>
/// The host serial port with a log of when each frame was written (clock time, µs): the request's send time for the
/// round-trip figures.
/// </summary>
internal sealed class TimedSerialPort : ISerialPort
{
    private readonly HostSerialPort _port;
    private readonly IMonotonicClock _clock;
    private readonly List<long> _writesUs = new List<long>();

    public TimedSerialPort(HostSerialPort port, IMonotonicClock clock)
    {
        _port = port;
        _clock = clock;
    }

    /// <summary>Clock time of every accepted Write, µs.</summary>
    public IReadOnlyList<long> WritesUs => _writesUs;

    public long LastWriteUs => _writesUs.Count == 0 ? 0 : _writesUs.Last();

    public bool IsOpen => _port.IsOpen;

    public SerialSettings Settings => _port.Settings;

    public int ReceiveBufferCapacity => _port.ReceiveBufferCapacity;

    public int BytesToRead => _port.BytesToRead;

    public int ReceiveOverflowCount => _port.ReceiveOverflowCount;

    public long LastReceiveUs => _port.LastReceiveUs;

    public bool IsTransmitting => _port.IsTransmitting;

    public bool Open(SerialSettings settings) => _port.Open(settings);

    public void Close() => _port.Close();

    public int Read(byte[] buffer, int offset, int count) => _port.Read(buffer, offset, count);

    public void DiscardReceiveBuffer() => _port.DiscardReceiveBuffer();

    public bool Write(byte[] buffer, int offset, int count)
    {
        long nowUs = _clock.NowUs;
        bool accepted = _port.Write(buffer, offset, count);
        if (accepted)
        {
            _writesUs.Add(nowUs);
        }

        return accepted;
    }
}
