using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// Deterministic monotonic time. It moves only when the owner calls <see cref="AdvanceUs"/>, so hours of
/// charging run in milliseconds of wall time and every run is the same. A component that "takes time"
/// in a test can advance it from inside its tick.
/// </summary>
public sealed class VirtualClock : IMonotonicClock
{
    /// <inheritdoc />
    public long NowUs { get; private set; }

    /// <inheritdoc />
    public long NowMs => NowUs / 1000;

    /// <summary>Moves time forward by <paramref name="deltaUs"/> microseconds.</summary>
    public void AdvanceUs(long deltaUs)
    {
        if (deltaUs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deltaUs), "monotonic time cannot go back");
        }

        NowUs += deltaUs;
    }

    /// <summary>Moves time forward by <paramref name="deltaMs"/> milliseconds.</summary>
    public void AdvanceMs(long deltaMs) => AdvanceUs(deltaMs * 1000);
}
