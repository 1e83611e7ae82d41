namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// Timing requirements of IEC 61851-1:2017 Annex A, Table A.6 (sequence numbers as in the table), and the
    /// times this firmware chooses inside them.
    /// </summary>
    public static class IecTimings
    {
        /// <summary>
        /// Table A.6 sequences 2.2 (unplug in state Cx/Dx), 8.1 (EV opens S2 while PWM is on: C2 → B2) and the
        /// error states E and F: the EVSE opens the supply within 100 ms. Measured from the change at the
        /// connector to the contacts open.
        /// </summary>
        public const int SwitchOffDeadlineMs = 100;

        /// <summary>
        /// Table A.6 sequence 4 (EV ready to charge, B2 → C2): the EVSE closes the supply within 3 s. This firmware
        /// closes in the tick that sees state C with PWM running, once every other condition holds.
        /// </summary>
        public const int SwitchOnDeadlineMs = 3000;

        /// <summary>
        /// Table A.6 sequence 10.2: the EVSE has switched PWM off (x2 → x1) to pause or end charging, but the EV stays
        /// in state C (does not open S2): the EVSE opens the supply under load after 6 s.
        /// </summary>
        public const int PowerOffUnderLoadInC1TimeoutMs = 6000;

        /// <summary>
        /// Table A.6 sequence 9 (change of the available current): the EV follows a new duty cycle within 5 s.
        /// Informative here: the over-current protection's trip delay is longer than this, so an EV that is still
        /// adapting is never tripped.
        /// </summary>
        public const int EvCurrentAdaptationMs = 5000;
    }
}
