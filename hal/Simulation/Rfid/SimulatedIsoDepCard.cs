using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The PICC side of ISO/IEC 14443-4:2008 (ISO-DEP) for a <see cref="VirtualCard"/> with an
/// <see cref="IIsoDepCardApplication"/>: RATS → ATS (5.1, 5.2), I-blocks with the PICC block numbering rules
/// (7.5.3 Rules C, D, E), chaining in both directions honouring the reader's FSD and the card's FSC (7.5.2),
/// R(ACK)/R(NAK) handling by the rules for the PICC (7.5.4.3 Rules 10 to 13), S(WTX) requests while the application
/// works longer than FWT (7.3), and S(DESELECT) (clause 8). The card is silent on invalid blocks (CRC_A error, frame
/// longer than FSC, CID/NAD it was not activated with, or unexpected blocks), during SFGT after the ATS, and while it
/// is still working on a command. Buffers are allocated once; frames allocate nothing.
/// </summary>
public sealed class SimulatedIsoDepCard
{
    /// <summary>Command and response capacity of the card, bytes (the application gets a response buffer this long).</summary>
    public const int BufferSize = 4096;

    private readonly VirtualCard _card;
    private readonly IIsoDepCardApplication _application;
    private readonly byte[] _command = new byte[BufferSize];
    private readonly byte[] _response = new byte[BufferSize];
    private readonly byte[] _lastBlock = new byte[260];
    private readonly int _fsc;
    private readonly int _fwtUs;
    private int _lastBlockLength;
    private int _commandLength;
    private bool _commandOverflow;
    private int _responseLength;
    private int _responseSent;
    private bool _chainingResponse;
    private int _blockNumber;
    private int _wtxRemaining;
    private int _wtxm;
    private long _guardUntilUs;
    private long _busyUntilUs;

    /// <summary>Creates the ISO-DEP layer of <paramref name="card"/> running <paramref name="application"/>.</summary>
    public SimulatedIsoDepCard(VirtualCard card, IIsoDepCardApplication application)
    {
        _card = card ?? throw new ArgumentNullException(nameof(card));
        _application = application ?? throw new ArgumentNullException(nameof(application));
        _fsc = FrameSize(card.Fsci);
        _fwtUs = (int)((4096L << Math.Clamp(card.Fwi, 0, 14)) * 1_000_000 / 13_560_000);
    }

    /// <summary>The application behind the transport.</summary>
    public IIsoDepCardApplication Application => _application;

    /// <summary>True after RATS, until S(DESELECT), HLTA or power-off (the PROTOCOL state of 5.1).</summary>
    public bool IsActivated { get; private set; }

    /// <summary>FSD the reader announced in RATS (5.1), bytes; 0 before RATS.</summary>
    public int ReaderFrameSize { get; private set; }

    /// <summary>FSC of the card (5.2.3), bytes.</summary>
    public int Fsc => _fsc;

    /// <summary>FWT of the card (5.2.5), microseconds.</summary>
    public int FrameWaitingTimeUs => _fwtUs;

    /// <summary>Processing time before the last answer, microseconds (after the reader's frame, beyond the chip latency).</summary>
    public long LastAnswerDelayUs { get; private set; }

    /// <summary>Frames received in the PROTOCOL state (valid or not).</summary>
    public int FramesReceived { get; private set; }

    /// <summary>Frames ignored: CRC_A errors, longer than FSC, during SFGT or while busy, unexpected blocks.</summary>
    public int FramesIgnored { get; private set; }

    /// <summary>Longest frame received from the reader, bytes (CRC_A included).</summary>
    public int LongestFrameReceived { get; private set; }

    /// <summary>Longest frame sent to the reader, bytes (CRC_A included).</summary>
    public int LongestFrameSent { get; private set; }

    /// <summary>I-blocks received (chained or not).</summary>
    public int IBlocksReceived { get; private set; }

    /// <summary>I-blocks sent (chained or not).</summary>
    public int IBlocksSent { get; private set; }

    /// <summary>Commands passed to the application.</summary>
    public int CommandsProcessed { get; private set; }

    /// <summary>R(NAK) blocks received.</summary>
    public int NakReceived { get; private set; }

    /// <summary>Blocks re-sent on R(ACK)/R(NAK) with the card's block number (Rule 11).</summary>
    public int BlocksResent { get; private set; }

