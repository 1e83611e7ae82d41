using Wallbox.Drivers.Mfrc522;

namespace Wallbox.Drivers.IsoDep
{
    /// <summary>
    /// The PCD side of the ISO/IEC 14443-4:2008 half-duplex block transmission protocol (ISO-DEP) for one Type A card
    /// selected by ISO/IEC 14443-3: activation with RATS/ATS (clause 5), I-blocks with block numbering, chaining in both
    /// directions, R(ACK)/R(NAK) error recovery and S(WTX) waiting-time extensions (clause 7), deactivation with
    /// S(DESELECT) (clause 8). Non-blocking: every call starts or checks at most one frame; <see cref="Poll"/> is
    /// called once per tick. All buffers are allocated at construction; exchanges allocate nothing.
    /// </summary>
    /// <remarks>
    /// <para>The link announces FSD = 64 bytes (FSDI 5), the FIFO of the MFRC522, and activates the card with CID 0;
    /// blocks carry neither CID nor NAD (a card activated with CID 0 also answers blocks without CID, 7.1.1). Blocks
    /// it sends are at most min(FSC, 64) bytes including PCB and CRC_A, so a command is split into I-blocks of up to
    /// min(FSC, 64) - 3 bytes of INF (7.5.2). CRC_A is computed and checked in software (<see cref="Crc14443A"/>).</para>
    /// <para>Error handling follows 7.5.4.2: a timeout or an invalid block is answered with R(NAK) (Rule 4), or with
    /// R(ACK) while the card is chaining (Rule 5); an R(ACK) with the wrong block number makes the link re-send its
    /// last I-block (Rule 6); S(DESELECT) is re-sent when unanswered (Rule 8). At most <see cref="MaxRetries"/> such
    /// recoveries in a row; one more error fails the operation with the reason in <see cref="Error"/>.</para>
    /// </remarks>
    public sealed class IsoDepLink : IApduExchange
    {
        /// <summary>FSDI sent in RATS (5.1): 5, FSD = 64 bytes, the MFRC522 FIFO.</summary>
        public const int Fsdi = 5;

        /// <summary>Frame size for the proximity coupling device (5.1): the largest frame the card may send, CRC_A included.</summary>
        public const int Fsd = 64;

        /// <summary>Command buffer of the default constructor, bytes.</summary>
        public const int DefaultMaxCommandLength = 512;

        /// <summary>Response buffer of the default constructor, bytes.</summary>
        public const int DefaultMaxResponseLength = 512;

        /// <summary>Recoveries (R(NAK), repeated R(ACK), re-sent blocks) in a row before an operation fails.</summary>
        public const int MaxRetries = 2;

        /// <summary>Added to the programmed timeout: a frame the chip has not ended by then is a reader failure, ms.</summary>
        public const int ReaderDeadlineMarginMs = 50;

        private const byte Rats = 0xE0;
        private const int PcbAndCrc = 3;

        private readonly IContactlessFrameTransceiver _transceiver;
        private readonly AnswerToSelect _ats = new AnswerToSelect();
        private readonly byte[] _frame = new byte[Fsd];
        private readonly byte[] _command;
        private readonly byte[] _response;
        private IsoDepLinkState _state;
        private IsoDepLinkStep _step;
        private bool _activated;
        private int _maxInf;
        private int _commandLength;
        private int _blockOffset;
        private int _blockLength;
        private bool _blockChaining;
        private int _blockNumber;
        private int _responseLength;
        private int _errors;
        private int _resends;
        private long _frameStartMs;
        private long _frameDeadlineMs;
        private long _atsReceivedMs;
        private int _sfgtMs;

        /// <summary>Creates a link with 512-byte command and response buffers.</summary>
        public IsoDepLink(IContactlessFrameTransceiver transceiver)
            : this(transceiver, DefaultMaxCommandLength, DefaultMaxResponseLength)
        {
        }

        /// <summary>Creates a link with the given buffer capacities, bytes.</summary>
        public IsoDepLink(IContactlessFrameTransceiver transceiver, int maxCommandLength, int maxResponseLength)
        {
            _transceiver = transceiver;
            _command = new byte[maxCommandLength < 1 ? 1 : maxCommandLength];
            _response = new byte[maxResponseLength < 1 ? 1 : maxResponseLength];
        }

        /// <summary>Where the link stands.</summary>
        public IsoDepLinkState State { get { return _state; } }

        /// <summary>Why the last operation failed (<see cref="IsoDepError.None"/> while none has).</summary>
        public IsoDepError Error { get; private set; }

        /// <summary>The card's ATS (defaults until one was received).</summary>
        public AnswerToSelect Ats { get { return _ats; } }

