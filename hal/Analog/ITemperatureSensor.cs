namespace Wallbox.Hal
{
    /// <summary>
    /// A temperature input (NTC on the terminal block, contactor or socket; CPH-41..46 derating).
    /// </summary>
    public interface ITemperatureSensor
    {
        /// <summary>
        /// Reads the temperature in tenths of a degree Celsius. Returns false when the sensor is open or
        /// shorted; the caller treats a missing reading as the hottest case.
        /// </summary>
        bool TryReadDeciCelsius(out int deciCelsius);
    }
}
