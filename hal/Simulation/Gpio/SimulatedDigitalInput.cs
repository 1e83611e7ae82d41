namespace Wallbox.Hal.Simulation;

/// <summary>A logical input driven by a simulated device or a test.</summary>
public sealed class SimulatedDigitalInput : IDigitalInput
{
    private bool _driven;

    /// <summary>Creates an inactive input.</summary>
    public SimulatedDigitalInput(string name)
    {
        Name = name;
    }

    /// <summary>Signal name (for messages).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public bool IsActive => StuckAt ?? _driven;

    /// <summary>When set, the input reads this value whatever the device drives (a broken wire or a stuck sensor).</summary>
    public bool? StuckAt { get; set; }

    /// <summary>Drives the input from the device side.</summary>
    public void Drive(bool active) => _driven = active;

    /// <inheritdoc />
    public override string ToString() => Name + "=" + (IsActive ? "active" : "inactive");
}