        /// <summary>FSC of the card (5.2.3), bytes.</summary>
        public int Fsc { get { return _ats.Fsc; } }

        /// <summary>FWT of the card (5.2.5, 7.2), microseconds.</summary>
        public int FrameWaitingTimeUs { get { return _ats.FrameWaitingTimeUs; } }

        /// <summary>SFGT of the card (5.2.5), microseconds.</summary>
        public int StartupFrameGuardTimeUs { get { return _ats.StartupFrameGuardTimeUs; } }

        /// <summary>The historical bytes of the ATS (5.2.7), valid up to <see cref="HistoricalLength"/>.</summary>
        public byte[] HistoricalBytes { get { return _ats.HistoricalBytes; } }

        /// <summary>Number of historical bytes.</summary>
        public int HistoricalLength { get { return _ats.HistoricalLength; } }

        /// <summary>INF bytes per I-block sent: min(FSC, FSD of the reader) - 3 (PCB and CRC_A).</summary>
        public int MaxInfPerBlock { get { return _maxInf; } }

        /// <inheritdoc />
        public int MaxCommandLength { get { return _command.Length; } }

        /// <inheritdoc />
        public int MaxResponseLength { get { return _response.Length; } }

        /// <inheritdoc />
        public byte[] ResponseBuffer { get { return _response; } }

        /// <inheritdoc />
        public int ResponseLength { get { return _responseLength; } }

        /// <summary>Errors recovered since construction (R(NAK), repeated R(ACK), re-sent I-blocks and RATS).</summary>
        public int RecoveryCount { get; private set; }

        /// <summary>S(WTX) requests answered since construction.</summary>
        public int WaitingTimeExtensionCount { get; private set; }

        /// <summary>Exchanges ended <see cref="ApduExchangeStatus.Done"/> since construction.</summary>
        public int CompletedExchangeCount { get; private set; }

        /// <summary>True while activation, an exchange or the deactivation runs.</summary>
        public bool IsBusy
        {
            get
            {
                return _state == IsoDepLinkState.Activating || _state == IsoDepLinkState.Exchanging || _state == IsoDepLinkState.Deselecting;
            }
        }

        /// <summary>
        /// Sends RATS (5.1: FSDI 5, CID 0) to the card the ISO/IEC 14443-3 reader has just selected and resets the
        /// block number to 0 (7.5.3 Rule A). Poll until <see cref="State"/> is <see cref="IsoDepLinkState.Active"/>
        /// (ATS valid and SFGT passed) or <see cref="IsoDepLinkState.Failed"/>. A running operation is abandoned; always
        /// true.
        /// </summary>
        public bool StartActivation(long nowMs)
        {
            if (IsBusy)
            {
                _transceiver.StopFrame();
            }

            _ats.Clear();
            _activated = false;
            _blockNumber = 0;
            _responseLength = 0;
            _errors = 0;
            _maxInf = 0;
            Error = IsoDepError.None;
            _state = IsoDepLinkState.Activating;
            SendRats(nowMs);
            return true;
        }

        /// <inheritdoc />
        public bool StartExchange(byte[] command, int offset, int count, long nowMs)
        {
            if (_state != IsoDepLinkState.Active || command == null || count < 1 || count > _command.Length || offset < 0 || offset + count > command.Length)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                _command[i] = command[offset + i];
            }

            _commandLength = count;
            _responseLength = 0;
            _errors = 0;
            _resends = 0;
            _blockOffset = 0;
            _blockLength = 0;
            _state = IsoDepLinkState.Exchanging;
            SendNextIBlock(nowMs);
            return true;
        }

        /// <summary>
        /// Sends S(DESELECT) (clause 8) to an activated card, also after a failed exchange. Poll until
        /// <see cref="State"/> is <see cref="IsoDepLinkState.Deselected"/> (card in HALT) or
        /// <see cref="IsoDepLinkState.Failed"/> (<see cref="IsoDepError.DeselectNotAnswered"/>). False when the card
        /// was never activated or an operation is running.
        /// </summary>
        public bool StartDeselect(long nowMs)
        {
            if (!_activated || IsBusy)
            {
                return false;
            }

            _errors = 0;
            _state = IsoDepLinkState.Deselecting;
            SendDeselect(nowMs);
            return true;
        }

        /// <summary>Forgets the card (the reader released it or selects another): <see cref="IsoDepLinkState.Inactive"/>.</summary>
        public void Reset()
        {
            if (IsBusy)
            {
                _transceiver.StopFrame();
            }

            _state = IsoDepLinkState.Inactive;
            _step = IsoDepLinkStep.None;
            _activated = false;
            _responseLength = 0;
        }

