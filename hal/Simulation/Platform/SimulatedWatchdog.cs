namespace Wallbox.Hal.Simulation;

/// <summary>
/// A watchdog in virtual time. When it is not fed for its timeout it "bites": <see cref="HasBitten"/> is set
/// and the virtual board reboots the firmware, as the real one would reset.
/// </summary>
public sealed class SimulatedWatchdog : IWatchdog, ISimulatedDevice
{
    private readonly IMonotonicClock _clock;
    private long _lastFeedUs;

    /// <summary>Creates a disarmed watchdog.</summary>
    public SimulatedWatchdog(IMonotonicClock clock)
    {
        _clock = clock;
    }

    /// <summary>True once armed.</summary>
    public bool IsArmed { get; private set; }

    /// <summary>Timeout, milliseconds.</summary>
    public int TimeoutMs { get; private set; }

    /// <summary>Set when the timeout elapsed without a feed; cleared by <see cref="Reset"/>.</summary>
    public bool HasBitten { get; private set; }

    /// <summary>Feeds since construction.</summary>
    public long FeedCount { get; private set; }

    /// <inheritdoc />
    public void Start(int timeoutMs)
    {
        TimeoutMs = timeoutMs;
        IsArmed = true;
        _lastFeedUs = _clock.NowUs;
    }

    /// <inheritdoc />
    public void Feed()
    {
        // Virtual time can jump across the deadline inside one tick (a component that "hangs"); on real
        // hardware the timer would have fired during that tick, so a feed that comes too late does not save it.
        CheckExpiry(_clock.NowUs);
        _lastFeedUs = _clock.NowUs;
        FeedCount++;
    }

    /// <summary>Disarms it, as a reset does.</summary>
    public void Reset()
    {
        IsArmed = false;
        HasBitten = false;
    }

    /// <inheritdoc />
    public void Advance(long nowUs) => CheckExpiry(nowUs);

    private void CheckExpiry(long nowUs)
    {
        if (IsArmed && !HasBitten && nowUs - _lastFeedUs > TimeoutMs * 1000L)
        {
            HasBitten = true;
        }
    }
}
