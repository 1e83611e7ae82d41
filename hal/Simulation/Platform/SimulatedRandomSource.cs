using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A deterministic <see cref="IRandomSource"/> for the host: a seeded <see cref="Random"/>, so a test or a virtual
/// wallbox run repeats byte for byte. Tests that replay a published trace queue the exact bytes to hand out first
/// (<see cref="Enqueue"/>), e.g. the RndA of the trace.
/// </summary>
/// <remarks>Not for production: predictable by design.</remarks>
public sealed class SimulatedRandomSource : IRandomSource
{
    private readonly Random _random;
    private byte[] _queued = Array.Empty<byte>();
    private int _queuedOffset;

    /// <summary>Creates a generator with <paramref name="seed"/>.</summary>
    public SimulatedRandomSource(int seed = 1)
    {
        _random = new Random(seed);
    }

    /// <summary>Bytes handed out so far.</summary>
    public long BytesProduced { get; private set; }

    /// <summary>Makes the next calls return <paramref name="bytes"/> (then the seeded sequence again).</summary>
    public void Enqueue(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        byte[] remaining = new byte[_queued.Length - _queuedOffset + bytes.Length];
        Array.Copy(_queued, _queuedOffset, remaining, 0, _queued.Length - _queuedOffset);
        Array.Copy(bytes, 0, remaining, _queued.Length - _queuedOffset, bytes.Length);
        _queued = remaining;
        _queuedOffset = 0;
    }

    /// <inheritdoc />
    public void NextBytes(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        for (int i = 0; i < count; i++)
        {
            buffer[offset + i] = _queuedOffset < _queued.Length ? _queued[_queuedOffset++] : (byte)_random.Next(256);
        }

        BytesProduced += count;
    }
}
