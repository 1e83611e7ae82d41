using Wallbox.Hal;

namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// Modbus RTU client (master) on an RS-485 <see cref="ISerialPort"/>, as a loop component: one request in flight,
    /// advanced one bounded step per <see cref="Tick"/>, never waiting and allocating nothing once constructed.
    /// It follows the master state diagram of MODBUS over Serial Line V1.02 §2.4.1 (idle → waiting for reply →
    /// processing reply / processing error) with the RTU framing of §2.5.1.1 and the CRC of §2.5.1.2.
    /// </summary>
    /// <remarks>
    /// <para>Transmit: a request waits until the line has been silent for t3.5 (<see cref="ModbusRtuTiming.InterFrameDelayUs"/>)
    /// since the last byte received (<see cref="ISerialPort.LastReceiveUs"/>) and the end of our own last frame, and
    /// until the transmitter is idle; received bytes still waiting then are stale (a late answer, line noise) and are
    /// flushed and counted. The frame is encoded once when the request is accepted and resent as is on retries.</para>
    /// <para>Receive: the response ends when its expected length has arrived (5 bytes for an exception, 8 for a write
    /// echo, 5 + byte count for a read — the length is known after three bytes, so a response is processed in the tick
    /// its last byte is seen), or, incomplete, when the line has been silent for t1.5 (§2.5.1.1: "the message frame is
    /// declared incomplete and should be discarded"). The response timeout (<see cref="ResponseTimeoutMs"/>) runs from
    /// the end of our transmission (at 9600 baud a 255-byte frame takes 290 ms on the wire) to the first byte of the
    /// response; once the addressed slave's frame is arriving, length and silence end it.</para>
    /// <para>Errors (§2.4.1): a frame from another slave address is skipped to its end and the response timeout keeps
    /// running. A damaged frame from the addressed slave (CRC, byte count, truncated, unexpected function) ends the
    /// attempt at once and is retried after the t3.5 silence rather than after the timeout — §2.4.1 "in case of an
    /// error detected on the frame, a retry may be performed" — which keeps a noisy line's polling fast. Up to
    /// <see cref="Retries"/> retransmissions follow a timeout or a damaged frame; the request then finishes TimedOut
    /// (the last attempt got no answer) or Failed (it got only a damaged one). Exception responses finish the request
    /// (Application Protocol V1.1b3 §7), except 06 Server Device Busy and 0B Gateway Target Device Failed To Respond,
    /// which are retried 100 ms later within the same retry budget.</para>
    /// <para>Time: everything is measured with <see cref="IMonotonicClock.NowUs"/>, the time base of
    /// <see cref="ISerialPort.LastReceiveUs"/>; the tick's millisecond time is too coarse for character times. How soon
    /// a finished response is noticed depends on the tick period (10 ms), never on the correctness of a frame.</para>
    /// <para>Communication loss (CPH-47/58) is decided by the meter service from the outcomes and
    /// <see cref="Statistics"/>; this class only reports each transaction truthfully.</para>
    /// <para>Assumes the RS-485 receiver is disabled while we drive the line (no local echo), as in the HAL's
    /// half-duplex mode.</para>
    /// </remarks>
    public sealed class ModbusRtuMaster : ITickable
    {
        /// <summary>
        /// Default response timeout, milliseconds. Our choice: meters answer within 10–100 ms, slow ones within 300 ms;
        /// three attempts then fit in well under two seconds, far inside the meter-fault time of the meter service.
        /// </summary>
        private const int DefaultResponseTimeoutMs = 500;

        /// <summary>Default retransmissions after a failed attempt (so at most three attempts).</summary>
        private const int DefaultRetries = 2;

        /// <summary>
        /// Wait before resending a request answered with 06 Server Device Busy or 0B, milliseconds. Our choice: the
        /// specification only says "later" (V1.1b3 §7); 100 ms is ten loop periods and short next to a poll cycle.
        /// </summary>
        private const int ServerBusyRetryDelayMs = 100;

        /// <summary>Bytes of every response that identify it and give its length: address, function, byte count or code.</summary>
        private const int HeaderBytes = 3;

        private const long MicrosecondsPerMillisecond = 1000L;

        private readonly ISerialPort _port;
        private readonly IMonotonicClock _clock;
        private readonly byte[] _tx = new byte[ModbusRtuFrame.MaxFrameBytes];
        private readonly byte[] _rx = new byte[ModbusRtuFrame.MaxFrameBytes];
        private readonly ModbusStatistics _statistics = new ModbusStatistics();

        private ModbusRequest _request;
        private Phase _phase;
        private int _txLength;
        private bool _isRead;
        private int _readByteCount;
        private int _received;
        private int _expected;
        private long _notBeforeUs;
        private long _quietUntilUs;
        private long _transmitEndUs;
        private long _lastTransmitEndUs;
        private int _interCharacterTimeoutUs;
        private int _interFrameDelayUs;

        /// <summary>Creates the master on a port (opened with <see cref="Open"/>, or already open).</summary>
        public ModbusRtuMaster(ISerialPort port, IMonotonicClock clock)
        {
            _port = port;
            _clock = clock;
            ResponseTimeoutMs = DefaultResponseTimeoutMs;
            Retries = DefaultRetries;
            _lastTransmitEndUs = clock.NowUs;
        }

        private enum Phase
        {
            Idle,

            /// <summary>Waiting for t3.5 of line silence (and any retry delay) before transmitting.</summary>
            WaitingForSilence,

            /// <summary>Transmitted; collecting the response.</summary>
            Receiving,

            /// <summary>Dropping a frame addressed from another slave until the line is silent again.</summary>
            SkippingForeignFrame,
        }

        /// <summary>Time from the end of our transmission to the first byte of the response, milliseconds.</summary>
        public int ResponseTimeoutMs { get; set; }

        /// <summary>Retransmissions after a timeout, a damaged response or a busy slave (0 = one attempt only).</summary>
        public int Retries { get; set; }

        /// <summary>
        /// After an attempt timed out, how long the line must stay free of the late answer before anything is sent
        /// again, milliseconds (0 = the response timeout). RTU frames carry no transaction id: a slave slower than the
        /// timeout would otherwise answer the previous request while the master waits for the next one, and a reply of
        /// the same length (the voltage register read as energy) would be taken for it. Everything that arrives in
        /// this window is discarded and counted.
        /// </summary>
        public int LateAnswerGuardMs { get; set; }

        /// <summary>Counters since construction.</summary>
        public ModbusStatistics Statistics { get { return _statistics; } }

        /// <summary>True while a request is queued or in flight; <see cref="TrySubmit"/> refuses another.</summary>
        public bool IsBusy { get { return _request != null; } }

        /// <summary>
        /// Opens the port with <paramref name="settings"/> (baud rate, parity and stop bits of the meter, CPH-90). A
        /// request in flight finishes Failed, since it was sent with the old settings. The first frame then waits for
        /// t3.5 of silence from now: what the line carried before is unknown (§2.5.1.1).
        /// </summary>
        public bool Open(SerialSettings settings)
        {
            Abort();
            bool opened = _port.Open(settings);
            _lastTransmitEndUs = _clock.NowUs;
            return opened;
        }

        /// <summary>Closes the port; a request in flight finishes Failed.</summary>
        public void Close()
        {
            Abort();
            _port.Close();
        }

        /// <summary>
        /// Queues <paramref name="request"/> and encodes its frame. Returns false, changing nothing, when a request is
        /// already in flight, or the request is invalid: slave 1..247, function 03/04 with 1..125 registers, 06 with
        /// exactly 1, 16 with 1..123, and the block within the 16-bit register address space.
        /// </summary>
        public bool TrySubmit(ModbusRequest request)
        {
            if (request == null || _request != null || !ModbusRtuFrame.IsValid(request)
                || request.State == ModbusRequestState.Queued || request.State == ModbusRequestState.AwaitingResponse)
            {
                return false;
            }

            _txLength = ModbusRtuFrame.EncodeRequest(request, _tx);
            _isRead = ModbusRtuFrame.IsRead(request.Function);
            _readByteCount = request.Count * 2;
            request.Attempts = 0;
            request.ExceptionCode = 0;
            _request = request;
            ScheduleAttempt(_clock.NowUs);
            return true;
        }

        /// <summary>One step: flush and transmit when the line is free, or read what has arrived and judge it.</summary>
        public void Tick(long nowMs)
        {
            if (_request == null)
            {
                return;
            }

            if (!_port.IsOpen)
            {
                Finish(ModbusRequestState.Failed);
                return;
            }

            long nowUs = _clock.NowUs;
            if (_phase == Phase.WaitingForSilence)
            {
                TickWaitingForSilence(nowUs);
            }
            else if (_phase == Phase.Receiving)
            {
                TickReceiving(nowUs);
            }
            else if (_phase == Phase.SkippingForeignFrame)
            {
                TickSkippingForeignFrame(nowUs);
            }
        }

        private void TickWaitingForSilence(long nowUs)
        {
            FlushReceived();
            if (nowUs < _notBeforeUs || nowUs < _quietUntilUs)
            {
                return;
            }

            SerialSettings settings = _port.Settings;
            long lastActivityUs = _port.LastReceiveUs > _lastTransmitEndUs ? _port.LastReceiveUs : _lastTransmitEndUs;
            if (_port.IsTransmitting || nowUs - lastActivityUs < ModbusRtuTiming.InterFrameDelayUs(settings))
            {
                // A line that never falls silent (a babbling device, a stuck transmitter) must not hold the request forever.
                if (nowUs - _notBeforeUs >= ResponseTimeoutMs * MicrosecondsPerMillisecond)
                {
                    Finish(ModbusRequestState.Failed);
                }

                return;
            }

            if (!_port.Write(_tx, 0, _txLength))
            {
                Finish(ModbusRequestState.Failed);
                return;
            }

            _request.Attempts++;
            _statistics.RequestsSent++;
            if (_request.Attempts > 1)
            {
                _statistics.Retries++;
            }

            _request.State = ModbusRequestState.AwaitingResponse;
            _interCharacterTimeoutUs = ModbusRtuTiming.InterCharacterTimeoutUs(settings);
            _interFrameDelayUs = ModbusRtuTiming.InterFrameDelayUs(settings);
            _transmitEndUs = nowUs + (_txLength * (long)ModbusRtuTiming.CharacterTimeUs(settings));
            _lastTransmitEndUs = _transmitEndUs;
            _received = 0;
            _expected = 0;
            _phase = Phase.Receiving;
        }

        private void TickReceiving(long nowUs)
        {
            TrackTransmission(nowUs);
            ReadUpTo(HeaderBytes);
            if (_received == 0)
            {
                if (nowUs - _transmitEndUs >= ResponseTimeoutMs * MicrosecondsPerMillisecond)
                {
                    _statistics.Timeouts++;
                    GuardAgainstLateAnswer(nowUs);
                    EndAttempt(ModbusRequestState.TimedOut, nowUs);
                }

                return;
            }

            if (_rx[0] != _tx[0])
            {
                // §2.4.1: a reply from an unexpected slave is ignored and the response time-out kept running.
                _statistics.DiscardedWrongSlave++;
                _statistics.BytesDiscarded += _received;
                _received = 0;
                _phase = Phase.SkippingForeignFrame;
                return;
            }

            if (_expected == 0 && _received >= 2 && !FindExpectedLength())
            {
                DiscardFrame(nowUs);
                return;
            }

            if (_expected > 0)
            {
                ReadUpTo(_expected);
                if (_received >= _expected)
                {
                    ProcessFrame(nowUs);
                    return;
                }
            }

            if (nowUs - _port.LastReceiveUs >= _interCharacterTimeoutUs)
            {
                // §2.5.1.1: a t1.5 silence inside a frame makes it incomplete.
                _statistics.DiscardedBadLength++;
                DiscardFrame(nowUs);
            }
        }

        private void TickSkippingForeignFrame(long nowUs)
        {
            TrackTransmission(nowUs);
            FlushReceived();
            if (nowUs - _transmitEndUs >= ResponseTimeoutMs * MicrosecondsPerMillisecond)
            {
                _statistics.Timeouts++;
                GuardAgainstLateAnswer(nowUs);
                EndAttempt(ModbusRequestState.TimedOut, nowUs);
            }
            else if (nowUs - _port.LastReceiveUs >= _interFrameDelayUs)
            {
                // The foreign frame has ended (t3.5, §2.5.1.1): listen for ours again.
                _phase = Phase.Receiving;
            }
        }

        /// <summary>
        /// From the function byte (and a read's byte count): the frame's full length into <see cref="_expected"/>.
        /// False, with the reason counted, when the header cannot belong to the response to our request.
        /// </summary>
        private bool FindExpectedLength()
        {
            int function = _rx[1];
            if (function == (_tx[1] | ModbusRtuFrame.ExceptionFlag))
            {
                _expected = ModbusRtuFrame.ExceptionResponseBytes;
                return true;
            }

            if (function != _tx[1])
            {
                _statistics.DiscardedWrongFunction++;
                return false;
            }

            if (!_isRead)
            {
                _expected = ModbusRtuFrame.WriteResponseBytes;
                return true;
            }

            if (_received < HeaderBytes)
            {
                return true;
            }

            if (_rx[2] != _readByteCount)
            {
                // §6.3/§6.4: the byte count must be 2 x the quantity requested.
                _statistics.DiscardedBadLength++;
                return false;
            }

            _expected = ModbusRtuFrame.ReadResponseOverheadBytes + _readByteCount;
            return true;
        }

        private void ProcessFrame(long nowUs)
        {
            if (!ModbusRtuFrame.HasValidCrc(_rx, _expected))
            {
                _statistics.DiscardedBadCrc++;
                DiscardFrame(nowUs);
                return;
            }

            if ((_rx[1] & ModbusRtuFrame.ExceptionFlag) != 0)
            {
                _statistics.Exceptions++;
                byte code = _rx[2];
                if (ModbusExceptionCodes.IsWorthRetrying(code) && _request.Attempts <= Retries)
                {
                    ScheduleAttempt(nowUs + (ServerBusyRetryDelayMs * MicrosecondsPerMillisecond));
                    return;
                }

                _request.ExceptionCode = code;
                Finish(ModbusRequestState.Exception);
                return;
            }

            if (_isRead)
            {
                ModbusRtuFrame.DecodeRegisters(_rx, _request);
                Finish(ModbusRequestState.Completed);
                return;
            }

            // §6.6/§6.12: a write is confirmed by its echo; a valid frame echoing something else is a device fault,
            // and sending the same write again would not explain it.
            Finish(ModbusRtuFrame.EchoMatches(_rx, _tx) ? ModbusRequestState.Completed : ModbusRequestState.Failed);
        }

        /// <summary>A damaged frame from the addressed slave: counted bytes, then retry at once (§2.4.1) or finish Failed.</summary>
        private void DiscardFrame(long nowUs)
        {
            _statistics.BytesDiscarded += _received;
            _received = 0;
            EndAttempt(ModbusRequestState.Failed, nowUs);
        }

        private void EndAttempt(ModbusRequestState outcomeWithoutRetry, long nowUs)
        {
            if (_request.Attempts <= Retries)
            {
                ScheduleAttempt(nowUs);
            }
            else
            {
                Finish(outcomeWithoutRetry);
            }
        }

        private void GuardAgainstLateAnswer(long nowUs)
        {
            _quietUntilUs = nowUs + (LateAnswerGuardMs > 0 ? LateAnswerGuardMs : ResponseTimeoutMs) * (long)MicrosecondsPerMillisecond;
        }

        private void ScheduleAttempt(long notBeforeUs)
        {
            _request.State = ModbusRequestState.Queued;
            _notBeforeUs = notBeforeUs;
            _received = 0;
            _expected = 0;
            _phase = Phase.WaitingForSilence;
        }

        private void Finish(ModbusRequestState outcome)
        {
            if (outcome == ModbusRequestState.Completed)
            {
                _statistics.Completed++;
            }

            _request.State = outcome;
            _request = null;
            _phase = Phase.Idle;
        }

        private void Abort()
        {
            if (_request != null)
            {
                Finish(ModbusRequestState.Failed);
            }
        }

        /// <summary>Moves received bytes into the frame buffer until it holds <paramref name="count"/>.</summary>
        private void ReadUpTo(int count)
        {
            if (_received < count)
            {
                _received += _port.Read(_rx, _received, count - _received);
            }
        }

        /// <summary>Drops whatever the port holds (stale bytes, the rest of a discarded frame), counted.</summary>
        private void FlushReceived()
        {
            int stale = _port.BytesToRead;
            if (stale > 0)
            {
                _port.DiscardReceiveBuffer();
                _statistics.BytesDiscarded += stale;
            }
        }

        /// <summary>While the port still shifts our frame out, the response timeout has not started yet.</summary>
        private void TrackTransmission(long nowUs)
        {
            if (_port.IsTransmitting && nowUs > _transmitEndUs)
            {
                _transmitEndUs = nowUs;
                _lastTransmitEndUs = nowUs;
            }
        }
    }
}
