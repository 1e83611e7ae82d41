using System;
using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// Register model of the NXP MFRC522 (datasheet rev. 3.9) on the SPI bus, with the cards of an <see cref="RfidField"/>
/// behind its antenna. Modelled: SPI framing (8.1.2: address byte <c>reg &lt;&lt; 1</c>, bit 7 = read; a read
/// burst returns the register named by the previous byte; a write burst writes every byte to the same register),
/// the 64-byte FIFO, SoftReset, Transceive with TxLastBits/RxAlign bit framing, collisions between cards (ErrorReg
/// CollErr, CollReg CollPos), the timer (TAuto, TPrescaler, TReload) for card silence, and the CalcCRC coprocessor.
/// Time comes from the <see cref="VirtualClock"/>: answers appear <see cref="AnswerLatencyUs"/> after StartSend, plus
/// the card's own processing time (an ISO-DEP card working under S(WTX)). The timer runs from the end of the
/// transmission and, as with TAuto on the chip (datasheet 9.3.3.10), stops when an answer starts: an answer later than
/// the programmed timeout finds TimerIRq already set, so a reader whose timeout is shorter than the card's processing
/// time (e.g. one ignoring the WTXM of ISO/IEC 14443-4 7.3) gets a timeout. Cards are powered only while the antenna
/// is on. Fault injection for tests: <see cref="LoseFramesToCard"/>, <see cref="LoseAnswers"/>,
/// <see cref="CorruptAnswers"/>.
/// </summary>
public sealed class SimulatedMfrc522 : ISpiPeripheral
{
    private const int CommandReg = 0x01, ComIrqReg = 0x04, DivIrqReg = 0x05, ErrorReg = 0x06, FIFODataReg = 0x09,
        FIFOLevelReg = 0x0A, ControlReg = 0x0C, BitFramingReg = 0x0D, CollReg = 0x0E, ModeReg = 0x11,
        TxControlReg = 0x14, CRCResultRegMsb = 0x21, CRCResultRegLsb = 0x22, TModeReg = 0x2A, TPrescalerReg = 0x2B,
        TReloadRegHigh = 0x2C, TReloadRegLow = 0x2D, VersionReg = 0x37;

    private const byte Idle = 0x00, CalcCRC = 0x03, Transceive = 0x0C, SoftReset = 0x0F;
    private const int FifoSize = 64;
    private const int MaxAirFrame = 300;

    private readonly VirtualClock _clock;
    private readonly RfidField _field;
    private readonly byte[] _regs = new byte[64];
    private readonly byte[] _fifo = new byte[FifoSize];
    private readonly byte[] _txFrame = new byte[FifoSize];
    private readonly byte[] _answer = new byte[MaxAirFrame];
    private readonly byte[] _combined = new byte[MaxAirFrame];
    private readonly List<SimulatedIso14443Card> _cards = new List<SimulatedIso14443Card>();
    private int _fifoCount;
    private int _fifoRead;
    private bool _first;
    private bool _read;
    private int _address;
    private long _resetDoneUs;
    private long _pendingAtUs = -1;
    private int _pendingBits;
    private int _pendingCollision; // 0 none, else 1-based bit index in the answer
    private long _timeoutAtUs = -1;

