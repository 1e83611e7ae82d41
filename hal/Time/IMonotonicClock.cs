namespace Wallbox.Hal
{
    /// <summary>
    /// Time since boot. It never goes backwards and never jumps when the wall clock is set, so every
    /// timeout and deadline in the firmware is computed from it by subtraction (<c>now - start >= timeoutMs</c>).
    /// </summary>
    /// <remarks>
    /// ESP32: esp_timer (HighResTimer.GetCurrent), microseconds since boot, 64 bits (no wrap in practice).
    /// Simulation: virtual time that moves only when the test or the board advances it.
    /// </remarks>
    public interface IMonotonicClock
    {
        /// <summary>Milliseconds since boot.</summary>
        long NowMs { get; }

        /// <summary>
        /// Microseconds since boot, on the same time base: <see cref="NowMs"/> equals <c>NowUs / 1000</c>.
        /// Used to measure how long a component's tick took.
        /// </summary>
        long NowUs { get; }
    }
}