        /// <summary>
        /// Advances activation, exchange or deactivation by one step (one frame checked, at most one started).
        /// Returns <see cref="ApduExchangeStatus.Busy"/> while any of them runs, <see cref="ApduExchangeStatus.Done"/>
        /// once when an exchange has ended with its response in <see cref="ResponseBuffer"/>,
        /// <see cref="ApduExchangeStatus.Failed"/> while the link is <see cref="IsoDepLinkState.Failed"/>, else
        /// <see cref="ApduExchangeStatus.Idle"/> (see <see cref="State"/> for activation and deactivation).
        /// </summary>
        public ApduExchangeStatus Poll(long nowMs)
        {
            if (_state == IsoDepLinkState.Failed)
            {
                return ApduExchangeStatus.Failed;
            }

            if (!IsBusy)
            {
                return ApduExchangeStatus.Idle;
            }

            if (_step == IsoDepLinkStep.StartupGuard)
            {
                // 5.2.5: the first block goes out no earlier than SFGT after the ATS; whole ms are counted from the
                // poll that read the ATS, so one more ms is waited than SFGT rounds up to.
                if (nowMs - _atsReceivedMs > _sfgtMs)
                {
                    BecomeActive();
                    return ApduExchangeStatus.Idle;
                }

                return ApduExchangeStatus.Busy;
            }

            ContactlessFrameStatus status = _transceiver.PollFrame();
            if (status == ContactlessFrameStatus.Busy)
            {
                if (nowMs - _frameStartMs > _frameDeadlineMs)
                {
                    _transceiver.StopFrame();
                    return Fail(IsoDepError.ReaderError);
                }

                return ApduExchangeStatus.Busy;
            }

            byte[] rx = _transceiver.ReceivedBuffer;
            int length = _transceiver.ReceivedLength;
            IsoDepError fault = IsoDepError.None;
            if (status == ContactlessFrameStatus.Timeout)
            {
                fault = IsoDepError.Timeout;
            }
            else if (status != ContactlessFrameStatus.Done || length < 3 || !Crc14443A.Check(rx, 0, length))
            {
                fault = IsoDepError.TransmissionError; // 7.5.4: a block with a CRC_A or framing error is invalid
            }

            switch (_step)
            {
                case IsoDepLinkStep.Ats:
                    return OnAts(fault, rx, length, nowMs);
                case IsoDepLinkStep.Deselect:
                    return OnDeselect(fault, rx, length, nowMs);
                default:
                    return OnBlock(fault, rx, length, nowMs);
            }
        }

        private ApduExchangeStatus OnAts(IsoDepError fault, byte[] rx, int length, long nowMs)
        {
            if (fault != IsoDepError.None)
            {
                // ISO/IEC 14443-4 5.6 (activation error handling): RATS may be sent again when the ATS is missing or corrupted.
                if (++_errors > MaxRetries)
                {
                    return Fail(IsoDepError.NoAnswerToRats);
                }

                RecoveryCount++;
                SendRats(nowMs);
                return ApduExchangeStatus.Busy;
            }

            if (!_ats.Parse(rx, 0, length - 2))
            {
                return Fail(IsoDepError.MalformedAts);
            }

            int fsc = _ats.Fsc < Fsd ? _ats.Fsc : Fsd;
            if (_transceiver.MaxFrameLength < fsc)
            {
                fsc = _transceiver.MaxFrameLength;
            }

            _maxInf = fsc - PcbAndCrc;
            _activated = true;
            _atsReceivedMs = nowMs;
            int sfgtUs = _ats.StartupFrameGuardTimeUs;
            _sfgtMs = (sfgtUs + 999) / 1000;
            if (sfgtUs == 0)
            {
                BecomeActive();
                return ApduExchangeStatus.Idle;
            }

            _step = IsoDepLinkStep.StartupGuard;
            return ApduExchangeStatus.Busy;
        }

        private ApduExchangeStatus OnDeselect(IsoDepError fault, byte[] rx, int length, long nowMs)
        {
            if (fault == IsoDepError.None && length == 3 && rx[0] == IsoDepPcb.SDeselect)
            {
                _state = IsoDepLinkState.Deselected;
                _step = IsoDepLinkStep.None;
                _activated = false;
                return ApduExchangeStatus.Idle;
            }

            // 7.5.4.2 Rule 8: an S(DESELECT) request not answered by an error-free S(DESELECT) response may be re-sent.
            if (++_errors > MaxRetries)
            {
                return Fail(IsoDepError.DeselectNotAnswered);
            }

            RecoveryCount++;
            SendDeselect(nowMs);
            return ApduExchangeStatus.Busy;
        }

