namespace Wallbox.Drivers.Pilot
{
    /// <summary>
    /// Detection bands of the control-pilot plateau voltage: nominal ±1 V around the levels of
    /// IEC 61851-1 Table A.3 (A 12 V, B 9 V, C 6 V, D 3 V, E 0 V, F −12 V; ranges of Table A.4).
    /// A voltage between two bands is <see cref="PilotState.Unknown"/>, never rounded to a neighbour.
    /// </summary>
    public static class PilotVoltageBands
    {
        /// <summary>Half-width of every detection band, millivolts (Table A.4: nominal ±1 V).</summary>
        public const int BandHalfWidthMv = 1000;

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

        /// <summary>Classifies one plateau voltage.</summary>
        public static PilotState Classify(int plateauMv)
        {
            if (IsWithin(plateauMv, StateANominalMv))
            {
                return PilotState.A;
            }

            if (IsWithin(plateauMv, StateBNominalMv))
            {
                return PilotState.B;
            }

            if (IsWithin(plateauMv, StateCNominalMv))
            {
                return PilotState.C;
            }

            if (IsWithin(plateauMv, StateDNominalMv))
            {
                return PilotState.D;
            }

            if (IsWithin(plateauMv, StateENominalMv))
            {
                return PilotState.E;
            }

            if (IsWithin(plateauMv, StateFNominalMv))
            {
                return PilotState.F;
            }

            return PilotState.Unknown;
        }

        private static bool IsWithin(int valueMv, int nominalMv)
        {
            return valueMv >= nominalMv - BandHalfWidthMv && valueMv <= nominalMv + BandHalfWidthMv;
        }
    }
}
