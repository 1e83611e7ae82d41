using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The ISO/IEC 14443-3 Type A layer of a <see cref="VirtualCard"/> in the field: the state machine of 6.3
/// (IDLE, READY, ACTIVE, HALT and READY*/ACTIVE* after WUPA) answering REQA, WUPA, ANTICOLLISION, SELECT and HLTA.
/// Frames are bit strings: <c>bits</c> counts valid bits, LSB of byte 0 first. One instance lives from power-up
/// (entering the field) to power-off; the anticollision UID is taken once, at power-up
/// (<see cref="VirtualCard.AnticollisionUid"/>).
/// </summary>
/// <remarks>
/// A card with an <see cref="VirtualCard.IsoDepApplication"/> answers RATS in ACTIVE with its ATS and then hands
/// every frame to its <see cref="SimulatedIsoDepCard"/> (the PROTOCOL state of ISO/IEC 14443-4 5.1); S(DESELECT)
/// sends it to HALT. HLTA is accepted in the PROTOCOL state too (its first byte 0x50 is no ISO-DEP PCB), so a reader
/// that gives up on a session can still halt the card.
/// </remarks>
public sealed class SimulatedIso14443Card
{
    private const byte CascadeTag = 0x88;
    private readonly byte[] _levels; // 5 bytes (UID CLn + BCC) per cascade level

    private enum CardState { Idle, Ready, Active, Halt, Protocol }

    private CardState _state;
    private bool _fromHalt;
    private int _level;

    /// <summary>Wraps <paramref name="card"/>, just powered by the field (IDLE).</summary>
    public SimulatedIso14443Card(VirtualCard card)
    {
        Card = card ?? throw new ArgumentNullException(nameof(card));
        byte[] uid = card.AnticollisionUid();
        Uid = (byte[])uid.Clone();
        IIsoDepCardApplication application = card.IsoDepApplication;
        IsoDep = application == null ? null : new SimulatedIsoDepCard(card, application);
        int levels = uid.Length == 4 ? 1 : uid.Length == 7 ? 2 : 3;
        _levels = new byte[levels * 5];
        int next = 0;
        for (int level = 0; level < levels; level++)
        {
            int o = level * 5;
            bool last = level == levels - 1;
            if (!last)
            {
                _levels[o] = CascadeTag;
                Array.Copy(uid, next, _levels, o + 1, 3);
                next += 3;
            }
            else
            {
                Array.Copy(uid, next, _levels, o, 4);
            }

            _levels[o + 4] = (byte)(_levels[o] ^ _levels[o + 1] ^ _levels[o + 2] ^ _levels[o + 3]);
        }
    }

    /// <summary>The card.</summary>
    public VirtualCard Card { get; }

    /// <summary>The UID sent in anticollision since this power-up.</summary>
    public byte[] Uid { get; }

    /// <summary>The ISO/IEC 14443-4 layer, or null for a UID-only card.</summary>
    public SimulatedIsoDepCard IsoDep { get; }

    /// <summary>True in ACTIVE (selected).</summary>
    public bool IsActive => _state == CardState.Active;

    /// <summary>True after RATS, in the PROTOCOL state of ISO/IEC 14443-4 (5.1).</summary>
    public bool IsInProtocolState => _state == CardState.Protocol;

    /// <summary>Processing time before the last answer beyond the chip latency, microseconds (ISO-DEP WTX).</summary>
    public long LastAnswerDelayUs { get; private set; }

    /// <summary>The field is gone (card removed or antenna off): volatile state ends, the application resets.</summary>
    public void PowerOff()
    {
        IsoDep?.Reset();
    }

    /// <summary>True in HALT.</summary>
    public bool IsHalted => _state == CardState.Halt;

    /// <summary>
    /// Handles one frame of <paramref name="bits"/> bits; writes the answer to <paramref name="answer"/> and returns
    /// its length in bits, or 0 when the card stays silent.
    /// </summary>
    public int Receive(byte[] frame, int bits, byte[] answer) => Receive(frame, bits, answer, 0);

