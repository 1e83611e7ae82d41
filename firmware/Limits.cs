namespace Wallbox.Firmware
{
    /// <summary>
    /// Capacities and timings of the firmware in one place. Each says where it comes from:
    /// "standard" (a clause or requirement ID) or "our choice" (with the reason).
    /// </summary>
    public static class Limits
    {
        /// <summary>
        /// Period of the cooperative main loop, in milliseconds. Our choice: ten pilot samples inside the
        /// 100 ms C→B contactor deadline of IEC 61851-1 Table A.6 leave room for debouncing.
        /// </summary>
        public const int LoopPeriodMs = 10;

        /// <summary>Most components the main loop can hold. Our choice (fixed array, no growth).</summary>
        public const int MaxLoopComponents = 32;

        /// <summary>
        /// Watchdog timeout, in milliseconds. Our choice: far above a normal pass (≈ 10 ms) and above the
        /// slowest bounded tick, yet short enough that a hung loop resets before a user notices.
        /// </summary>
        public const int WatchdogTimeoutMs = 5000;

        /// <summary>Shortest time between two overrun or exception reports of one component, in milliseconds. Our choice.</summary>
        public const int TickReportIntervalMs = 60000;

        /// <summary>Tick budget of a component that does not state its own, in microseconds. Our choice.</summary>
        public const int DefaultTickBudgetUs = 2000;
    }
}
