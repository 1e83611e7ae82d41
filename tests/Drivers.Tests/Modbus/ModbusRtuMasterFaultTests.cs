using System.Linq;
using Wallbox.Drivers.Modbus;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>
/// Exception responses (Application Protocol V1.1b3 §7) and the master's error handling (Serial Line V1.02 §2.4.1):
/// damaged frames are retried at once, other slaves' frames are ignored while the response timeout runs, silence
/// ends in retries and a timeout.
/// </summary>
public sealed class ModbusRtuMasterFaultTests
{
    private readonly ModbusBench _bench = new ModbusBench();

    private ModbusStatistics Stats => _bench.Master.Statistics;

    private ModbusRequest ReadTen() => ModbusBench.Read(ModbusFunction.ReadHoldingRegisters, 100, 10);

    [Theory]
    [InlineData(0x01, "Illegal Function")]
    [InlineData(0x02, "Illegal Data Address")]
    [InlineData(0x03, "Illegal Data Value")]
    [InlineData(0x04, "Server Device Failure")]
    [InlineData(0x05, "Acknowledge")]
    [InlineData(0x07, "Negative Acknowledge")]
    [InlineData(0x08, "Memory Parity Error")]
    [InlineData(0x0A, "Gateway Path Unavailable")]
    [InlineData(0x0C, "unknown exception 0x0C")]
    public void An_exception_response_finishes_the_request_at_once_with_its_code_and_meaning(byte code, string meaning)
    {
        _bench.Slave.ExceptionCode = code;
        _bench.Slave.ExceptionAnswers = int.MaxValue;
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Exception, request.State);
        Assert.Equal(code, request.ExceptionCode);
        Assert.Equal(meaning, request.ExceptionMeaning);
        Assert.Equal(1, request.Attempts);
        Assert.Equal((1, 0, 0), (Stats.Exceptions, Stats.Retries, Stats.Completed));
    }

    [Theory]
    [InlineData(0x06, "Server Device Busy")]
    [InlineData(0x0B, "Gateway Target Device Failed To Respond")]
    public void Busy_and_gateway_target_exceptions_are_retried_and_reported_when_they_persist(byte code, string meaning)
    {
        _bench.Slave.ExceptionCode = code;
        _bench.Slave.ExceptionAnswers = int.MaxValue;
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Exception, request.State);
        Assert.Equal(meaning, request.ExceptionMeaning);
        Assert.Equal(3, request.Attempts);
        Assert.Equal((3, 2), (Stats.Exceptions, Stats.Retries));
    }

    [Fact]
    public void A_busy_slave_is_asked_again_later_and_its_answer_completes_the_request()
    {
        _bench.Slave.ExceptionCode = ModbusExceptionCodes.ServerDeviceBusy;
        _bench.Slave.ExceptionAnswers = 1;
        var request = ReadTen();

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(0, request.ExceptionCode);
        Assert.Equal(2, request.Attempts);
        Assert.True(ms >= 100, "the retry waits 100 ms after a busy answer, took " + ms);
    }

    [Fact]
    public void A_response_with_a_wrong_CRC_is_discarded_and_the_request_retried_without_waiting_for_the_timeout()
    {
        _bench.Slave.BadCrcAnswers = 1;
        var request = ReadTen();

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(2, request.Attempts);
        Assert.Equal((1, 1, 0), (Stats.DiscardedBadCrc, Stats.Retries, Stats.Timeouts));
        Assert.Equal(25, Stats.BytesDiscarded);
        Assert.True(ms < 200, "retried after the damaged frame, not after 500 ms: " + ms);
    }

    [Fact]
    public void Only_bad_CRCs_fail_the_request_after_three_attempts()
    {
        _bench.Slave.BadCrcAnswers = int.MaxValue;
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Failed, request.State);
        Assert.Equal(3, request.Attempts);
        Assert.Equal((3, 3, 0), (Stats.DiscardedBadCrc, Stats.RequestsSent, Stats.Completed));
    }

    [Fact]
    public void A_truncated_response_is_ended_by_the_1_5_character_silence_and_retried()
    {
        _bench.Slave.TruncatedAnswers = 1;
        var request = ReadTen();

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(2, request.Attempts);
        Assert.Equal((1, 0), (Stats.DiscardedBadLength, Stats.Timeouts));
        Assert.Equal(11, Stats.BytesDiscarded); // 23 bytes without CRC, half of them sent
        Assert.True(ms < 200, "no timeout: " + ms);
    }

    [Fact]
    public void A_response_whose_byte_count_does_not_match_the_quantity_is_discarded()
    {
        _bench.Slave.WrongByteCountAnswers = 1;
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal((1, 2), (Stats.DiscardedBadLength, request.Attempts));
        Assert.Equal(_bench.Slave.Holding.Skip(100).Take(10), request.Registers.Take(10));
    }

    [Fact]
    public void A_response_with_another_function_code_is_discarded()
    {
        _bench.Slave.WrongFunctionAnswers = 1;
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal((1, 2), (Stats.DiscardedWrongFunction, request.Attempts));
        Assert.True(Stats.BytesDiscarded >= 25);
    }

    [Fact]
    public void A_response_from_another_slave_is_ignored_and_the_response_timeout_keeps_running()
    {
        _bench.Slave.WrongAddressAnswers = 1;
        var request = ReadTen();

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(2, request.Attempts);
        Assert.Equal((1, 1, 1), (Stats.DiscardedWrongSlave, Stats.Timeouts, Stats.Retries));
        Assert.True(ms >= 500, "the first attempt ran into its timeout: " + ms);
    }

    [Fact]
    public void The_right_answer_after_another_slave_frame_within_the_timeout_completes_the_first_attempt()
    {
        _bench.Slave.ForeignFrameBeforeAnswer = 1;
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(1, request.Attempts);
        Assert.Equal((1, 0), (Stats.DiscardedWrongSlave, Stats.Timeouts));
        Assert.Equal(_bench.Slave.Holding.Skip(100).Take(10), request.Registers.Take(10));
    }

    [Fact]
    public void A_silent_slave_is_asked_three_times_and_the_request_times_out_after_three_response_timeouts()
    {
        _bench.Slave.Silent = true;
        var request = ReadTen();

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.TimedOut, request.State);
        Assert.Equal(3, request.Attempts);
        Assert.Equal(3, _bench.Slave.RequestsReceived);
        Assert.Equal((3, 3, 2, 0), (Stats.RequestsSent, Stats.Timeouts, Stats.Retries, Stats.Completed));
        // Each attempt: 8 bytes on the wire (9.2 ms) + 500 ms; before each retry the late-answer guard keeps the line
        // quiet for another response timeout (500 ms); the loop period adds at most 10 ms per step.
        Assert.InRange(ms, 3 * 509.2 + 2 * 500, 3 * 509.2 + 2 * 500 + 3 * 25);
    }

    [Fact]
    public void With_no_retries_a_silent_slave_times_out_after_one_attempt()
    {
        _bench.Slave.Silent = true;
        _bench.Master.Retries = 0;
        _bench.Master.ResponseTimeoutMs = 100;
        var request = ReadTen();

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.TimedOut, request.State);
        Assert.Equal((1, 1, 0), (request.Attempts, Stats.Timeouts, Stats.Retries));
        Assert.InRange(ms, 109.2, 125);
    }

    [Fact]
    public void A_slow_slave_answering_after_300_ms_is_within_the_500_ms_timeout()
    {
        _bench.Slave.TurnaroundUs = 300_000;
        var request = ReadTen();

        double ms = _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal((1, 0), (request.Attempts, Stats.Timeouts));
        Assert.True(ms > 300, "took " + ms);
    }

    [Fact]
    public void The_response_timeout_starts_when_a_long_request_has_left_the_wire()
    {
        // FC16 with 123 registers: 255 bytes, 292 ms at 9600 8E1; a 100 ms timeout from submission would have expired.
        _bench.Master.ResponseTimeoutMs = 100;
        _bench.Slave.TurnaroundUs = 60_000;
        var request = new ModbusRequest { SlaveAddress = 1, Function = ModbusFunction.WriteMultipleRegisters, Address = 0, Count = 123 };

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal(1, request.Attempts);
    }

    [Fact]
    public void Stale_bytes_on_the_line_are_flushed_and_counted_before_the_request_is_sent()
    {
        _bench.Port.PeerWrite(new byte[] { 0x01, 0x03, 0x14, 0x00 }, 0, 4);
        _bench.RunMs(20);
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.Completed, request.State);
        Assert.Equal((4, 1), (Stats.BytesDiscarded, request.Attempts));
    }

    [Fact]
    public void A_slave_at_another_baud_rate_never_understands_the_request_so_every_attempt_times_out()
    {
        _bench.Port.PeerSettings = new SerialSettings(19200, 8, SerialParity.Even, SerialStopBits.One);
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.TimedOut, request.State);
        Assert.Equal((3, 3), (_bench.Slave.DamagedRequests, Stats.Timeouts));
    }

    [Fact]
    public void Garbage_from_a_slave_at_another_parity_is_discarded_and_never_taken_as_an_answer()
    {
        _bench.Port.PeerSettings = new SerialSettings(9600, 8, SerialParity.None, SerialStopBits.One);
        _bench.Slave.AnswerDamagedRequests = true;
        var request = ReadTen();

        _bench.Execute(request);

        Assert.Equal(ModbusRequestState.TimedOut, request.State);
        Assert.Equal(3, _bench.Slave.AnswersSent);
        Assert.Equal(0, Stats.Completed);
        Assert.Equal(3, Stats.DiscardedWrongSlave + Stats.DiscardedWrongFunction + Stats.DiscardedBadLength + Stats.DiscardedBadCrc);
        Assert.Equal(3 * 7, Stats.BytesDiscarded);
    }

    [Fact]
    public void On_a_noisy_line_every_request_finishes_and_every_completed_read_carries_the_right_registers()
    {
        _bench.Port.NoiseProbability = 0.01;
        var request = ReadTen();
        int completed = 0;
        for (int i = 0; i < 300; i++)
        {
            request.Address = i;
            _bench.Execute(request);
            if (request.State == ModbusRequestState.Completed)
            {
                completed++;
                Assert.Equal(_bench.Slave.Holding.Skip(i).Take(10), request.Registers.Take(10));
            }
            else
            {
                Assert.True(request.State is ModbusRequestState.TimedOut or ModbusRequestState.Failed, request.State.ToString());
            }

            request.Acknowledge();
        }

        Assert.True(completed > 280, completed + " of 300");
        Assert.True(Stats.Retries > 0);
        Assert.True(Stats.DiscardedBadCrc + Stats.DiscardedWrongSlave + Stats.DiscardedBadLength + Stats.DiscardedWrongFunction > 0);
    }

    [Fact]
    public void After_a_timeout_a_late_answer_is_discarded_and_never_completes_the_next_request()
    {
        // RTU has no transaction id: an answer arriving after the timeout must not be taken for the next request's.
        _bench.Master.ResponseTimeoutMs = 100;
        _bench.Master.Retries = 0;
        _bench.Slave.TurnaroundUs = 150_000;
        var first = ReadTen();
        _bench.Execute(first);
        Assert.Equal(ModbusRequestState.TimedOut, first.State);

        _bench.Slave.TurnaroundUs = 2_000;
        var second = ReadTen();
        _bench.Execute(second);

        Assert.Equal(ModbusRequestState.Completed, second.State);
        Assert.Equal(1, second.Attempts);
        Assert.True(Stats.BytesDiscarded > 0, "the late answer was discarded");
    }
}