    /// <summary>As <see cref="Receive(byte[], int, byte[])"/> at <paramref name="nowUs"/> (ISO-DEP timing: SFGT, WTX).</summary>
    public int Receive(byte[] frame, int bits, byte[] answer, long nowUs)
    {
        LastAnswerDelayUs = 0;
        bool hlta = bits == 32 && frame[0] == 0x50 && frame[1] == 0x00 && CrcOk(frame, 4);
        if (_state == CardState.Protocol)
        {
            if (hlta)
            {
                IsoDep.Reset();
                _state = CardState.Halt;
                return 0;
            }

            if (bits % 8 != 0)
            {
                return 0; // short frames (REQA, WUPA) mean nothing to ISO-DEP
            }

            int length = IsoDep.Receive(frame, bits / 8, answer, nowUs);
            LastAnswerDelayUs = IsoDep.LastAnswerDelayUs;
            if (IsoDep.Deselected)
            {
                _state = CardState.Halt; // ISO/IEC 14443-4 clause 8: HALT after the S(DESELECT) response
                _fromHalt = true;
            }

            return length * 8;
        }

        if (_state == CardState.Active && IsoDep != null && bits == 32 && frame[0] == 0xE0 && CrcOk(frame, 4))
        {
            _state = CardState.Protocol; // ISO/IEC 14443-4 5.1: RATS in ACTIVE
            return IsoDep.Activate(frame, answer, nowUs) * 8;
        }

        bool request = bits == 7 && (frame[0] == 0x26 || frame[0] == 0x52);
        bool wupa = request && frame[0] == 0x52;
        if (_state == CardState.Halt)
        {
            if (!wupa)
            {
                return 0; // HALT: only WUPA wakes the card (6.3.2)
            }

            _fromHalt = true;
            return EnterReady(answer);
        }

        if (request)
        {
            if (_state == CardState.Idle)
            {
                _fromHalt = false;
                return EnterReady(answer);
            }

            GoBack();
            return 0;
        }

        if (_state == CardState.Ready && bits >= 16 && frame[0] == SelectCode())
        {
            return Anticollision(frame, bits, answer);
        }

        if (_state == CardState.Active && hlta)
        {
            IsoDep?.Reset();
            _state = CardState.Halt; // HLTA (6.4.3): never answered
            return 0;
        }

        GoBack();
        return 0;
    }

    private int EnterReady(byte[] answer)
    {
        _state = CardState.Ready;
        _level = 0;
        int sizeCode = _levels.Length / 5 - 1; // ATQA bits 8..7: UID size single/double/triple (6.4.2)
        answer[0] = (byte)((sizeCode << 6) | 0x04); // bit frame anticollision
        answer[1] = Card.AtqaHighByte;
        return 16;
    }

    private int Anticollision(byte[] frame, int bits, byte[] answer)
    {
        int nvb = frame[1];
        int knownBits = ((nvb >> 4) - 2) * 8 + (nvb & 0x0F);
        int o = _level * 5;
        if (nvb == 0x70)
        {
            if (bits != 72 || !CrcOk(frame, 9))
            {
                GoBack();
                return 0;
            }

            for (int i = 0; i < 5; i++)
            {
                if (frame[2 + i] != _levels[o + i])
                {
                    return 0; // another card's UID: stay READY, silent
                }
            }

            bool complete = o + 5 == _levels.Length;
            answer[0] = complete ? Card.Sak : (byte)0x04;
            if (complete)
            {
                _state = CardState.Active;
            }
            else
            {
                _level++;
            }

            AppendCrc(answer, 1);
            return 24;
        }

        if (knownBits < 0 || knownBits > 39 || bits != 16 + knownBits)
        {
            GoBack();
            return 0;
        }

        for (int b = 0; b < knownBits; b++)
        {
            if (Bit(frame, 16 + b) != Bit(_levels, o * 8 + b))
            {
                return 0; // not this card's UID prefix
            }
        }

        int count = 40 - knownBits;
        Array.Clear(answer, 0, (count + 7) / 8);
        for (int b = 0; b < count; b++)
        {
            if (Bit(_levels, o * 8 + knownBits + b))
            {
                answer[b / 8] |= (byte)(1 << (b % 8));
            }
        }

        return count;
    }

    private void GoBack()
    {
        // 6.3: an unexpected frame returns to IDLE, or to HALT when the card was woken from HALT.
        _state = _fromHalt ? CardState.Halt : CardState.Idle;
    }

    private byte SelectCode() => _level == 0 ? (byte)0x93 : _level == 1 ? (byte)0x95 : (byte)0x97;

    private static bool Bit(byte[] data, int index) => (data[index / 8] & (1 << (index % 8))) != 0;

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
