using Wallbox.Drivers.Modbus;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Modbus;

/// <summary>
/// A Modbus RTU slave on the far end of a <see cref="SimulatedSerialPort"/>, written from the specifications
/// independently of the master: it delimits requests by the t3.5 silence (Serial Line V1.02 §2.5.1.1), checks the
/// CRC with its own bitwise implementation, serves holding/input registers and scripted misbehaviour. It records when
/// each request started relative to the end of its previous answer, so tests can check the master's inter-frame gap.
/// Allocation-free after construction (the allocation test runs through it).
/// </summary>
public sealed class ScriptedModbusSlave : ISerialPeer
{
    private readonly VirtualClock _clock;
    private readonly SimulatedSerialPort _port;
    private readonly byte[] _request = new byte[300];
    private readonly byte[] _answer = new byte[300];
    private readonly byte[] _foreign = new byte[300];
    private int _requestLength;
    private bool _requestDamaged;
    private long _requestStartUs;
    private long _lastCharacterUs;
    private int _answerLength;
    private long _answerDueUs = -1;
    private int _foreignLength;
    private long _lastAnswerEndUs = -1;

    public ScriptedModbusSlave(VirtualClock clock, SimulatedSerialPort port, byte address = 1)
    {
        _clock = clock;
        _port = port;
        Address = address;
        port.Peer = this;
        for (int i = 0; i < Holding.Length; i++)
        {
            Holding[i] = (ushort)(i * 7 + 1);
            Input[i] = (ushort)(0xFFFF - i);
        }
    }

    public byte Address { get; set; }
    public ushort[] Holding { get; } = new ushort[65536];
    public ushort[] Input { get; } = new ushort[65536];

    /// <summary>Time from the end of a request (its t3.5 detected) to the start of the answer.</summary>
    public long TurnaroundUs { get; set; } = 2000;

    public bool Silent { get; set; }

    /// <summary>Answer even requests received damaged (a slave at the wrong settings that still "answers"), with a canned read response.</summary>
    public bool AnswerDamagedRequests { get; set; }

    // Scripted faults: each applies to that many next answers (int.MaxValue = always).
    public int ExceptionAnswers { get; set; }
    public byte ExceptionCode { get; set; }
    public int WrongAddressAnswers { get; set; }
    public int ForeignFrameBeforeAnswer { get; set; }
    public int BadCrcAnswers { get; set; }
    public int TruncatedAnswers { get; set; }
    public int WrongFunctionAnswers { get; set; }
    public int WrongByteCountAnswers { get; set; }
    public int WrongEchoAnswers { get; set; }

    public int RequestsReceived { get; private set; }
    public byte[] LastRequest { get; } = new byte[300];
    public int LastRequestLength { get; private set; }
    public byte[] LastRequestBytes() => LastRequest[..LastRequestLength];
    public int DamagedRequests { get; private set; }
    public int BadCrcRequests { get; private set; }
    public int AnswersSent { get; private set; }

    /// <summary>Smallest silence between the end of an answer and the start of the next request, µs (long.MaxValue before two).</summary>
    public long MinimumGapBeforeRequestUs { get; private set; } = long.MaxValue;

    public SerialSettings LineSettings => _port.PeerSettings ?? _port.Settings;

    private int CharacterUs => LineSettings.CharacterTimeUs;

    private long InterFrameUs => LineSettings.BaudRate > 19200 ? 1750 : (7L * LineSettings.BitsPerCharacter * 1_000_000 + 2L * LineSettings.BaudRate - 1) / (2L * LineSettings.BaudRate);

    public void OnCharacter(byte value, bool intact, long atUs)
    {
        if (_requestLength == 0)
        {
            _requestStartUs = atUs - CharacterUs;
            _requestDamaged = false;
            if (_lastAnswerEndUs >= 0 && _requestStartUs - _lastAnswerEndUs < MinimumGapBeforeRequestUs)
            {
                MinimumGapBeforeRequestUs = _requestStartUs - _lastAnswerEndUs;
            }
        }

        if (_requestLength < _request.Length)
        {
            _request[_requestLength++] = value;
        }

        _requestDamaged |= !intact;
        _lastCharacterUs = atUs;
    }

    /// <summary>Ends a request after t3.5 of silence and sends answers when due.</summary>
    public void Poll(long nowUs)
    {
        if (_requestLength > 0 && nowUs - _lastCharacterUs >= InterFrameUs)
        {
            EndOfRequest(nowUs);
        }

        if (_answerDueUs >= 0 && nowUs >= _answerDueUs)
        {
            _answerDueUs = -1;
            if (_foreignLength > 0)
            {
                Send(_foreign, _foreignLength);
                _foreignLength = 0;
                _answerDueUs = _lastAnswerEndUs + 20_000;
                return;
            }

            Send(_answer, _answerLength);
        }
    }