    /// <summary>S(WTX) requests sent.</summary>
    public int WtxRequests { get; private set; }

    /// <summary>WTXM of the last S(WTX) request (0 before any).</summary>
    public int LastWtxm { get; private set; }

    /// <summary>Sum of the WTXMs requested: the frame waiting times granted in total.</summary>
    public int WtxmTotal { get; private set; }

    /// <summary>Set when the card answered S(DESELECT): the ISO/IEC 14443-3 layer goes to HALT.</summary>
    public bool Deselected { get; private set; }

    /// <summary>Handles RATS (5.1) in the ACTIVE state: answers the ATS (with CRC_A) and starts SFGT; returns its length.</summary>
    public int Activate(byte[] rats, byte[] answer, long nowUs)
    {
        ReaderFrameSize = FrameSize(rats[1] >> 4);
        byte[] ats = _card.Ats();
        Array.Copy(ats, answer, ats.Length);
        AppendCrc(answer, ats.Length);
        int sfgi = Math.Clamp(_card.Sfgi, 0, 14);
        _guardUntilUs = sfgi == 0 ? 0 : nowUs + (int)((4096L << sfgi) * 1_000_000 / 13_560_000);
        _blockNumber = 1; // 7.5.3 Rule C
        _commandLength = 0;
        _responseLength = 0;
        _chainingResponse = false;
        _wtxRemaining = 0;
        Deselected = false;
        IsActivated = true;
        LastAnswerDelayUs = 0;
        return ats.Length + 2;
    }

    /// <summary>
    /// Handles one frame of <paramref name="count"/> whole bytes in the PROTOCOL state; writes the answer (CRC_A
    /// included) to <paramref name="answer"/> and returns its length, or 0 when the card stays silent.
    /// </summary>
    public int Receive(byte[] frame, int count, byte[] answer, long nowUs)
    {
        LastAnswerDelayUs = 0;
        FramesReceived++;
        LongestFrameReceived = Math.Max(LongestFrameReceived, count);
        if (!IsActivated || nowUs < _guardUntilUs || nowUs < _busyUntilUs || count < 3 || count > _fsc || !CrcOk(frame, count))
        {
            FramesIgnored++; // SFGT not over, still working, or an invalid block: the PICC does not answer
            return 0;
        }

        byte pcb = frame[0];
        int inf = count - 3;
        if ((pcb & 0xE2) == 0x02 && (pcb & 0x0C) == 0)
        {
            return OnIBlock(pcb, frame, inf, answer, nowUs);
        }

        if ((pcb & 0xE6) == 0xA2 && (pcb & 0x08) == 0 && inf == 0)
        {
            return OnRBlock(pcb, answer, nowUs);
        }

        if (pcb == 0xF2 && inf == 1 && _wtxm > 0 && (frame[1] & 0x3F) == _wtxm)
        {
            // 7.3: the reader granted FWT × WTXM; the card uses three quarters of it, then asks again or answers.
            long delay = (long)_wtxm * _fwtUs * 3 / 4;
            _wtxRemaining -= _wtxm;
            _wtxm = 0;
            int length = _wtxRemaining > 0 ? RequestWtx(answer) : SendResponseBlock(answer);
            Delay(delay, nowUs);
            return length;
        }

        if (pcb == 0xC2 && inf == 0)
        {
            // Clause 8: S(DESELECT) response, then HALT; volatile application state ends.
            answer[0] = 0xC2;
            AppendCrc(answer, 1);
            Reset();
            Deselected = true;
            return 3;
        }

        FramesIgnored++;
        return 0;
    }

    /// <summary>Leaves the PROTOCOL state (HLTA, S(DESELECT), power-off) and resets the application.</summary>
    public void Reset()
    {
        IsActivated = false;
        _commandLength = 0;
        _responseLength = 0;
        _chainingResponse = false;
        _wtxRemaining = 0;
        _wtxm = 0;
        _busyUntilUs = 0;
        _guardUntilUs = 0;
        _application.Reset();
    }

