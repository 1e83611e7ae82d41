namespace Wallbox.Hal.Simulation;

/// <summary>An analog input whose voltage a test or a device sets.</summary>
public sealed class SimulatedAnalogInput : IAnalogInput
{
    /// <summary>Voltage presented to the input, millivolts.</summary>
    public int Millivolts { get; set; }

    /// <summary>When true, conversions fail.</summary>
    public bool Fails { get; set; }

    /// <inheritdoc />
    public bool TryReadMillivolts(out int millivolts)
    {
        millivolts = Fails ? 0 : Millivolts;
        return !Fails;
    }
}
