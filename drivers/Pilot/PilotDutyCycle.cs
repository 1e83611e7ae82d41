namespace Wallbox.Drivers.Pilot
{
    /// <summary>
    /// The EVSE's encoding of the maximum current in the pilot duty cycle, IEC 61851-1 Table A.8:
    /// duty[%] = I[A] / 0.6 for 6 A ≤ I ≤ 51 A, and duty[%] = I[A] / 2.5 + 64 for 51 A &lt; I ≤ 80 A.
    /// Duty cycles are in tenths of a percent (1000 = 100 %).
    /// </summary>
    /// <remarks>
    /// The duty cycle is rounded down, so the EV's reading never exceeds the limit (16 A gives 26.6 %, which the
    /// EV reads as 15.96 A). 5 % is reserved for digital communication (ISO 15118) and is never produced here.
    /// No current below 6 A can be offered: the caller pauses the session (PWM off, state x1) instead.
    /// </remarks>
    public static class PilotDutyCycle
    {
        /// <summary>Smallest current that can be offered, milliamperes (Table A.8).</summary>
        public const int MinimumCurrentMa = 6000;

        /// <summary>Upper end of the linear 0.6 A/% range, milliamperes (Table A.8: 51 A at 85 %).</summary>
        public const int LowRangeMaximumMa = 51000;

        /// <summary>Largest current that can be offered, milliamperes (Table A.8: 80 A at 96 %).</summary>
        public const int MaximumCurrentMa = 80000;

        /// <summary>Milliamperes per tenth of a percent in the low range: 0.6 A per % = 60 mA per 0.1 %.</summary>
        public const int LowRangeMaPerPermille = 60;

        /// <summary>Milliamperes per tenth of a percent in the high range: 2.5 A per % = 250 mA per 0.1 %.</summary>
        public const int HighRangeMaPerPermille = 250;

        /// <summary>Offset of the high range, tenths of a percent (64 %).</summary>
        public const int HighRangeOffsetPermille = 640;

        /// <summary>Duty cycle of digital communication only, tenths of a percent (5 %); never used for an analog offer.</summary>
        public const int DigitalCommunicationPermille = 50;

        /// <summary>
        /// Duty cycle for an offer of <paramref name="currentMa"/>, tenths of a percent; 0 when the current is below
        /// 6 A (nothing can be offered). Currents above 80 A are offered as 80 A.
        /// </summary>
        public static int FromCurrentMa(int currentMa)
        {
            if (currentMa < MinimumCurrentMa)
            {
                return 0;
            }

            if (currentMa > MaximumCurrentMa)
            {
                currentMa = MaximumCurrentMa;
            }

            if (currentMa <= LowRangeMaximumMa)
            {
                return currentMa / LowRangeMaPerPermille;
            }

            return currentMa / HighRangeMaPerPermille + HighRangeOffsetPermille;
        }

        /// <summary>
        /// The current an EV reads from <paramref name="dutyPermille"/> per Table A.8, milliamperes; 0 where no
        /// charging is allowed (below 8 %, above 97 %, and the 5 % digital-communication band).
        /// </summary>
        public static int ToCurrentMa(int dutyPermille)
        {
            if (dutyPermille < 80 || dutyPermille > 970)
            {
                return 0;
            }

            if (dutyPermille < 100)
            {
                return MinimumCurrentMa;
            }

            if (dutyPermille <= 850)
            {
                return dutyPermille * LowRangeMaPerPermille;
            }

            if (dutyPermille <= 960)
            {
                return (dutyPermille - HighRangeOffsetPermille) * HighRangeMaPerPermille;
            }

            return MaximumCurrentMa;
        }
    }
}
