namespace Wallbox.Firmware.Metering
{
    /// <summary>
    /// The energy meter of the charging circuit as the OCPP side sees it: the latest reading, or none. The Modbus
    /// meter service (issue 7) implements it on a MID meter; the virtual board reads its simulated circuit.
    /// </summary>
    public interface IEnergyMeter
    {
        /// <summary>
        /// Copies the latest reading into <paramref name="into"/>. Returns false when there is none younger than
        /// <paramref name="maxAgeMs"/> (meter silent, not polled yet, or failed).
        /// </summary>
        bool TryGetReading(long nowMs, int maxAgeMs, MeterReading into);
    }
}
