namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// Maximum charging current for the rating of the upstream circuit breaker, CPH-33 (Annex B of the
    /// ChargePoint guide; the same table for one and three phases). The table is used as given, not the
    /// "80 % of the breaker" rule of CPH-32, which it contradicts for 32 A (25 A = 78 %): X-03 says never round up.
    /// </summary>
    public static class BreakerTable
    {
        private static readonly int[] BreakerRatingsA = new int[] { 20, 25, 32, 40 };
        private static readonly int[] ChargingCurrentsA = new int[] { 16, 20, 25, 32 };

        /// <summary>True when <paramref name="breakerA"/> is a rating the table covers.</summary>
        public static bool IsKnown(int breakerA)
        {
            return IndexOf(breakerA) >= 0;
        }

        /// <summary>Charging current for a breaker rating, milliamperes; 0 for a rating not in the table.</summary>
        public static int ChargingCurrentMa(int breakerA)
        {
            int index = IndexOf(breakerA);
            return index < 0 ? 0 : ChargingCurrentsA[index] * 1000;
        }

        /// <summary>The breaker ratings the table covers, amperes (for configuration pages and messages).</summary>
        public static int[] KnownRatingsA()
        {
            int[] copy = new int[BreakerRatingsA.Length];
            System.Array.Copy(BreakerRatingsA, copy, copy.Length);
            return copy;
        }

        private static int IndexOf(int breakerA)
        {
            for (int i = 0; i < BreakerRatingsA.Length; i++)
            {
                if (BreakerRatingsA[i] == breakerA)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