    private int OnIBlock(byte pcb, byte[] frame, int inf, byte[] answer, long nowUs)
    {
        IBlocksReceived++;
        _blockNumber ^= 1; // 7.5.3 Rule D
        if (_chainingResponse || _wtxRemaining > 0)
        {
            _chainingResponse = false; // a new command ends whatever was going on
            _wtxRemaining = 0;
            _wtxm = 0;
            _commandLength = 0;
        }

        if (_commandLength + inf > BufferSize)
        {
            _commandOverflow = true;
        }
        else
        {
            Array.Copy(frame, 1, _command, _commandLength, inf);
            _commandLength += inf;
        }

        if ((pcb & 0x10) != 0)
        {
            // 7.5.2: a chained I-block is acknowledged with R(ACK) carrying the (toggled) block number.
            answer[0] = (byte)(0xA2 | _blockNumber);
            return Finish(answer, 1);
        }

        // 7.5.4.3 Rule 10: an I-block without chaining is answered with an I-block (after S(WTX) if need be, Rule 9).
        CommandsProcessed++;
        _responseLength = _commandOverflow ? 0 : _application.Process(_command, 0, _commandLength, _response);
        _commandOverflow = false;
        _commandLength = 0;
        _responseSent = 0;
        _chainingResponse = false;
        int extra = _application.LastCommandExtraFrameWaitingTimes;
        if (extra > 0)
        {
            _wtxRemaining = extra;
            return RequestWtx(answer);
        }

        return SendResponseBlock(answer);
    }

    private int OnRBlock(byte pcb, byte[] answer, long nowUs)
    {
        bool nak = (pcb & 0x10) != 0;
        if (nak)
        {
            NakReceived++;
        }

        if ((pcb & 0x01) == _blockNumber)
        {
            // Rule 11: R(ACK) or R(NAK) with the card's block number: the last block is re-sent.
            BlocksResent++;
            Array.Copy(_lastBlock, answer, _lastBlockLength);
            return _lastBlockLength;
        }

        if (nak)
        {
            // Rule 12: R(NAK) with the other block number (the reader's I-block never arrived): R(ACK).
            answer[0] = (byte)(0xA2 | _blockNumber);
            return Finish(answer, 1);
        }

        if (_chainingResponse)
        {
            _blockNumber ^= 1; // Rule E, then Rule 13: chaining continues
            return SendResponseBlock(answer);
        }

        FramesIgnored++;
        return 0;
    }

    private int RequestWtx(byte[] answer)
    {
        _wtxm = Math.Clamp(Math.Min(_wtxRemaining, _card.MaxWtxm), 1, 59);
        WtxRequests++;
        LastWtxm = _wtxm;
        WtxmTotal += _wtxm;
        answer[0] = 0xF2;
        answer[1] = (byte)_wtxm;
        return Finish(answer, 2);
    }

    private int SendResponseBlock(byte[] answer)
    {
        // 7.5.2: the response goes out in I-blocks of at most FSD bytes (PCB and CRC_A included), chained while more follow.
        int maxInf = ReaderFrameSize - 3;
        int remaining = _responseLength - _responseSent;
        int inf = Math.Min(remaining, maxInf);
        bool more = inf < remaining;
        answer[0] = (byte)(0x02 | (more ? 0x10 : 0x00) | _blockNumber);
        Array.Copy(_response, _responseSent, answer, 1, inf);
        _responseSent += inf;
        _chainingResponse = more;
        IBlocksSent++;
        return Finish(answer, 1 + inf);
    }

    private int Finish(byte[] answer, int length)
    {
        AppendCrc(answer, length);
        Array.Copy(answer, _lastBlock, length + 2);
        _lastBlockLength = length + 2;
        LongestFrameSent = Math.Max(LongestFrameSent, length + 2);
        return length + 2;
    }

    private void Delay(long delayUs, long nowUs)
    {
        LastAnswerDelayUs = delayUs;
        _busyUntilUs = nowUs + delayUs;
    }

    private static int FrameSize(int code) => code switch
    {
        0 => 16, 1 => 24, 2 => 32, 3 => 40, 4 => 48, 5 => 64, 6 => 96, 7 => 128, _ => 256,
    };

    private static bool CrcOk(byte[] frame, int count)
    {
        int crc = SimulatedCrcA.Compute(frame, 0, count - 2);
        return frame[count - 2] == (byte)crc && frame[count - 1] == (byte)(crc >> 8);
    }

    private static void AppendCrc(byte[] data, int count)
    {
        int crc = SimulatedCrcA.Compute(data, 0, count);
        data[count] = (byte)crc;
        data[count + 1] = (byte)(crc >> 8);
    }
}