    /// <summary>Creates the chip, powered and reset.</summary>
    public SimulatedMfrc522(VirtualClock clock, RfidField field)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _field = field ?? throw new ArgumentNullException(nameof(field));
        Reset();
    }

    /// <summary>VersionReg content: 0x92 (MFRC522 version 2.0); set another value to emulate a clone or fault.</summary>
    public byte Version { get; set; } = 0x92;

    /// <summary>Time from StartSend to a card's answer in the FIFO, microseconds.</summary>
    public int AnswerLatencyUs { get; set; } = 500;

    /// <summary>Transceive commands started since construction.</summary>
    public int TransceiveCount { get; private set; }

    /// <summary>Answers with a bit collision (several cards answering different bits) since construction.</summary>
    public int CollisionCount { get; private set; }

    /// <summary>True while TxControlReg drives both antenna pins (no field, no card answers).</summary>
    public bool AntennaOn => (_regs[TxControlReg] & 0x03) == 0x03;

    /// <summary>RFCfgReg RxGain code.</summary>
    public int RxGain => (_regs[0x26] >> 4) & 0x07;

    /// <summary>Timer period from TPrescaler and TReload, microseconds (datasheet 8.5).</summary>
    public long TimerPeriodUs
    {
        get
        {
            int prescaler = ((_regs[TModeReg] & 0x0F) << 8) | _regs[TPrescalerReg];
            int reload = (_regs[TReloadRegHigh] << 8) | _regs[TReloadRegLow];
            return (2L * prescaler + 1) * (reload + 1) * 100 / 1356;
        }
    }

    /// <summary>Transceives that ended with TimerIRq (no answer, or an answer that started after the timeout).</summary>
    public int TimeoutCount { get; private set; }

    /// <summary>Fault injection: the next N frames sent by the reader reach no card (lost on the air).</summary>
    public int LoseFramesToCard { get; set; }

    /// <summary>Fault injection: the next N card answers are lost on the air (the card did process the frame).</summary>
    public int LoseAnswers { get; set; }

    /// <summary>Fault injection: the next N card answers arrive with their last byte (the CRC_A high byte) inverted.</summary>
    public int CorruptAnswers { get; set; }

    /// <summary>The Type A layer of each card now in the field (created when a card enters).</summary>
    public IReadOnlyList<SimulatedIso14443Card> CardsInField => _cards;

    /// <inheritdoc />
    public void Select() => _first = true;

    /// <inheritdoc />
    public void Deselect() => _first = false;

    /// <inheritdoc />
    public byte Exchange(byte mosi)
    {
        Update();
        if (_first)
        {
            _first = false;
            _read = (mosi & 0x80) != 0;
            _address = (mosi >> 1) & 0x3F;
            return 0;
        }

        if (_read)
        {
            byte value = ReadRegister(_address);
            _address = (mosi >> 1) & 0x3F;
            return value;
        }

        WriteRegister(_address, mosi);
        return 0;
    }

    private void Reset()
    {
        PowerOffCards(); // SoftReset switches the antenna drivers off (TxControlReg 0x80)
        Array.Clear(_regs);
        _regs[ModeReg] = 0x3F;
        _regs[CommandReg] = 0x20;
        _regs[CollReg] = 0x80;
        _regs[TxControlReg] = 0x80;
        _regs[ComIrqReg] = 0x14;
        _fifoCount = 0;
        _fifoRead = 0;
        _pendingAtUs = -1;
        _timeoutAtUs = -1;
    }

    private byte ReadRegister(int address)
    {
        switch (address)
        {
            case CommandReg:
                return (byte)(_regs[CommandReg] | (_clock.NowUs < _resetDoneUs ? 0x10 : 0x00));
            case FIFODataReg:
                return _fifoRead < _fifoCount ? _fifo[_fifoRead++] : (byte)0;
            case FIFOLevelReg:
                return (byte)(_fifoCount - _fifoRead);
            case VersionReg:
                return Version;
            default:
                return _regs[address];
        }
    }

    private void WriteRegister(int address, byte value)
    {
        switch (address)
        {
            case CommandReg:
                _regs[CommandReg] = (byte)(value & 0x3F);
                StartCommand(value & 0x0F);
                break;
            case ComIrqReg:
            case DivIrqReg:
                _regs[address] = (value & 0x80) != 0 ? (byte)(_regs[address] | (value & 0x7F)) : (byte)(_regs[address] & ~value);
                break;
            case FIFODataReg:
                if (_fifoCount < FifoSize)
                {
                    _fifo[_fifoCount++] = value;
                }
                else
                {
                    _regs[ErrorReg] |= 0x10; // BufferOvfl
                }

                break;
            case FIFOLevelReg:
                if ((value & 0x80) != 0)
                {
                    _fifoCount = 0;
                    _fifoRead = 0;
                    _regs[ErrorReg] &= 0xEF;
                }

                break;
            case BitFramingReg:
                _regs[BitFramingReg] = (byte)(value & 0x7F);
                if ((value & 0x80) != 0 && (_regs[CommandReg] & 0x0F) == Transceive)
                {
                    StartSend();
                }

                break;
            case TxControlReg:
                _regs[TxControlReg] = value;
                if (!AntennaOn)
                {
                    PowerOffCards();
                }

                break;
            case ErrorReg:
            case VersionReg:
                break;
            default:
                _regs[address] = value;
                break;
        }
    }

    private void StartCommand(int command)
    {
        _pendingAtUs = -1;
        _timeoutAtUs = -1;
        switch (command)
        {
            case SoftReset:
                Reset();
                _resetDoneUs = _clock.NowUs + 38; // oscillator start-up, datasheet 8.8.2
                break;
            case CalcCRC:
                int preset = (_regs[ModeReg] & 0x03) switch { 0 => 0x0000, 1 => 0x6363, 2 => 0xA671, _ => 0xFFFF };
                int crc = SimulatedCrcA.Compute(_fifo, _fifoRead, _fifoCount - _fifoRead, preset);
                _fifoRead = _fifoCount;
                _regs[CRCResultRegLsb] = (byte)crc;
                _regs[CRCResultRegMsb] = (byte)(crc >> 8);
                _regs[DivIrqReg] |= 0x04; // CRCIRq
                break;
            case Idle:
                _regs[ComIrqReg] |= 0x10;
                break;
        }
    }

    private void StartSend()
    {
        TransceiveCount++;
        _regs[ErrorReg] = 0;
        int count = _fifoCount - _fifoRead;
        Array.Copy(_fifo, _fifoRead, _txFrame, 0, count);
        _fifoCount = 0;
        _fifoRead = 0;
        int txLastBits = _regs[BitFramingReg] & 0x07;
        int bits = count * 8 - (txLastBits == 0 ? 0 : 8 - txLastBits);
        _regs[ComIrqReg] |= 0x40; // TxIRq
        if ((_regs[TModeReg] & 0x80) != 0)
        {
            _timeoutAtUs = _clock.NowUs + TimerPeriodUs;
        }

        _pendingBits = 0;
        _pendingCollision = 0;
        if (!AntennaOn)
        {
            return;
        }

        SyncCards();
        if (LoseFramesToCard > 0)
        {
            LoseFramesToCard--;
            return;
        }

        long delayUs = 0;
        for (int i = 0; i < _cards.Count; i++)
        {
            int answerBits = _cards[i].Receive(_txFrame, bits, _answer, _clock.NowUs);
            if (answerBits == 0)
            {
                continue;
            }

            delayUs = Math.Max(delayUs, _cards[i].LastAnswerDelayUs);
            if (CorruptAnswers > 0 && answerBits >= 8)
            {
                CorruptAnswers--;
                _answer[answerBits / 8 - 1] ^= 0xFF;
            }

            if (_pendingBits == 0)
            {
                Array.Copy(_answer, _combined, (answerBits + 7) / 8);
                _pendingBits = answerBits;
                continue;
            }

            int common = Math.Min(answerBits, _pendingBits);
            for (int b = 0; b < common; b++)
            {
                int mask = 1 << (b % 8);
                if (((_combined[b / 8] ^ _answer[b / 8]) & mask) != 0)
                {
                    if (_pendingCollision == 0 || b + 1 < _pendingCollision)
                    {
                        _pendingCollision = b + 1;
                    }

                    _combined[b / 8] |= (byte)mask; // both levels on the air: read as 1
                }
            }
        }

        if (_pendingCollision > 0)
        {
            CollisionCount++;
        }

        if (_pendingBits > 0 && LoseAnswers > 0)
        {
            LoseAnswers--;
            _pendingBits = 0;
        }

        if (_pendingBits > 0)
        {
            _pendingAtUs = _clock.NowUs + AnswerLatencyUs + delayUs;
        }
    }

    private void PowerOffCards()
    {
        for (int i = 0; i < _cards.Count; i++)
        {
            _cards[i].PowerOff();
        }

        _cards.Clear(); // no field, no power: IDLE (and a new anticollision UID) when the field comes back
    }

    private void SyncCards()
    {
        IReadOnlyList<VirtualCard> inField = _field.Cards;
        for (int i = _cards.Count - 1; i >= 0; i--)
        {
            bool still = false;
            for (int j = 0; j < inField.Count; j++)
            {
                still |= ReferenceEquals(inField[j], _cards[i].Card);
            }

            if (!still)
            {
                _cards[i].PowerOff();
                _cards.RemoveAt(i); // left the field: powered off, IDLE when it comes back
            }
        }

        for (int j = 0; j < inField.Count; j++)
        {
            bool known = false;
            for (int i = 0; i < _cards.Count; i++)
            {
                known |= ReferenceEquals(inField[j], _cards[i].Card);
            }

            if (!known)
            {
                _cards.Add(new SimulatedIso14443Card(inField[j]));
            }
        }
    }

    private void Update()
    {
        long now = _clock.NowUs;
        if (_timeoutAtUs >= 0 && now >= _timeoutAtUs && (_pendingAtUs < 0 || _timeoutAtUs < _pendingAtUs))
        {
            // The timer ran out before any answer started: TimerIRq (the receiver keeps listening: command stays
            // Transceive, and a late answer still lands in the FIFO).
            _timeoutAtUs = -1;
            TimeoutCount++;
            _regs[ComIrqReg] |= 0x01;
        }

        if (_pendingAtUs >= 0 && now >= _pendingAtUs)
        {
            _pendingAtUs = -1;
            _timeoutAtUs = -1; // TAuto: the timer stops when the answer starts
            int rxAlign = (_regs[BitFramingReg] >> 4) & 0x07;
            int totalBits = rxAlign + _pendingBits;
            int bytes = Math.Min((totalBits + 7) / 8, FifoSize);
            if ((totalBits + 7) / 8 > FifoSize)
            {
                _regs[ErrorReg] |= 0x10; // BufferOvfl
            }

            Array.Clear(_fifo, 0, bytes);
            for (int b = 0; b < _pendingBits && (rxAlign + b) / 8 < FifoSize; b++)
            {
                if ((_combined[b / 8] & (1 << (b % 8))) != 0)
                {
                    _fifo[(rxAlign + b) / 8] |= (byte)(1 << ((rxAlign + b) % 8));
                }
            }

            _fifoCount = bytes;
            _fifoRead = 0;
            _regs[ControlReg] = (byte)((_regs[ControlReg] & 0xF8) | (totalBits % 8));
            if (_pendingCollision > 0)
            {
                int position = rxAlign + _pendingCollision;
                _regs[ErrorReg] |= 0x08; // CollErr
                _regs[CollReg] = (byte)((_regs[CollReg] & 0x80) | (position > 32 ? 0x20 : position & 0x1F));
                _regs[ComIrqReg] |= 0x02; // ErrIRq
            }

            _regs[CommandReg] &= 0xF0; // back to Idle
            _regs[ComIrqReg] |= 0x30; // RxIRq | IdleIRq
        }
    }
}