        private ApduExchangeStatus OnBlock(IsoDepError fault, byte[] rx, int length, long nowMs)
        {
            if (fault != IsoDepError.None)
            {
                return OnError(fault, nowMs);
            }

            byte pcb = rx[0];
            if ((pcb & IsoDepPcb.CidFollowing) != 0 || (IsoDepPcb.IsIBlock(pcb) && (pcb & IsoDepPcb.NadFollowing) != 0))
            {
                return OnError(IsoDepError.ProtocolError, nowMs); // neither CID nor NAD was used by the link (7.1.1)
            }

            if (IsoDepPcb.IsWtx(pcb))
            {
                return OnWaitingTimeExtension(rx, length, nowMs);
            }

            bool iBlock = IsoDepPcb.IsIBlock(pcb);
            bool ack = IsoDepPcb.IsRBlock(pcb) && (pcb & IsoDepPcb.Nak) == 0 && length == PcbAndCrc;
            bool sameNumber = (pcb & IsoDepPcb.BlockNumber) == _blockNumber;
            switch (_step)
            {
                case IsoDepLinkStep.Acknowledge:
                    if (ack && sameNumber)
                    {
                        // 7.5.3 Rule B: toggle on an R(ACK) with the current block number; Rule 7: continue chaining.
                        _blockNumber ^= 1;
                        _errors = 0;
                        _resends = 0;
                        SendNextIBlock(nowMs);
                        return ApduExchangeStatus.Busy;
                    }

                    if (ack)
                    {
                        return Resend(nowMs); // Rule 6
                    }

                    break;
                case IsoDepLinkStep.Response:
                    if (iBlock && sameNumber)
                    {
                        return Accept(pcb, rx, length, nowMs);
                    }

                    if (ack && !sameNumber)
                    {
                        return Resend(nowMs); // Rule 6: the card never got the last I-block
                    }

                    break;
                case IsoDepLinkStep.ChainedResponse:
                    if (iBlock && sameNumber)
                    {
                        return Accept(pcb, rx, length, nowMs);
                    }

                    break;
            }

            return OnError(IsoDepError.ProtocolError, nowMs);
        }

        private ApduExchangeStatus OnWaitingTimeExtension(byte[] rx, int length, long nowMs)
        {
            int wtxm = length == 4 ? rx[1] & IsoDepPcb.WtxmMask : 0;
            if (wtxm < IsoDepPcb.MinWtxm || wtxm > IsoDepPcb.MaxWtxm)
            {
                return OnError(IsoDepError.ProtocolError, nowMs); // 7.3: WTXM 0 and 60..63 are RFU
            }

            // 7.3: answer S(WTX) with the same WTXM; FWT_temp = FWT × WTXM runs from the end of the S(WTX) response
            // until the next block is received, then FWT applies again (Rule 3: S-blocks come in pairs).
            WaitingTimeExtensionCount++;
            _frame[0] = IsoDepPcb.SWtx;
            _frame[1] = (byte)wtxm;
            Transmit(2, IsoDepTiming.ExtendedFrameWaitingTimeUs(_ats.FrameWaitingTimeUs, wtxm) + IsoDepTiming.FrameWaitingTimeToleranceUs, nowMs);
            return _state == IsoDepLinkState.Failed ? ApduExchangeStatus.Failed : ApduExchangeStatus.Busy;
        }

        private ApduExchangeStatus Accept(byte pcb, byte[] rx, int length, long nowMs)
        {
            int inf = length - PcbAndCrc;
            if (_responseLength + inf > _response.Length)
            {
                return Fail(IsoDepError.ResponseTooLong);
            }

            for (int i = 0; i < inf; i++)
            {
                _response[_responseLength + i] = rx[1 + i];
            }

            _responseLength += inf;
            _blockNumber ^= 1; // 7.5.3 Rule B
            _errors = 0;
            _resends = 0;
            if ((pcb & IsoDepPcb.Chaining) != 0)
            {
                // 7.5.4.1 Rule 2: a chained I-block of the card is acknowledged with R(ACK).
                _step = IsoDepLinkStep.ChainedResponse;
                SendAck(nowMs);
                return _state == IsoDepLinkState.Failed ? ApduExchangeStatus.Failed : ApduExchangeStatus.Busy;
            }

            _state = IsoDepLinkState.Active;
            _step = IsoDepLinkStep.None;
            CompletedExchangeCount++;
            return ApduExchangeStatus.Done;
        }

