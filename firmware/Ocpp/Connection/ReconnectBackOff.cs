namespace Wallbox.Firmware.Ocpp.Connection
{
    /// <summary>
    /// Delay before the next connection attempt: exponential in the number of failures in a row, with jitter, so that
    /// a fleet of charge points that lost their central system at the same moment does not reconnect in lockstep.
    /// The n-th retry waits between half and all of min(<see cref="MaximumMs"/>, <see cref="MinimumMs"/> × 2^(n−1)).
    /// </summary>
    public sealed class ReconnectBackOff
    {
        /// <summary>Base delay of the first retry, milliseconds. Our choice (OCPP 1.6 sets none).</summary>
        public const int MinimumMs = 5000;

        /// <summary>Longest base delay, milliseconds: a charge point retries at least every 5 minutes.</summary>
        public const int MaximumMs = 300000;

        private readonly System.Random _random;

        /// <summary>Creates the back-off with a seed (different per charge point, e.g. from its identity, for real jitter).</summary>
        public ReconnectBackOff(int seed)
        {
            _random = new System.Random(seed);
        }

        /// <summary>The base delay after <paramref name="failures"/> (≥ 1) failed attempts in a row, milliseconds.</summary>
        public static int BaseDelayMs(int failures)
        {
            long delay = MinimumMs;
            for (int i = 1; i < failures && delay < MaximumMs; i++)
            {
                delay *= 2;
            }

            return delay > MaximumMs ? MaximumMs : (int)delay;
        }

        /// <summary>The delay to wait after <paramref name="failures"/> failed attempts in a row, milliseconds.</summary>
        public int NextDelayMs(int failures)
        {
            int baseDelay = BaseDelayMs(failures < 1 ? 1 : failures);
            int half = baseDelay / 2;
            return half + _random.Next(baseDelay - half + 1);
        }
    }
}
