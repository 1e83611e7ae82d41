using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// UTC derived from the virtual monotonic clock. Like an ESP32 without a backed-up RTC it starts at the
/// Unix epoch and invalid; <see cref="SetUtc"/> (OCPP, SNTP, a test) makes it valid.
/// </summary>
public sealed class SimulatedWallClock : IWallClock
{
    private readonly IMonotonicClock _clock;
    private DateTime _baseUtc = DateTime.UnixEpoch;
    private long _baseUs;

    /// <summary>Creates a wall clock on top of <paramref name="clock"/>.</summary>
    public SimulatedWallClock(IMonotonicClock clock)
    {
        _clock = clock;
        _baseUs = clock.NowUs;
    }

    /// <inheritdoc />
    public bool IsValid { get; private set; }

    /// <inheritdoc />
    public DateTime UtcNow => _baseUtc.AddTicks((_clock.NowUs - _baseUs) * 10);

    /// <inheritdoc />
    public void SetUtc(DateTime utc)
    {
        _baseUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        _baseUs = _clock.NowUs;
        IsValid = true;
    }

    /// <summary>Forgets the time, as a power cut does on a board without RTC backup.</summary>
    public void Invalidate()
    {
        _baseUtc = DateTime.UnixEpoch;
        _baseUs = _clock.NowUs;
        IsValid = false;
    }
}
