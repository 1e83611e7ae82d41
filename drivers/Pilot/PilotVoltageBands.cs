namespace Wallbox.Drivers.Pilot
{
    /// <summary>
    /// Detection bands of the control-pilot plateau voltage: nominal ±1 V around the levels of
    /// IEC 61851-1 Table A.3 (A 12 V, B 9 V, C 6 V, D 3 V, E 0 V, F −12 V; ranges of Table A.4).
    /// A voltage between two bands is <see cref="PilotState.Unknown"/>, never rounded to a neighbour.
    /// </summary>
    /// <remarks>
    /// Hysteresis (our choice; the standard leaves the 1 V gaps between bands undefined): a state already
    /// detected is kept while the voltage stays within its band widened by <see cref="HysteresisMv"/> into the
    /// neighbouring gaps, so noise at a band edge cannot make the state chatter. Leaving a band always needs
    /// the voltage to cross the middle of a gap, and entering a new state needs its own (narrow) band.
    /// </remarks>
    public static class PilotVoltageBands
    {
        /// <summary>Half-width of every detection band, millivolts (Table A.4: nominal ±1 V).</summary>
        public const int BandHalfWidthMv = 1000;

        /// <summary>How far a held state's band extends into the neighbouring gaps, millivolts. Our choice: half a gap.</summary>
        public const int HysteresisMv = 500;

        /// <summary>State A nominal, millivolts.</summary>
        public const int StateANominalMv = 12000;

        /// <summary>State B nominal, millivolts.</summary>
        public const int StateBNominalMv = 9000;

        /// <summary>State C nominal, millivolts.</summary>
        public const int StateCNominalMv = 6000;

        /// <summary>State D nominal, millivolts.</summary>
        public const int StateDNominalMv = 3000;

        /// <summary>State E nominal, millivolts.</summary>
        public const int StateENominalMv = 0;

        /// <summary>State F nominal (and the low plateau with the EV diode present), millivolts.</summary>
        public const int StateFNominalMv = -12000;

        /// <summary>Classifies one plateau voltage without history.</summary>
        public static PilotState Classify(int plateauMv)
        {
            return Classify(plateauMv, PilotState.Unknown);
        }

        /// <summary>
        /// Classifies one plateau voltage, keeping <paramref name="held"/> while the voltage stays within its band
        /// widened by <see cref="HysteresisMv"/>.
        /// </summary>
        public static PilotState Classify(int plateauMv, PilotState held)
        {
            if (held != PilotState.Unknown && IsWithin(plateauMv, NominalMv(held), BandHalfWidthMv + HysteresisMv))
            {
                return held;
            }

            if (IsWithin(plateauMv, StateANominalMv, BandHalfWidthMv))
            {
                return PilotState.A;
            }

            if (IsWithin(plateauMv, StateBNominalMv, BandHalfWidthMv))
            {
                return PilotState.B;
            }

            if (IsWithin(plateauMv, StateCNominalMv, BandHalfWidthMv))
            {
                return PilotState.C;
            }

            if (IsWithin(plateauMv, StateDNominalMv, BandHalfWidthMv))
            {
                return PilotState.D;
            }

            if (IsWithin(plateauMv, StateENominalMv, BandHalfWidthMv))
            {
                return PilotState.E;
            }

            if (IsWithin(plateauMv, StateFNominalMv, BandHalfWidthMv))
            {
                return PilotState.F;
            }

            return PilotState.Unknown;
        }

        /// <summary>True when a low plateau shows the EV's diode blocking: within the state F band (−12 V ± 1 V).</summary>
        public static bool IsDiodeBlocking(int lowPlateauMv)
        {
            return IsWithin(lowPlateauMv, StateFNominalMv, BandHalfWidthMv);
        }

        /// <summary>Nominal level of <paramref name="state"/>, millivolts.</summary>
        public static int NominalMv(PilotState state)
        {
            switch (state)
            {
                case PilotState.A:
                    return StateANominalMv;
                case PilotState.B:
                    return StateBNominalMv;
                case PilotState.C:
                    return StateCNominalMv;
                case PilotState.D:
                    return StateDNominalMv;
                case PilotState.E:
                    return StateENominalMv;
                case PilotState.F:
                    return StateFNominalMv;
                default:
                    throw new System.ArgumentOutOfRangeException("state");
            }
        }

        private static bool IsWithin(int valueMv, int nominalMv, int halfWidthMv)
        {
            return valueMv >= nominalMv - halfWidthMv && valueMv <= nominalMv + halfWidthMv;
        }
    }
}