        private ApduExchangeStatus OnError(IsoDepError reason, long nowMs)
        {
            if (++_errors > MaxRetries)
            {
                return Fail(reason);
            }

            RecoveryCount++;
            if (_step == IsoDepLinkStep.ChainedResponse)
            {
                SendAck(nowMs); // 7.5.4.2 Rule 5: while the card chains, a timeout or invalid block is answered with R(ACK)
            }
            else
            {
                // 7.5.4.2 Rule 4: R(NAK) with the current block number. The card re-sends its last block if it got
                // ours (Rule 11), or answers R(ACK) with its other block number if it did not (Rule 12), and the link
                // then re-sends its last I-block (Rule 6).
                _frame[0] = (byte)(IsoDepPcb.RNak | _blockNumber);
                Transmit(1, FrameTimeoutUs(), nowMs);
            }

            return _state == IsoDepLinkState.Failed ? ApduExchangeStatus.Failed : ApduExchangeStatus.Busy;
        }

        private ApduExchangeStatus Resend(long nowMs)
        {
            // 7.5.4.2 Rule 6: an R(ACK) whose block number differs from the current one asks for the last I-block again.
            if (++_resends > MaxRetries)
            {
                return Fail(IsoDepError.ProtocolError);
            }

            RecoveryCount++;
            SendIBlock(nowMs);
            return _state == IsoDepLinkState.Failed ? ApduExchangeStatus.Failed : ApduExchangeStatus.Busy;
        }

        private void SendNextIBlock(long nowMs)
        {
            // 7.5.2: a command longer than FSC - 3 goes out in chained I-blocks, each but the last with b5 set.
            _blockOffset += _blockLength;
            int remaining = _commandLength - _blockOffset;
            _blockLength = remaining > _maxInf ? _maxInf : remaining;
            _blockChaining = _blockOffset + _blockLength < _commandLength;
            _step = _blockChaining ? IsoDepLinkStep.Acknowledge : IsoDepLinkStep.Response;
            SendIBlock(nowMs);
        }

        private void SendIBlock(long nowMs)
        {
            _frame[0] = (byte)(IsoDepPcb.IBlock | (_blockChaining ? IsoDepPcb.Chaining : 0) | _blockNumber);
            for (int i = 0; i < _blockLength; i++)
            {
                _frame[1 + i] = _command[_blockOffset + i];
            }

            Transmit(1 + _blockLength, FrameTimeoutUs(), nowMs);
        }

        private void SendAck(long nowMs)
        {
            _frame[0] = (byte)(IsoDepPcb.RAck | _blockNumber);
            Transmit(1, FrameTimeoutUs(), nowMs);
        }

        private void SendRats(long nowMs)
        {
            _step = IsoDepLinkStep.Ats;
            _frame[0] = Rats;
            _frame[1] = (byte)(Fsdi << 4); // FSDI in b8..b5, CID 0 in b4..b1 (5.1)
            Transmit(2, IsoDepTiming.ActivationFrameWaitingTimeUs + IsoDepTiming.FrameWaitingTimeToleranceUs, nowMs);
        }

        private void SendDeselect(long nowMs)
        {
            _step = IsoDepLinkStep.Deselect;
            _frame[0] = IsoDepPcb.SDeselect;
            int fwt = _ats.FrameWaitingTimeUs > IsoDepTiming.ActivationFrameWaitingTimeUs ? _ats.FrameWaitingTimeUs : IsoDepTiming.ActivationFrameWaitingTimeUs;
            Transmit(1, fwt + IsoDepTiming.FrameWaitingTimeToleranceUs, nowMs);
        }

        private int FrameTimeoutUs()
        {
            return _ats.FrameWaitingTimeUs + IsoDepTiming.FrameWaitingTimeToleranceUs;
        }

        private void Transmit(int length, int timeoutUs, long nowMs)
        {
            Crc14443A.Append(_frame, 0, length);
            if (!_transceiver.StartFrame(_frame, 0, length + 2, timeoutUs))
            {
                Fail(IsoDepError.ReaderError);
                return;
            }

            _frameStartMs = nowMs;
            _frameDeadlineMs = timeoutUs / 1000 + 1 + ReaderDeadlineMarginMs;
        }

        private void BecomeActive()
        {
            _state = IsoDepLinkState.Active;
            _step = IsoDepLinkStep.None;
        }

        private ApduExchangeStatus Fail(IsoDepError reason)
        {
            if (_step == IsoDepLinkStep.Ats)
            {
                _activated = false;
            }

            _state = IsoDepLinkState.Failed;
            _step = IsoDepLinkStep.None;
            Error = reason;
            return ApduExchangeStatus.Failed;
        }
    }
}
