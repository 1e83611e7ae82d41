using System;
using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A UART with RS-485 half-duplex timing in virtual time: every character occupies the line for
/// (start + data + parity + stop) bits at the configured baud rate, in both directions, so protocol code sees
/// the same inter-character gaps as on the wire. The peer (a meter model) answers through <see cref="PeerWrite"/>.
/// </summary>
/// <remarks>
/// A pseudo-terminal or socket does not keep baud-rate timing, so the timing is modelled here. A peer
/// configured with different settings (baud or parity) receives every character as damaged, and its
/// answers reach the board as garbage: that is what a misconfigured RS-485 line looks like.
/// </remarks>
public sealed class SimulatedSerialPort : ISerialPort, ISimulatedDevice
{
    private readonly IMonotonicClock _clock;
    private readonly Queue<(byte Value, long AtUs)> _toPeer = new Queue<(byte, long)>();
    private readonly Queue<(byte Value, long AtUs)> _toBoard = new Queue<(byte, long)>();
    private readonly byte[] _rx;
    private readonly Random _noise;
    private int _rxHead;
    private int _rxCount;
    private long _txLineFreeUs;
    private long _rxLineFreeUs;

    /// <summary>Creates a closed port with a receive buffer of <paramref name="receiveBufferCapacity"/> bytes.</summary>
    public SimulatedSerialPort(IMonotonicClock clock, int receiveBufferCapacity = 256, int transmitBufferCapacity = 256, int noiseSeed = 7)
    {
        _clock = clock;
        _rx = new byte[receiveBufferCapacity];
        TransmitBufferCapacity = transmitBufferCapacity;
        _noise = new Random(noiseSeed);
    }

    /// <summary>The device on the line.</summary>
    public ISerialPeer Peer { get; set; }

    /// <summary>The peer's line settings; null means "same as the port".</summary>
    public SerialSettings? PeerSettings { get; set; }

    /// <summary>Probability that a character is damaged by line noise, per character (0 = clean line).</summary>
    public double NoiseProbability { get; set; }

    /// <summary>Size of the transmit buffer, bytes.</summary>
    public int TransmitBufferCapacity { get; }

    /// <inheritdoc />
    public bool IsOpen { get; private set; }

    /// <inheritdoc />
    public SerialSettings Settings { get; private set; }

    /// <inheritdoc />
    public int ReceiveBufferCapacity => _rx.Length;

    /// <inheritdoc />
    public int BytesToRead => _rxCount;

    /// <inheritdoc />
    public int ReceiveOverflowCount { get; private set; }

    /// <inheritdoc />
    public long LastReceiveUs { get; private set; }

    /// <inheritdoc />
    public bool IsTransmitting => _clock.NowUs < _txLineFreeUs;

    /// <summary>Characters sent by the board since construction.</summary>
    public long TransmittedCount { get; private set; }

    /// <inheritdoc />
    public bool Open(SerialSettings settings)
    {
        if (settings.BaudRate <= 0 || settings.DataBits < 5 || settings.DataBits > 8)
        {
            return false;
        }

        Settings = settings;
        IsOpen = true;
        _rxHead = 0;
        _rxCount = 0;
        ReceiveOverflowCount = 0;
        return true;
    }

    /// <inheritdoc />
    public void Close()
    {
        IsOpen = false;
        _rxCount = 0;
        _toPeer.Clear();
    }

    /// <inheritdoc />
    public int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, _rxCount);
        for (int i = 0; i < n; i++)
        {
            buffer[offset + i] = _rx[_rxHead];
            _rxHead = (_rxHead + 1) % _rx.Length;
        }

        _rxCount -= n;
        return n;
    }

    /// <inheritdoc />
    public void DiscardReceiveBuffer() => _rxCount = 0;

    /// <inheritdoc />
    public bool Write(byte[] buffer, int offset, int count)
    {
        if (!IsOpen || _toPeer.Count + count > TransmitBufferCapacity)
        {
            return false;
        }

        long now = _clock.NowUs;
        long charUs = Settings.CharacterTimeUs;
        long start = Math.Max(now, _txLineFreeUs);
        for (int i = 0; i < count; i++)
        {
            start += charUs;
            _toPeer.Enqueue((buffer[offset + i], start));
        }

        _txLineFreeUs = start;
        return true;
    }

    /// <summary>
    /// The peer transmits <paramref name="count"/> bytes starting now (or when its previous answer has left);
    /// they arrive in the receive buffer one character time apart.
    /// </summary>
    public void PeerWrite(byte[] buffer, int offset, int count)
    {
        long charUs = (PeerSettings ?? Settings).CharacterTimeUs;
        long start = Math.Max(_clock.NowUs, _rxLineFreeUs);
        for (int i = 0; i < count; i++)
        {
            start += charUs;
            _toBoard.Enqueue((buffer[offset + i], start));
        }

        _rxLineFreeUs = start;
    }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        bool mismatch = PeerSettings is SerialSettings peer && (peer.BaudRate != Settings.BaudRate || peer.Parity != Settings.Parity || peer.DataBits != Settings.DataBits);
        while (_toPeer.Count > 0 && _toPeer.Peek().AtUs <= nowUs)
        {
            (byte value, long atUs) = _toPeer.Dequeue();
            TransmittedCount++;
            bool intact = !mismatch && !Noisy();
            Peer?.OnCharacter(intact ? value : Garble(value), intact, atUs);
        }

        while (_toBoard.Count > 0 && _toBoard.Peek().AtUs <= nowUs)
        {
            (byte value, long atUs) = _toBoard.Dequeue();
            if (!IsOpen)
            {
                continue;
            }

            if (_rxCount == _rx.Length)
            {
                ReceiveOverflowCount++;
                continue;
            }

            _rx[(_rxHead + _rxCount) % _rx.Length] = mismatch || Noisy() ? Garble(value) : value;
            _rxCount++;
            LastReceiveUs = atUs;
        }
    }

    private bool Noisy() => NoiseProbability > 0 && _noise.NextDouble() < NoiseProbability;

    private static byte Garble(byte value) => (byte)(value ^ 0xA5);
}
