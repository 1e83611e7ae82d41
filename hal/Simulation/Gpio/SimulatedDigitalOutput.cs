namespace Wallbox.Hal.Simulation;

/// <summary>
/// A logical output whose state the simulated hardware reads. It records when it last changed, so tests
/// can measure reaction times in virtual time.
/// </summary>
public sealed class SimulatedDigitalOutput : IDigitalOutput
{
    private readonly IMonotonicClock _clock;

    /// <summary>Creates an output that is off.</summary>
    public SimulatedDigitalOutput(IMonotonicClock clock, string name)
    {
        _clock = clock;
        Name = name;
    }

    /// <summary>Signal name (for messages).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public bool IsOn { get; private set; }

    /// <summary>Virtual time of the last change, microseconds.</summary>
    public long LastChangeUs { get; private set; }

    /// <summary>Number of changes since construction.</summary>
    public int ChangeCount { get; private set; }

    /// <inheritdoc />
    public void Set(bool on)
    {
        if (on == IsOn)
        {
            return;
        }

        IsOn = on;
        LastChangeUs = _clock.NowUs;
        ChangeCount++;
    }

    /// <inheritdoc />
    public override string ToString() => Name + "=" + (IsOn ? "on" : "off");
}
