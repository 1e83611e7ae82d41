namespace Wallbox.Firmware.Ocpp.Status
{
    /// <summary>
    /// Failures of peripherals that do not stop charging but must reach the central system as a StatusNotification
    /// error code: the energy meter (PowerMeterFailure, CPH-47/58) and the RFID reader (ReaderFailure). Set by the
    /// services that watch them.
    /// </summary>
    public sealed class PeripheralHealth
    {
        /// <summary>The energy meter has not delivered a reading within its allowed age.</summary>
        public bool MeterFailed;

        /// <summary>The RFID reader does not answer.</summary>
        public bool ReaderFailed;
    }
}
