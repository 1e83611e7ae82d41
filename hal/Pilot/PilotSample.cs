namespace Wallbox.Hal
{
    /// <summary>
    /// One measurement of the control-pilot line over (at least) one PWM period: the voltage of the
    /// high plateau and of the low plateau, as seen at the EVSE's measuring point (IEC 61851-1 Figure A.1).
    /// With the generator at a steady level both plateaus are that level.
    /// </summary>
    public struct PilotSample
    {
        /// <summary>High plateau, millivolts (nominal +12 000 in state A, +9 000 in B, +6 000 in C, +3 000 in D).</summary>
        public int HighMv;

        /// <summary>Low plateau, millivolts (nominal −12 000 while the EV diode is present).</summary>
        public int LowMv;

        /// <summary>Monotonic time at which the measurement ended, milliseconds since boot.</summary>
        public long TakenAtMs;

        /// <summary>Creates a sample.</summary>
        public PilotSample(int highMv, int lowMv, long takenAtMs)
        {
            HighMv = highMv;
            LowMv = lowMv;
            TakenAtMs = takenAtMs;
        }
    }
}