    private void Send(byte[] frame, int length)
    {
        long startUs = _clock.NowUs;
        _port.PeerWrite(frame, 0, length);
        _lastAnswerEndUs = startUs + (long)length * CharacterUs;
        AnswersSent++;
    }

    private void EndOfRequest(long nowUs)
    {
        int length = _requestLength;
        _requestLength = 0;
        RequestsReceived++;
        System.Array.Copy(_request, LastRequest, length);
        LastRequestLength = length;
        if (_requestDamaged)
        {
            DamagedRequests++;
            if (AnswerDamagedRequests)
            {
                _answer[0] = Address;
                _answer[1] = 3;
                _answer[2] = 2;
                _answer[3] = 0x12;
                _answer[4] = 0x34;
                Schedule(5, nowUs);
            }

            return;
        }

        if (length < 4 || ReferenceCrc(_request, length - 2) != (_request[length - 2] | (_request[length - 1] << 8)))
        {
            BadCrcRequests++;
            return;
        }

        if (_request[0] != Address || Silent)
        {
            return;
        }

        int function = _request[1];
        int address = (_request[2] << 8) | _request[3];
        int word = (_request[4] << 8) | _request[5];
        _answer[0] = Address;
        _answer[1] = (byte)function;
        int answerLength;
        if (ExceptionAnswers > 0)
        {
            ExceptionAnswers--;
            _answer[1] = (byte)(function | 0x80);
            _answer[2] = ExceptionCode;
            answerLength = 3;
        }
        else if (function == 3 || function == 4)
        {
            ushort[] table = function == 3 ? Holding : Input;
            _answer[2] = (byte)(word * 2);
            for (int i = 0; i < word; i++)
            {
                _answer[3 + 2 * i] = (byte)(table[address + i] >> 8);
                _answer[4 + 2 * i] = (byte)table[address + i];
            }

            answerLength = 3 + 2 * word;
        }
        else if (function == 6)
        {
            Holding[address] = (ushort)word;
            System.Array.Copy(_request, _answer, 6);
            answerLength = 6;
        }
        else if (function == 16)
        {
            for (int i = 0; i < word; i++)
            {
                Holding[address + i] = (ushort)((_request[7 + 2 * i] << 8) | _request[8 + 2 * i]);
            }

            System.Array.Copy(_request, _answer, 6);
            answerLength = 6;
        }
        else
        {
            _answer[1] = (byte)(function | 0x80);
            _answer[2] = 1;
            answerLength = 3;
        }

        Schedule(answerLength, nowUs);
    }

    private void Schedule(int lengthWithoutCrc, long nowUs)
    {
        if (WrongFunctionAnswers > 0)
        {
            WrongFunctionAnswers--;
            _answer[1] = (byte)(_answer[1] == 3 ? 4 : 3);
        }

        if (WrongByteCountAnswers > 0 && (_answer[1] == 3 || _answer[1] == 4))
        {
            WrongByteCountAnswers--;
            _answer[2] += 2;
        }

        if (WrongEchoAnswers > 0)
        {
            WrongEchoAnswers--;
            _answer[5] ^= 1;
        }

        if (WrongAddressAnswers > 0)
        {
            WrongAddressAnswers--;
            _answer[0] = (byte)(Address + 1);
        }

        ushort crc = ReferenceCrc(_answer, lengthWithoutCrc);
        _answer[lengthWithoutCrc] = (byte)crc;
        _answer[lengthWithoutCrc + 1] = (byte)(crc >> 8);
        _answerLength = lengthWithoutCrc + 2;
        if (BadCrcAnswers > 0)
        {
            BadCrcAnswers--;
            _answer[lengthWithoutCrc + 1] ^= 0x40;
        }

        if (TruncatedAnswers > 0)
        {
            TruncatedAnswers--;
            _answerLength = lengthWithoutCrc / 2;
        }

        if (ForeignFrameBeforeAnswer > 0)
        {
            ForeignFrameBeforeAnswer--;
            System.Array.Copy(_answer, _foreign, _answerLength);
            _foreign[0] = (byte)(Address + 1);
            ushort foreignCrc = ReferenceCrc(_foreign, _answerLength - 2);
            _foreign[_answerLength - 2] = (byte)foreignCrc;
            _foreign[_answerLength - 1] = (byte)(foreignCrc >> 8);
            _foreignLength = _answerLength;
        }

        _answerDueUs = nowUs + TurnaroundUs;
    }

    /// <summary>Bitwise CRC-16/MODBUS as in Serial Line V1.02 §6.2.2, independent of the driver's table.</summary>
    public static ushort ReferenceCrc(byte[] data, int count)
    {
        int crc = 0xFFFF;
        for (int i = 0; i < count; i++)
        {
            crc ^= data[i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
