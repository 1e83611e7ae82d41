using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The Modbus RTU face of the simulated meter: an Eastron SDM630 (v2) slave on the RS-485 line of the virtual board,
/// answering real RTU frames from the values of <see cref="SimulatedMeter"/>. A device model written from the
/// datasheet, independent of the firmware's register maps, so a wrong map in the firmware shows up as wrong readings.
/// </summary>
/// <remarks>
/// Source: Eastron "SDM630-Modbus V2 User Manual" Modbus protocol tables: input registers (function 04), IEEE-754
/// float32 big-endian, high word first: 30001 phase 1 voltage (protocol address 0x0000), 30003/30005 L2/L3, 30007..
/// 30011 phase currents (0x0006..0x000A), 30013..30017 phase powers (0x000C..0x0010), 30053 total system power
/// (0x0034), 30071 frequency (0x0046), 30073 import kWh (0x0048), 30075 export kWh (0x004A), 30343 total kWh
/// (0x0156). Holding register 0xFC00 holds the serial number (uint32). Reads of unmapped registers answer exception
/// 02 (illegal data address), unsupported functions exception 01 (MODBUS Application Protocol V1.1b3 §7).
/// Frames end after 3.5 characters of silence (MODBUS over Serial Line V1.02 §2.5.1.1); a frame with a bad CRC or a
/// damaged character is ignored, as a real slave does.
/// </remarks>
public sealed class SimulatedSdm630Modbus : ISerialPeer, ISimulatedDevice
{
    private const int MaxFrameBytes = 256;
    private readonly SimulatedMeter _meter;
    private readonly SimulatedSerialPort _port;
    private readonly byte[] _frame = new byte[MaxFrameBytes];
    private readonly byte[] _reply = new byte[MaxFrameBytes];
    private int _length;
    private bool _damaged;
    private long _lastCharUs = -1;
    private long _replyAtUs = -1;
    private int _replyLength;

    /// <summary>Attaches a meter with slave address <paramref name="slaveAddress"/> to <paramref name="port"/>.</summary>
    public SimulatedSdm630Modbus(SimulatedMeter meter, SimulatedSerialPort port, byte slaveAddress = 1)
    {
        _meter = meter;
        _port = port;
        SlaveAddress = slaveAddress;
        port.Peer = this;
    }

    /// <summary>Slave address (1..247).</summary>
    public byte SlaveAddress { get; set; }

    /// <summary>Serial number reported at holding register 0xFC00.</summary>
    public uint SerialNumber { get; set; } = 20260001;

    /// <summary>When true the meter does not answer (unpowered, disconnected bus).</summary>
    public bool Silent { get; set; }

    /// <summary>Time the meter takes before answering, µs (the SDM630 answers within about 60 ms).</summary>
    public long ResponseDelayUs { get; set; } = 20_000;

    /// <summary>Requests answered.</summary>
    public int Answered { get; private set; }

    /// <summary>Frames ignored (bad CRC, damaged character, another slave).</summary>
    public int Ignored { get; private set; }

    /// <inheritdoc />
    public void OnCharacter(byte value, bool intact, long atUs)
    {
        if (_length < MaxFrameBytes)
        {
            _frame[_length++] = value;
        }

        _damaged |= !intact;
        _lastCharUs = atUs;
    }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        if (_replyAtUs >= 0 && nowUs >= _replyAtUs)
        {
            _replyAtUs = -1;
            _port.PeerWrite(_reply, 0, _replyLength);
            Answered++;
        }

        if (_length == 0 || nowUs - _lastCharUs < InterFrameUs())
        {
            return;
        }

        bool damaged = _damaged;
        int length = _length;
        _length = 0;
        _damaged = false;
        if (damaged || length < 4 || Crc(_frame, 0, length - 2) != (_frame[length - 2] | (_frame[length - 1] << 8)) || _frame[0] != SlaveAddress || Silent)
        {
            Ignored++;
            return;
        }

        _replyLength = Answer(length);
        _replyAtUs = nowUs + ResponseDelayUs;
    }

    private long InterFrameUs()
    {
        SerialSettings settings = _port.PeerSettings ?? _port.Settings;
        return settings.BaudRate > 19200 ? 1750 : settings.CharacterTimeUs * 35 / 10;
    }

    private int Answer(int length)
    {
        byte function = _frame[1];
        int address = (_frame[2] << 8) | _frame[3];
        int count = (_frame[4] << 8) | _frame[5];
        if (length != 8 || (function != 3 && function != 4))
        {
            return Exception(function, 1);
        }

        if (count < 1 || count > 125)
        {
            return Exception(function, 3);
        }

        _reply[0] = SlaveAddress;
        _reply[1] = function;
        _reply[2] = (byte)(count * 2);
        for (int i = 0; i < count; i++)
        {
            int register;
            if (!TryRegister(function, address + i, out register))
            {
                return Exception(function, 2);
            }

            _reply[3 + i * 2] = (byte)(register >> 8);
            _reply[4 + i * 2] = (byte)register;
        }

        return Seal(3 + count * 2);
    }

    private bool TryRegister(byte function, int address, out int value)
    {
        value = 0;
        if (function == 3)
        {
            if (address == 0xFC00 || address == 0xFC01)
            {
                value = (int)(address == 0xFC00 ? SerialNumber >> 16 : SerialNumber & 0xFFFF);
                return true;
            }

            return false;
        }

        int pair = address & ~1;
        float quantity;
        if (!TryQuantity(pair, out quantity))
        {
            return false;
        }

        int bits = BitConverter.SingleToInt32Bits(quantity);
        value = address == pair ? (bits >> 16) & 0xFFFF : bits & 0xFFFF;
        return true;
    }

    private bool TryQuantity(int address, out float value)
    {
        double volts = _meter.PhaseVoltageMv / 1000.0;
        switch (address)
        {
            case 0x0000:
            case 0x0002:
            case 0x0004:
                value = (float)volts;
                return true;
            case 0x0006:
            case 0x0008:
            case 0x000A:
                value = (float)(_meter.PhaseCurrentMa(1 + (address - 0x0006) / 2) / 1000.0);
                return true;
            case 0x000C:
            case 0x000E:
            case 0x0010:
                value = (float)(volts * _meter.PhaseCurrentMa(1 + (address - 0x000C) / 2) / 1000.0);
                return true;
            case 0x0034:
                value = (float)_meter.ActivePowerW;
                return true;
            case 0x0046:
                value = (float)(_meter.FrequencyMilliHz / 1000.0);
                return true;
            case 0x0048:
            case 0x0156:
                // The register shows kWh as float32: the meter's own rounding is part of what is simulated.
                value = (float)(_meter.ImportWh / 1000.0);
                return true;
            case 0x004A:
                value = 0f;
                return true;
            default:
                value = 0f;
                return false;
        }
    }

    private int Exception(byte function, byte code)
    {
        _reply[0] = SlaveAddress;
        _reply[1] = (byte)(function | 0x80);
        _reply[2] = code;
        return Seal(3);
    }

    private int Seal(int length)
    {
        ushort crc = Crc(_reply, 0, length);
        _reply[length] = (byte)crc;
        _reply[length + 1] = (byte)(crc >> 8);
        return length + 2;
    }

    /// <summary>CRC-16/MODBUS (MODBUS over Serial Line V1.02 §6.2.2): the device's own, as a real meter has its own.</summary>
    private static ushort Crc(byte[] data, int offset, int count)
    {
        int crc = 0xFFFF;
        for (int i = 0; i < count; i++)
        {
            crc ^= data[offset + i];
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return (ushort)crc;
    }
}
