namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// Where the over-current protection gets the measured current: the energy meter's per-phase currents
    /// (Modbus meter service), or a board's current transformers.
    /// </summary>
    public interface IPhaseCurrentSource
    {
        /// <summary>
        /// The largest phase current of the latest reading, milliamperes. Returns false when there is no reading
        /// younger than <paramref name="maxAgeMs"/> (meter silent or not polled yet).
        /// </summary>
        bool TryGetMaxPhaseCurrentMa(long nowMs, int maxAgeMs, out int currentMa);
    }
}
