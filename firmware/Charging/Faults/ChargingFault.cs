namespace Wallbox.Firmware.Charging.Faults
{
    /// <summary>
    /// Faults of the charging side. Each has one entry in <see cref="FaultCatalog"/> (severity, OCPP error code,
    /// reaction, recovery). Values are bit positions of a <see cref="FaultSet"/>; keep them below 32.
    /// </summary>
    public enum ChargingFault
    {
        /// <summary>The 6 mA DC RCD module tripped; first time in the session, clears after 10 s (CPH-62 dc-ground-fault).</summary>
        ResidualCurrent = 0,

        /// <summary>The RCD tripped again in the same session; latched until the EV is unplugged (CPH-64 dc-ground-fault-nonrecoverable).</summary>
        ResidualCurrentRepeated = 1,

        /// <summary>The RCD module failed its self-test (CPH-61 diff-coil-fault, CPH-39 self-test-fail).</summary>
        RcdSelfTestFailed = 2,

        /// <summary>Contacts stayed closed after the coil was released: welded (CPH-82). Persisted; survives reboot.</summary>
        WeldedContactor = 3,

        /// <summary>Contacts did not close when the coil was energised (coil, supply or feedback failure).</summary>
        ContactorFailedToClose = 4,

        /// <summary>Low pilot plateau not at −12 V under PWM: EV diode missing or shorted (CPH-48 pilot-fault).</summary>
        PilotDiodeMissing = 5,

        /// <summary>Pilot at 0 V: shorted to PE (state E).</summary>
        PilotShortToEarth = 6,

        /// <summary>Pilot voltage outside every state band for longer than the debounce (CPH-48).</summary>
        PilotVoltageOutOfRange = 7,

        /// <summary>The ±12 V generator did not produce the levels commanded (power-up self-test).</summary>
        PilotGeneratorFailure = 8,

        /// <summary>The EV asked for ventilation (state D) and the installation has none (CPH-37, CPH-76).</summary>
        VentilationNotAvailable = 9,

        /// <summary>Drawn current ≥ 1.25 × the offer for the trip delay; automatic retry (CPH-80, CPH-72, CPH-54).</summary>
        OverCurrent = 10,

        /// <summary>Over-current after the third retry; latched until a power cycle of at least 1 min (CPH-80, CPH-53). Persisted.</summary>
        OverCurrentLockout = 11,

        /// <summary>Temperature at or above the stop threshold (CPH-41, CPH-46).</summary>
        HighTemperature = 12,

        /// <summary>The temperature sensor reads open or shorted (CPH-42).</summary>
        TemperatureSensorFailure = 13,

        /// <summary>The socket lock did not lock or unlock, or lost its locked position (CPH-22).</summary>
        ConnectorLockFailure = 14,

        /// <summary>The PP resistor of the plugged cable is outside every coding range (CPH-66 invalid-cable-detected).</summary>
        InvalidCable = 15,
    }
}
