namespace Wallbox.Hal.Simulation;

/// <summary>A temperature sensor whose reading a test sets; it can be made to fail (open or shorted NTC).</summary>
public sealed class SimulatedTemperatureSensor : ITemperatureSensor
{
    /// <summary>Temperature, tenths of a degree Celsius (default 25.0 °C).</summary>
    public int DeciCelsius { get; set; } = 250;

    /// <summary>When true, the sensor reads as open or shorted.</summary>
    public bool Fails { get; set; }

    /// <inheritdoc />
    public bool TryReadDeciCelsius(out int deciCelsius)
    {
        deciCelsius = Fails ? 0 : DeciCelsius;
        return !Fails;
    }
}
