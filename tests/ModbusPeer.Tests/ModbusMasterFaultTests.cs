using System;
using System.Diagnostics;
using System.Linq;
using Wallbox.Drivers.Modbus;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;

namespace Wallbox.ModbusPeer.Tests;

/// <summary>
/// Our Modbus RTU master against libmodbus misbehaving on command: exception responses (its own and injected), damaged
/// frames, silence, slowness, the wrong slave answering, line settings that do not match, and the line dying.
/// </summary>
[Collection(ModbusLineCollection.Name)]
public sealed class ModbusMasterFaultTests
{
    private readonly ITestOutputHelper _output;

    public ModbusMasterFaultTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Reading_outside_the_map_gets_libmodbus_s_illegal_data_address()
    {
        using ModbusLine sdm = ModbusLine.Start(new ModbusServerOptions { Map = ModbusMeterMap.Sdm630 });
        AssertException(sdm.Read(ModbusFunction.ReadInputRegisters, 0x0200, 2), 0x02);
        AssertException(sdm.Read(ModbusFunction.ReadInputRegisters, 0x0156, 4), 0x02); // runs past the end (0x0157)
        Assert.Equal(ModbusRequestState.Completed, sdm.Read(ModbusFunction.ReadInputRegisters, 0x0156, 2).State);
        Assert.Equal(2, sdm.Master.Statistics.Exceptions);
        Assert.Equal(0, sdm.Master.Statistics.Retries);

        using ModbusLine abb = ModbusLine.Start(new ModbusServerOptions { Map = ModbusMeterMap.Abb });
        AssertException(abb.Read(ModbusFunction.ReadHoldingRegisters, 0x4FFE, 4), 0x02); // starts before 0x5000
        AssertException(abb.Read(ModbusFunction.ReadInputRegisters, 0x5000, 4), 0x02); // no input registers at all
        Assert.Equal("Illegal Data Address", ModbusExceptionCodes.Meaning(0x02));
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x02)]
    [InlineData(0x03)]
    [InlineData(0x04)]
    [InlineData(0x05)]
    [InlineData(0x07)]
    [InlineData(0x08)]
    [InlineData(0x09)]
    [InlineData(0x0A)]
    public void An_injected_exception_finishes_the_request_with_its_code(int code)
    {
        using ModbusLine line = ModbusLine.Start();
        line.Server.InjectException(code, 1);
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        AssertException(request, (byte)code);
        Assert.Equal(1, request.Attempts);
        Assert.NotEqual("none", request.ExceptionMeaning);
        Assert.Equal(1, line.Master.Statistics.Exceptions);

        // The next request is answered normally.
        request.Acknowledge();
        Assert.Equal(ModbusRequestState.Completed, line.Execute(request).State);
    }

    [Theory]
    [InlineData(0x06)]
    [InlineData(0x0B)]
    public void Busy_and_gateway_target_exceptions_are_retried(int code)
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 2;

        line.Server.InjectException(code, 1);
        ModbusRequest once = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.Completed, once.State);
        Assert.Equal(2, once.Attempts);

        line.Server.InjectException(code, ModbusServerPeer.Forever);
        Stopwatch watch = Stopwatch.StartNew();
        ModbusRequest always = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        AssertException(always, (byte)code);
        Assert.Equal(3, always.Attempts);
        Assert.True(watch.ElapsedMilliseconds >= 200, "two retries 100 ms apart");
        Assert.Equal(1 + 3, line.Master.Statistics.Exceptions);
    }

    [Fact]
    public void A_corrupt_CRC_is_discarded_counted_and_retried()
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 1000;

        line.Server.SetCorruptCrc(1);
        Stopwatch watch = Stopwatch.StartNew();
        ModbusRequest once = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.Completed, once.State);
        Assert.Equal(2, once.Attempts);
        Assert.Equal(1, line.Master.Statistics.DiscardedBadCrc);
        Assert.True(watch.ElapsedMilliseconds < line.Master.ResponseTimeoutMs, "a damaged frame is retried at once, not after the timeout");

        line.Server.SetCorruptCrc(ModbusServerPeer.Forever);
        ModbusRequest always = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.Failed, always.State);
        Assert.Equal(3, always.Attempts);
        Assert.Equal(1 + 3, line.Master.Statistics.DiscardedBadCrc);
        Assert.Equal(0, line.Master.Statistics.Timeouts);
    }

    [Fact]
    public void A_response_one_byte_short_is_a_length_error()
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 1;
        line.Server.SetTruncate(1);
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 4);
        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(1, line.Master.Statistics.DiscardedBadLength);
        Assert.Equal(1, line.Master.Statistics.Retries);
    }

    [Fact]
    public void A_response_from_another_slave_is_ignored_and_the_request_times_out()
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 1;
        line.Master.ResponseTimeoutMs = 150;
        line.Server.SetWrongSlave(9, ModbusServerPeer.Forever);
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.TimedOut, request.State);
        Assert.Equal(2, line.Master.Statistics.DiscardedWrongSlave);
        Assert.Equal(2, line.Master.Statistics.Timeouts);

        line.Server.SetWrongSlave(9, 0);
        request.Acknowledge();
        Assert.Equal(ModbusRequestState.Completed, line.Execute(request).State);
    }

    [Fact]
    public void A_silent_slave_times_out_after_every_retry()
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 150;

        line.Server.SetSilent(1);
        ModbusRequest once = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.Completed, once.State);
        Assert.Equal(1, line.Master.Statistics.Timeouts);

        line.Server.SetSilent(ModbusServerPeer.Forever);
        int mark = line.Server.EventCount;
        Stopwatch watch = Stopwatch.StartNew();
        ModbusRequest always = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        long elapsedMs = watch.ElapsedMilliseconds;
        Assert.Equal(ModbusRequestState.TimedOut, always.State);
        Assert.Equal(3, always.Attempts);
        Assert.Equal(1 + 3, line.Master.Statistics.Timeouts);
        Assert.InRange(elapsedMs, 3 * 150, 3 * 150 + 2000);
        Assert.Equal(3, line.Server.EventsNamed("reply", mark).Count(e => e.GetString("mode") == "silent"));
        _output.WriteLine("report: silent libmodbus slave: TimedOut after 3 attempts of 150 ms in " + elapsedMs + " ms");
    }

    [Fact]
    public void A_request_for_another_slave_address_gets_no_answer()
    {
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { SlaveId = 1 });
        line.Master.Retries = 0;
        line.Master.ResponseTimeoutMs = 150;
        int mark = line.Server.EventCount;
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2, slave: 2);
        Assert.Equal(ModbusRequestState.TimedOut, request.State);
        PeerEvent ignored = line.Server.WaitFor("ignored", mark);
        Assert.Equal(2, ignored.GetInteger("slave"));
    }

    [Fact]
    public void A_slow_slave_within_the_timeout_is_waited_for()
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 400;
        line.Server.SetDelay(60);
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(1, request.Attempts);
        long waitedUs = line.Port.LastReceiveUs - line.Timed.LastWriteUs;
        Assert.True(waitedUs >= 60_000, "answered after " + waitedUs + " µs");
        _output.WriteLine("report: slow libmodbus slave (60 ms delay, 400 ms timeout): answer " + (waitedUs / 1000.0).ToString("F1") + " ms after the request, no retry");
    }

    [Fact]
    public void A_slave_slower_than_every_attempt_makes_the_request_time_out()
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 150;
        line.Server.SetDelay(800);
        Stopwatch watch = Stopwatch.StartNew();
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.TimedOut, request.State);
        Assert.Equal(3, request.Attempts);
        Assert.Equal(3, line.Master.Statistics.Timeouts);
        Assert.True(watch.ElapsedMilliseconds < 800, "finished before the first late answer");
    }

    [Fact]
    public void A_late_answer_to_a_timed_out_attempt_of_the_same_request_never_gives_wrong_values()
    {
        // Modbus RTU has no transaction id: an answer that comes after the timeout but while the retry waits is taken for
        // the retry's answer (what this master does today). For the same request that is harmless (same registers); a
        // master that discards late answers would time out instead. Either way the values must be right.
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { VoltageV = 230 });
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 150;
        line.Server.SetDelay(250);
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.True(request.State == ModbusRequestState.Completed || request.State == ModbusRequestState.TimedOut, request.State.ToString());
        if (request.State == ModbusRequestState.Completed)
        {
            Assert.True(request.Attempts > 1);
            Assert.Equal(230f, ModbusLine.Float(request.Registers, 0));
        }
    }

    [Fact]
    public void A_late_answer_is_never_taken_for_the_next_request()
    {
        // The meter is slower than the master's timeout (a misconfiguration, or a meter busy for a moment): request A
        // (voltage) times out and is retried; the late answers to A's attempts must not complete request B (energy, same
        // length), or a voltage would be billed as energy.
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { VoltageV = 230, EnergyWh = 1234567 });
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 150;
        line.Server.SetDelay(250);
        ModbusRequest voltage = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        ModbusRequest energy = line.Read(ModbusFunction.ReadInputRegisters, 0x0048, 2);
        if (voltage.State == ModbusRequestState.Completed)
        {
            Assert.Equal(230f, ModbusLine.Float(voltage.Registers, 0));
        }

        if (energy.State == ModbusRequestState.Completed)
        {
            Assert.Equal((float)1234.567, ModbusLine.Float(energy.Registers, 0));
        }
    }

    [Fact]
    public void Line_noise_before_a_request_is_flushed_and_counted()
    {
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { VoltageV = 230 });
        byte[] noise = { 0x01, 0x04, 0xFF, 0x00, 0x13, 0x37, 0x00 };
        line.Server.SendGarbage(noise);
        Stopwatch watch = Stopwatch.StartNew();
        while (line.Port.ReceivedCount < noise.Length)
        {
            Assert.True(watch.Elapsed < ModbusLine.RequestLimit, "the noise never arrived");
            line.Port.WaitForReceive(line.Port.ReceivedCount, 100);
        }

        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(1, request.Attempts);
        Assert.Equal(230f, ModbusLine.Float(request.Registers, 0));
        Assert.Equal(noise.Length, line.Master.Statistics.BytesDiscarded);
    }

    [Fact]
    public void A_baud_rate_mismatch_gives_no_valid_answer()
    {
        // The server at 9600 8N1, the master at 19200 8N1: the server's UART samples garbage (modelled bit by bit).
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { BaudRate = 9600 },
            new SerialSettings(19200, 8, SerialParity.None, SerialStopBits.One));
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 150;
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.NotEqual(ModbusRequestState.Completed, request.State);
        Assert.Equal(3, request.Attempts);
        Assert.Equal(0, line.Master.Statistics.Completed);
        PeerEvent mismatch = line.Server.WaitFor("line-mismatch", 0);
        Assert.Equal(19200, mismatch.GetInteger("peerBaud"));
        Assert.Empty(line.Server.EventsNamed("request"));
        _output.WriteLine("report: baud mismatch (master 19200, meter 9600): " + request.State + "; the meter sampled "
            + mismatch.GetString("sent") + " as " + mismatch.GetString("received"));
    }

    [Theory]
    [InlineData(SerialParity.Even)]
    [InlineData(SerialParity.Odd)]
    public void A_parity_mismatch_gives_no_valid_answer(SerialParity masterParity)
    {
        // The server at 9600 8N1, the master with parity: the server reads the request (its UART ignores the extra bit),
        // libmodbus answers, and the master's UART sees parity and framing errors in the 10-bit characters (NUL bytes).
        using ModbusLine line = ModbusLine.Start(new ModbusServerOptions { BaudRate = 9600, Parity = 'N' },
            new SerialSettings(9600, 8, masterParity, SerialStopBits.One));
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 150;
        ModbusRequest request = line.Read(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.NotEqual(ModbusRequestState.Completed, request.State);
        Assert.Equal(0, line.Master.Statistics.Completed);
        Assert.NotEmpty(line.Server.EventsNamed("line-mismatch"));
        PeerEvent[] garbled = line.Server.EventsNamed("reply").Where(e => e.GetString("onWire") != null).ToArray();
        _output.WriteLine("report: parity mismatch (master 8" + masterParity.ToString()[0] + "1, meter 8N1): " + request.State + " after "
            + request.Attempts + " attempts; " + garbled.Length + " answers reached the master damaged, e.g. "
            + (garbled.Length > 0 ? garbled[0].GetString("bytes") + " as " + garbled[0].GetString("onWire") : "none") + "; " + line.Describe().Split('\n')[0]);
    }

    [Fact]
    public void When_the_line_dies_mid_request_the_request_fails_at_once_instead_of_timing_out()
    {
        using ModbusLine line = ModbusLine.Start();
        line.Master.Retries = 2;
        line.Master.ResponseTimeoutMs = 3000;
        line.Server.SetSilent(ModbusServerPeer.Forever);
        ModbusRequest request = ModbusLine.Request(ModbusFunction.ReadInputRegisters, 0x0000, 2);
        Assert.True(line.Master.TrySubmit(request));
        int mark = line.Server.EventCount;
        Stopwatch watch = Stopwatch.StartNew();
        while (line.Server.EventsNamed("request", mark).Count == 0)
        {
            long seen = line.Port.ReceivedCount;
            line.Master.Tick(line.Clock.NowMs);
            line.Port.WaitForReceive(seen, 1);
            Assert.True(watch.Elapsed < ModbusLine.RequestLimit, "the server never saw the request\n" + line.Describe());
        }

        long killedUs = line.Clock.NowUs;
        line.Pty.Kill(SocatPtyPair.SigKill);
        while (!request.IsFinished)
        {
            long seen = line.Port.ReceivedCount;
            line.Master.Tick(line.Clock.NowMs);
            line.Port.WaitForReceive(seen, 1);
            Assert.True(watch.Elapsed < ModbusLine.RequestLimit, "the request never finished\n" + line.Describe());
        }

        long detectedMs = (line.Clock.NowUs - killedUs) / 1000;
        Assert.Equal(ModbusRequestState.Failed, request.State);
        Assert.Equal(0, line.Master.Statistics.Timeouts);
        Assert.True(detectedMs < line.Master.ResponseTimeoutMs, "noticed after " + detectedMs + " ms");
        Assert.Equal(HostSerialPortCloseReason.HungUp, line.Port.LastCloseReason);
        PeerEvent exit = line.Server.WaitFor("exit", mark);
        Assert.Equal("hangup", exit.GetString("reason"));

        // A new request on the dead line fails at once too.
        request.Acknowledge();
        Assert.Equal(ModbusRequestState.Failed, line.Execute(request).State);
        _output.WriteLine("report: line dead (socat SIGKILL) mid-request: request Failed " + detectedMs + " ms later (timeout 3000 ms)");
    }

    private static void AssertException(ModbusRequest request, byte code)
    {
        Assert.Equal(ModbusRequestState.Exception, request.State);
        Assert.Equal(code, request.ExceptionCode);
    }
}
