namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// What the charging controller is doing, as one value. It maps one-to-one onto the OCPP 1.6 connector status
    /// (noted per member) and onto the status LED (CPH-05..16).
    /// </summary>
    public enum ChargingState
    {
        /// <summary>Power-up self-test running (CPH-04); pilot at state F. OCPP: Unavailable.</summary>
        SelfTest = 0,

        /// <summary>No EV, no session, ready. OCPP: Available.</summary>
        Available = 1,

        /// <summary>EV plugged without authorisation, authorised without EV, or a session getting ready (lock, RCD test). OCPP: Preparing.</summary>
        Preparing = 2,

        /// <summary>Contactor closed, energy offered. OCPP: Charging.</summary>
        Charging = 3,

        /// <summary>Session running, EV not requesting energy (state B under PWM). OCPP: SuspendedEV.</summary>
        SuspendedEv = 4,

        /// <summary>Session running, the EVSE offers nothing (limit below 6 A, temperature, recovery after a trip). OCPP: SuspendedEVSE.</summary>
        SuspendedEvse = 5,

        /// <summary>
        /// Session ended, EV still plugged (PWM off; the contactor stays closed until the EV leaves state C, at most
        /// 6 s, Table A.6 seq. 10.2). OCPP: Finishing.
        /// </summary>
        Finishing = 6,

        /// <summary>A fault blocks charging. OCPP: Faulted.</summary>
        Faulted = 7,

        /// <summary>Set out of operation (ChangeAvailability Inoperative, local disable). OCPP: Unavailable.</summary>
        Unavailable = 8,
    }
}
