namespace Wallbox.Hal
{
    /// <summary>
    /// Resets the board when the main loop stops making progress. The loop feeds it once per complete pass,
    /// so a component stuck in a tick (or a deadlocked runtime) ends in a reset, and the power-up self-test
    /// then brings the charge point back to a safe state.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>Arms the watchdog; the board resets when <see cref="Feed"/> is not called for <paramref name="timeoutMs"/>.</summary>
        void Start(int timeoutMs);

        /// <summary>Restarts the timeout.</summary>
        void Feed();
    }
}
