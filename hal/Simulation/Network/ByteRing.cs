using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A circular byte buffer for the host stream connections: fixed capacity unless the owner grows it
/// (<see cref="Grow"/>, used only on the simulated peer's side). Reading and writing allocate nothing.
/// Not thread-safe: the owner locks.
/// </summary>
internal sealed class ByteRing
{
    private byte[] _buffer;
    private int _head;

    public ByteRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _buffer = new byte[capacity];
    }

    public int Capacity => _buffer.Length;

    public int Count { get; private set; }

    public int Free => _buffer.Length - Count;

    /// <summary>Appends as many bytes as fit; returns how many.</summary>
    public int Write(byte[] source, int offset, int count)
    {
        int n = Math.Min(count, Free);
        int tail = (_head + Count) % _buffer.Length;
        int first = Math.Min(n, _buffer.Length - tail);
        Buffer.BlockCopy(source, offset, _buffer, tail, first);
        Buffer.BlockCopy(source, offset + first, _buffer, 0, n - first);
        Count += n;
        return n;
    }

    /// <summary>Removes up to <paramref name="count"/> bytes into <paramref name="destination"/>; returns how many.</summary>
    public int Read(byte[] destination, int offset, int count)
    {
        int n = Math.Min(count, Count);
        int first = Math.Min(n, _buffer.Length - _head);
        Buffer.BlockCopy(_buffer, _head, destination, offset, first);
        Buffer.BlockCopy(_buffer, 0, destination, offset + first, n - first);
        _head = (_head + n) % _buffer.Length;
        Count -= n;
        return n;
    }

    /// <summary>Copies up to <paramref name="count"/> bytes from the front into <paramref name="destination"/> without removing them; returns how many.</summary>
    public int Peek(byte[] destination, int offset, int count)
    {
        int n = Math.Min(count, Count);
        int first = Math.Min(n, _buffer.Length - _head);
        Buffer.BlockCopy(_buffer, _head, destination, offset, first);
        Buffer.BlockCopy(_buffer, 0, destination, offset + first, n - first);
        return n;
    }

    /// <summary>Removes up to <paramref name="count"/> bytes from the front; returns how many.</summary>
    public int Skip(int count)
    {
        int n = Math.Min(count, Count);
        _head = (_head + n) % _buffer.Length;
        Count -= n;
        return n;
    }

    /// <summary>Makes room for at least <paramref name="free"/> more bytes (allocates).</summary>
    public void Grow(int free)
    {
        if (Free >= free)
        {
            return;
        }

        byte[] bigger = new byte[Math.Max(_buffer.Length * 2, Count + free)];
        int count = Count;
        Read(bigger, 0, count);
        _buffer = bigger;
        _head = 0;
        Count = count;
    }

    public void Clear()
    {
        _head = 0;
        Count = 0;
    }
}
