using System;
using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The MIFARE DESFire EV1 command set of a <see cref="SimulatedDesfireCard"/>, above ISO/IEC 14443-4: native commands
/// (code ‖ parameters) in, status ‖ data out (NXP MF3ICDx81 datasheet). Implements GetVersion, GetCardUID,
/// SelectApplication, GetApplicationIDs, GetKeyVersion, Authenticate (0x0A legacy), AuthenticateISO (0x1A),
/// AuthenticateAES (0xAA), ReadData in plain, MACed and enciphered communication, and AdditionalFrame; anything else
/// answers ILLEGAL_COMMAND_CODE.
/// </summary>
/// <remarks>
/// <para>State rules modelled after the datasheet: selecting an application, any error status and leaving the field
/// end the authentication; a new Authenticate aborts the previous one; responses longer than one frame (59 data bytes,
/// GetVersion 7 + 7 + rest) come in frames with status 0xAF, fetched with AdditionalFrame.</para>
/// <para>Secure messaging, card side: after 0x1A/0xAA one IV runs through all commands and responses (every command is
/// CMACed into it; a successful response carries CMAC(data ‖ status)[0..7], or is enciphered as data ‖ CRC32(data ‖
/// status) ‖ zero padding). After 0x0A: IV zero per cryptogram, 4-byte CBC-MAC for MACed data, CRC16 (CRC_A) for
/// enciphered data, plain data unprotected. Free-access files (0xE) are read in plain.</para>
/// <para>Known simplifications: only standard data files; no write, create or key management commands; GetVersion
/// reports a zero UID in random-UID mode (assumed from the datasheet's description of random ID, not checked against
/// a card); the platform cipher refuses weak DES keys (<see cref="SimulatedDesfireCipher"/>).</para>
/// </remarks>
public sealed class SimulatedDesfirePicc : IIsoDepCardApplication
{
    private const int MaxFrameData = 59;

    private readonly SimulatedDesfireCard _card;
    private readonly Random _random;
    private readonly Queue<byte[]> _pendingFrames = new();

    private SimulatedDesfireApplication _selected;
    private SimulatedDesfireCipher _sessionCipher;
    private Scheme _scheme;
    private int _authenticatedKey = -1;
    private byte[] _iv;

    private SimulatedDesfireCipher _authCipher;
    private byte[] _authIv;
    private byte[] _rndB;
    private int _authKeyNumber;
    private byte _authCommand;
    private SimulatedDesfireKeyType _authKeyType;
    private bool _authSingleDes;

    internal SimulatedDesfirePicc(SimulatedDesfireCard card, int seed)
    {
        _card = card;
        _random = new Random(seed);
        _selected = card.PiccLevel;
    }

    private enum Scheme
    {
        None,
        Legacy,
        Ev1,
    }

    /// <inheritdoc />
    public int LastCommandExtraFrameWaitingTimes { get; private set; }

    /// <summary>True while an authentication holds (for tests of the state rules).</summary>
    public bool IsAuthenticated => _scheme != Scheme.None;

    /// <summary>Key number of the current authentication, or -1.</summary>
    public int AuthenticatedKeyNumber => _authenticatedKey;

    /// <summary>AID of the selected application (0 = PICC level).</summary>
    public int SelectedAid => _selected.Aid;

    /// <summary>Commands processed since construction.</summary>
    public int CommandCount { get; private set; }

    /// <inheritdoc />
    public void Reset()
    {
        _selected = _card.PiccLevel;
        ClearAuthentication();
        _pendingFrames.Clear();
    }

    /// <inheritdoc />
    public int Process(byte[] command, int offset, int count, byte[] response)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(response);
        CommandCount++;
        LastCommandExtraFrameWaitingTimes = _card.ExtraFrameWaitingTimesPerCommand;
        if (count < 1)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        byte[] cmd = command.AsSpan(offset, count).ToArray();
        byte code = cmd[0];
        if (code == SimulatedDesfireStatus.AdditionalFrame)
        {
            if (_authCipher != null)
            {
                return AuthenticateSecondPass(cmd, response);
            }

            if (_pendingFrames.Count > 0)
            {
                return NextFrame(response);
            }

            return Error(SimulatedDesfireStatus.IllegalCommandCode, response);
        }

        // Any other command ends a pending authentication or a pending multi-frame answer.
        _pendingFrames.Clear();
        _authCipher = null;
        bool isAuthentication = code == 0x0A || code == 0x1A || code == 0xAA;
        if (_scheme == Scheme.Ev1 && !isAuthentication)
        {
            _sessionCipher.Cmac(_iv, cmd);
        }

