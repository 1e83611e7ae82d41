namespace Wallbox.Firmware.Charging.Faults
{
    /// <summary>
    /// The fault table: cause → reaction → recovery → OCPP error code, one row per <see cref="ChargingFault"/>.
    /// docs/charging-control.md shows the same table; a test keeps the two in step.
    /// </summary>
    public static class FaultCatalog
    {
        /// <summary>OCPP 1.6 ChargePointErrorCode values used here (OCPP 1.6 §7.6).</summary>
        public const string GroundFailure = "GroundFailure";

        /// <summary>OCPP 1.6 error code.</summary>
        public const string PowerSwitchFailure = "PowerSwitchFailure";

        /// <summary>OCPP 1.6 error code.</summary>
        public const string EvCommunicationError = "EVCommunicationError";

        /// <summary>OCPP 1.6 error code.</summary>
        public const string InternalError = "InternalError";

        /// <summary>OCPP 1.6 error code.</summary>
        public const string OverCurrentFailure = "OverCurrentFailure";

        /// <summary>OCPP 1.6 error code.</summary>
        public const string HighTemperature = "HighTemperature";

        /// <summary>OCPP 1.6 error code.</summary>
        public const string ConnectorLockFailure = "ConnectorLockFailure";

        /// <summary>OCPP 1.6 error code.</summary>
        public const string OtherError = "OtherError";

        private const string OpenNow = "contactor opened in the same tick, PWM off";

        private static readonly FaultDefinition[] Definitions = new FaultDefinition[]
        {
            new FaultDefinition(ChargingFault.ResidualCurrent, FaultSeverity.Major, GroundFailure, "dc-ground-fault", OpenNow, "after 10 s without trip and a passed RCD self-test, charging resumes (CPH-62)"),
            new FaultDefinition(ChargingFault.ResidualCurrentRepeated, FaultSeverity.Major, GroundFailure, "dc-ground-fault-nonrecoverable", OpenNow, "EV unplugged (CPH-64)"),
            new FaultDefinition(ChargingFault.RcdSelfTestFailed, FaultSeverity.Critical, InternalError, "diff-coil-fault", "no session can energise", "a later self-test passes (retried every 60 s and before each session)"),
            new FaultDefinition(ChargingFault.WeldedContactor, FaultSeverity.Critical, PowerSwitchFailure, "welded-contactor", "coil stays off, red LED, every session refused; persisted", "service only (maintenance clear after repair): a reboot does not clear it (CPH-82)"),
            new FaultDefinition(ChargingFault.ContactorFailedToClose, FaultSeverity.Major, PowerSwitchFailure, "contactor-failed-to-close", "coil released, PWM off", "EV unplugged"),
            new FaultDefinition(ChargingFault.PilotDiodeMissing, FaultSeverity.Major, EvCommunicationError, "pilot-fault", OpenNow, "EV unplugged (state A)"),
            new FaultDefinition(ChargingFault.PilotShortToEarth, FaultSeverity.Major, EvCommunicationError, "pilot-short", OpenNow, "pilot leaves state E"),
            new FaultDefinition(ChargingFault.PilotVoltageOutOfRange, FaultSeverity.Major, EvCommunicationError, "pilot-out-of-range", OpenNow, "pilot back in a valid band"),
            new FaultDefinition(ChargingFault.PilotGeneratorFailure, FaultSeverity.Critical, InternalError, "pilot-generator-failure", "no session can energise", "a later power-up self-test passes"),
            new FaultDefinition(ChargingFault.VentilationNotAvailable, FaultSeverity.Major, OtherError, "unable-provide-ventilation", OpenNow, "EV leaves state D (CPH-37, CPH-76)"),
            new FaultDefinition(ChargingFault.OverCurrent, FaultSeverity.Minor, OverCurrentFailure, "ac-over-current-soft", "contactor opened after 9 s at ≥ 1.25 × the offer", "automatic retry after 5 s, at most 3 times per session (CPH-80)"),
            new FaultDefinition(ChargingFault.OverCurrentLockout, FaultSeverity.Major, OverCurrentFailure, "ac-over-current", "every session refused; persisted", "power cycle of at least 1 min (CPH-80), or service"),
            new FaultDefinition(ChargingFault.HighTemperature, FaultSeverity.Minor, HighTemperature, "acb-over-temp", "PWM off, contactor opened (after at most 6 s)", "temperature below the resume threshold (CPH-41, CPH-46)"),
            new FaultDefinition(ChargingFault.TemperatureSensorFailure, FaultSeverity.Minor, OtherError, "acb-temp-sensor-error", "PWM off, contactor opened (after at most 6 s): no protection without the sensor", "sensor reads again (CPH-42)"),
            new FaultDefinition(ChargingFault.ConnectorLockFailure, FaultSeverity.Major, ConnectorLockFailure, "connector-lock-failure", OpenNow, "EV unplugged, or a later lock/unlock succeeds (CPH-22)"),
            new FaultDefinition(ChargingFault.InvalidCable, FaultSeverity.Major, OtherError, "invalid-cable-detected", "no session can energise with this cable", "cable removed or a valid coding read (CPH-66)"),
        };

        /// <summary>Number of faults.</summary>
        public static int Count { get { return Definitions.Length; } }

        /// <summary>The definition of <paramref name="fault"/>.</summary>
        public static FaultDefinition Get(ChargingFault fault)
        {
            return Definitions[(int)fault];
        }
    }
}
