namespace Wallbox.Hal
{
    /// <summary>
    /// Measures the control-pilot plateau voltages.
    /// </summary>
    /// <remarks>
    /// nanoFramework has no ADC conversion synchronised to the PWM edges, so on the ESP32 this is a burst of
    /// ADC reads spanning more than one PWM period, reduced to min/max (about 1–2 ms of CPU, bounded).
    /// A board with a pilot co-processor implements the same interface over UART and returns its latest report.
    /// </remarks>
    public interface IPilotSampler
    {
        /// <summary>
        /// Takes (or fetches) the latest measurement. Returns false when no valid measurement is available
        /// (ADC error, co-processor silent); the caller treats that as a pilot fault after its own debounce.
        /// Never waits for an external event.
        /// </summary>
        bool TryRead(out PilotSample sample);
    }
}