        switch (code)
        {
            case 0x0A:
            case 0x1A:
            case 0xAA:
                return AuthenticateFirstPass(cmd, response);
            case 0x60:
                return GetVersion(cmd, response);
            case 0x5A:
                return SelectApplication(cmd, response);
            case 0x6A:
                return GetApplicationIds(cmd, response);
            case 0x64:
                return GetKeyVersion(cmd, response);
            case 0x51:
                return GetCardUid(cmd, response);
            case 0xBD:
                return ReadData(cmd, response);
            default:
                return Error(SimulatedDesfireStatus.IllegalCommandCode, response);
        }
    }

    private int GetVersion(byte[] cmd, byte[] response)
    {
        if (cmd.Length != 1)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        byte[] data = new byte[28];
        _card.HardwareVersion.CopyTo(data, 0);
        _card.SoftwareVersion.CopyTo(data, 7);
        if (!_card.RandomUid)
        {
            _card.Uid.AsSpan(0, 7).CopyTo(data.AsSpan(14));
        }

        _card.BatchNumber.CopyTo(data, 21);
        data[26] = _card.ProductionWeek;
        data[27] = _card.ProductionYear;
        return Frames(SecurePlain(data), new[] { 7, 7, int.MaxValue }, response);
    }

    private int SelectApplication(byte[] cmd, byte[] response)
    {
        if (cmd.Length != 4)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        int aid = cmd[1] | (cmd[2] << 8) | (cmd[3] << 16);
        ClearAuthentication();
        SimulatedDesfireApplication application = aid == 0 ? _card.PiccLevel : _card.FindApplication(aid);
        if (application == null)
        {
            _selected = _card.PiccLevel;
            return Error(SimulatedDesfireStatus.ApplicationNotFound, response);
        }

        _selected = application;
        response[0] = SimulatedDesfireStatus.OperationOk;
        return 1;
    }

    private int GetApplicationIds(byte[] cmd, byte[] response)
    {
        if (cmd.Length != 1)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        if (_selected.Aid != 0)
        {
            return Error(SimulatedDesfireStatus.PermissionDenied, response);
        }

        bool freeListing = (_card.PiccLevel.KeySettings & 0x02) != 0;
        if (!freeListing && !(_scheme != Scheme.None && _authenticatedKey == 0))
        {
            return Error(SimulatedDesfireStatus.AuthenticationError, response);
        }

        List<byte> data = new();
        foreach (SimulatedDesfireApplication application in _card.Applications)
        {
            data.Add((byte)application.Aid);
            data.Add((byte)(application.Aid >> 8));
            data.Add((byte)(application.Aid >> 16));
        }

        return Frames(SecurePlain(data.ToArray()), new[] { MaxFrameData }, response);
    }

    private int GetKeyVersion(byte[] cmd, byte[] response)
    {
        if (cmd.Length != 2)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        if (cmd[1] >= _selected.KeyCount)
        {
            return Error(SimulatedDesfireStatus.NoSuchKey, response);
        }

        return Frames(SecurePlain(new[] { _selected.KeyVersion(cmd[1]) }), new[] { MaxFrameData }, response);
    }

    private int GetCardUid(byte[] cmd, byte[] response)
    {
        if (cmd.Length != 1)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        if (_scheme == Scheme.None)
        {
            return Error(SimulatedDesfireStatus.AuthenticationError, response);
        }

        return Frames(Encipher(_card.Uid.AsSpan(0, 7).ToArray()), new[] { MaxFrameData }, response);
    }

    private int ReadData(byte[] cmd, byte[] response)
    {
        if (cmd.Length != 8)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        if (!_selected.Files.TryGetValue(cmd[1], out SimulatedDesfireFile file))
        {
            return Error(SimulatedDesfireStatus.FileNotFound, response);
        }

        int offset = cmd[2] | (cmd[3] << 8) | (cmd[4] << 16);
        int length = cmd[5] | (cmd[6] << 8) | (cmd[7] << 16);
        bool free = file.ReadKey == SimulatedDesfireFile.FreeAccess || file.ReadWriteKey == SimulatedDesfireFile.FreeAccess;
        bool withKey = _scheme != Scheme.None && (_authenticatedKey == file.ReadKey || _authenticatedKey == file.ReadWriteKey);
        if (!free && !withKey)
        {
            bool never = file.ReadKey == SimulatedDesfireFile.NoAccess && file.ReadWriteKey == SimulatedDesfireFile.NoAccess;
            return Error(never || _scheme != Scheme.None ? SimulatedDesfireStatus.PermissionDenied : SimulatedDesfireStatus.AuthenticationError, response);
        }

        if (length == 0)
        {
            length = file.Content.Length - offset;
        }

        if (offset >= file.Content.Length || length <= 0 || offset + length > file.Content.Length)
        {
            return Error(SimulatedDesfireStatus.BoundaryError, response);
        }

        byte[] data = file.Content.AsSpan(offset, length).ToArray();
        SimulatedDesfireCommunicationMode mode = withKey ? file.CommunicationMode : SimulatedDesfireCommunicationMode.Plain;
        byte[] secured = mode switch
        {
            SimulatedDesfireCommunicationMode.Enciphered => Encipher(data),
            SimulatedDesfireCommunicationMode.Maced => _scheme == Scheme.Legacy ? LegacyMac(data) : SecurePlain(data),
            _ => SecurePlain(data),
        };
        return Frames(secured, new[] { MaxFrameData }, response);
    }

    private int AuthenticateFirstPass(byte[] cmd, byte[] response)
    {
        ClearAuthentication();
        if (cmd.Length != 2)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        int keyNumber = cmd[1];
        if (keyNumber >= _selected.KeyCount)
        {
            return Error(SimulatedDesfireStatus.NoSuchKey, response);
        }

        SimulatedDesfireKeyType type = _selected.KeyType;
        bool allowed = cmd[0] switch
        {
            0x0A => type == SimulatedDesfireKeyType.Des || type == SimulatedDesfireKeyType.TwoKeyTripleDes,
            0x1A => type != SimulatedDesfireKeyType.Aes128,
            _ => type == SimulatedDesfireKeyType.Aes128,
        };
        if (!allowed)
        {
            return Error(SimulatedDesfireStatus.AuthenticationError, response);
        }

        byte[] key = _selected.Key(keyNumber);
        int n = type == SimulatedDesfireKeyType.Aes128 || type == SimulatedDesfireKeyType.ThreeKeyTripleDes ? 16 : 8;
        _authCipher = new SimulatedDesfireCipher(type, key);
        _authSingleDes = type == SimulatedDesfireKeyType.Des || (type == SimulatedDesfireKeyType.TwoKeyTripleDes && SimulatedDesfireCipher.IsSingleDes(key));
        _authKeyType = type;
        _authKeyNumber = keyNumber;
        _authCommand = cmd[0];
        _rndB = new byte[n];
        _random.NextBytes(_rndB);
        byte[] challenge = (byte[])_rndB.Clone();
        _authIv = new byte[_authCipher.BlockSize];
        _authCipher.CbcEncrypt(_authIv, challenge);
        response[0] = SimulatedDesfireStatus.AdditionalFrame;
        challenge.CopyTo(response, 1);
        return 1 + n;
    }

    private int AuthenticateSecondPass(byte[] cmd, byte[] response)
    {
        SimulatedDesfireCipher cipher = _authCipher;
        _authCipher = null;
        int n = _rndB.Length;
        if (cmd.Length != 1 + 2 * n)
        {
            return Error(SimulatedDesfireStatus.LengthError, response);
        }

        byte[] token = cmd.AsSpan(1).ToArray();
        bool legacy = _authCommand == 0x0A;
        if (legacy)
        {
            cipher.LegacyReceive(token);
        }
        else
        {
            cipher.CbcDecrypt(_authIv, token);
        }

        for (int i = 0; i < n; i++)
        {
            if (token[n + i] != _rndB[(i + 1) % n])
            {
                return Error(SimulatedDesfireStatus.AuthenticationError, response);
            }
        }

        byte[] rndA = token.AsSpan(0, n).ToArray();
        byte[] proof = new byte[n];
        for (int i = 0; i < n; i++)
        {
            proof[i] = rndA[(i + 1) % n];
        }

        if (legacy)
        {
            _authIv = new byte[cipher.BlockSize];
        }

        cipher.CbcEncrypt(_authIv, proof);
        byte[] sessionKey = SessionKey(rndA, _rndB);
        SimulatedDesfireKeyType sessionType = _authSingleDes ? SimulatedDesfireKeyType.Des : _authKeyType;
        _sessionCipher = new SimulatedDesfireCipher(sessionType, sessionKey);
        _scheme = legacy ? Scheme.Legacy : Scheme.Ev1;
        _authenticatedKey = _authKeyNumber;
        _iv = new byte[_sessionCipher.BlockSize];
        response[0] = SimulatedDesfireStatus.OperationOk;
        proof.CopyTo(response, 1);
        return 1 + n;
    }

    /// <summary>Session key byte selection of the DESFire EV1 datasheet ("Authentication"), written independently of the driver.</summary>
    private byte[] SessionKey(byte[] a, byte[] b)
    {
        if (_authKeyType == SimulatedDesfireKeyType.Aes128)
        {
            return [.. a[0..4], .. b[0..4], .. a[12..16], .. b[12..16]];
        }

        if (_authKeyType == SimulatedDesfireKeyType.ThreeKeyTripleDes)
        {
            return [.. a[0..4], .. b[0..4], .. a[6..10], .. b[6..10], .. a[12..16], .. b[12..16]];
        }

        return _authSingleDes ? [.. a[0..4], .. b[0..4]] : [.. a[0..4], .. b[0..4], .. a[4..8], .. b[4..8]];
    }

    /// <summary>A successful plain answer: EV1 appends CMAC(data ‖ 0x00)[0..7] and advances the IV; otherwise as is.</summary>
    private byte[] SecurePlain(byte[] data)
    {
        if (_scheme != Scheme.Ev1)
        {
            return data;
        }

        byte[] mac = _sessionCipher.Cmac(_iv, [.. data, SimulatedDesfireStatus.OperationOk]);
        return [.. data, .. mac.AsSpan(0, 8)];
    }

    /// <summary>Legacy MACed data: data ‖ first 4 bytes of the last block of CBC-E (IV 0) over the zero-padded data.</summary>
    private byte[] LegacyMac(byte[] data)
    {
        int b = _sessionCipher.BlockSize;
        byte[] padded = new byte[Math.Max(b, (data.Length + b - 1) / b * b)];
        data.CopyTo(padded, 0);
        _sessionCipher.CbcEncrypt(new byte[b], padded);
        return [.. data, .. padded.AsSpan(padded.Length - b, 4)];
    }

    /// <summary>Enciphered data: data ‖ CRC ‖ zero padding, CBC-enciphered (EV1: CRC32 over data ‖ status, chained IV; legacy: CRC16 over data, IV 0).</summary>
    private byte[] Encipher(byte[] data)
    {
        int b = _sessionCipher.BlockSize;
        byte[] crc;
        if (_scheme == Scheme.Ev1)
        {
            uint c = Crc32([.. data, SimulatedDesfireStatus.OperationOk]);
            crc = [(byte)c, (byte)(c >> 8), (byte)(c >> 16), (byte)(c >> 24)];
        }
        else
        {
            int c = SimulatedCrcA.Compute(data, 0, data.Length);
            crc = [(byte)c, (byte)(c >> 8)];
        }

        int length = data.Length + crc.Length;
        byte[] plain = new byte[(length + b - 1) / b * b];
        data.CopyTo(plain, 0);
        crc.CopyTo(plain, data.Length);
        _sessionCipher.CbcEncrypt(_scheme == Scheme.Ev1 ? _iv : new byte[b], plain);
        return plain;
    }

    /// <summary>CRC-32/JAMCRC (IEEE polynomial reflected, preset all ones, no final complement), bitwise.</summary>
    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte value in data)
        {
            crc ^= value;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
            }
        }

        return crc;
    }

    private int Frames(byte[] data, int[] chunkSizes, byte[] response)
    {
        _pendingFrames.Clear();
        int position = 0;
        int index = 0;
        while (true)
        {
            int chunk = chunkSizes[Math.Min(index, chunkSizes.Length - 1)];

            int remaining = data.Length - position;
            if (remaining <= chunk)
            {
                _pendingFrames.Enqueue([SimulatedDesfireStatus.OperationOk, .. data.AsSpan(position, remaining)]);
                break;
            }

            _pendingFrames.Enqueue([SimulatedDesfireStatus.AdditionalFrame, .. data.AsSpan(position, chunk)]);
            position += chunk;
            index++;
        }

        return NextFrame(response);
    }

    private int NextFrame(byte[] response)
    {
        byte[] frame = _pendingFrames.Dequeue();
        frame.CopyTo(response, 0);
        return frame.Length;
    }

    private int Error(byte status, byte[] response)
    {
        // Any error ends the authentication (datasheet: the authentication state is lost on an error).
        ClearAuthentication();
        _pendingFrames.Clear();
        response[0] = status;
        return 1;
    }

    private void ClearAuthentication()
    {
        _scheme = Scheme.None;
        _authenticatedKey = -1;
        _sessionCipher?.Dispose();
        _sessionCipher = null;
        _iv = null;
        _authCipher = null;
    }
}
