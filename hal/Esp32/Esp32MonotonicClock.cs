using nanoFramework.Hardware.Esp32;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Monotonic time from the ESP-IDF high-resolution timer (esp_timer), read through
    /// <c>nanoFramework.Hardware.Esp32.HighResTimer.GetCurrent()</c>: microseconds since boot as a 64-bit
    /// counter, so it does not wrap in the life of the product and never jumps when the wall clock is set.
    /// </summary>
    /// <remarks>
    /// Both properties read the counter once, so <see cref="NowMs"/> is always <c>NowUs / 1000</c> of the same
    /// time base (the contract of <see cref="IMonotonicClock"/>). Safe to call from any thread; allocates nothing.
    /// </remarks>
    public sealed class Esp32MonotonicClock : IMonotonicClock
    {
        private const long MicrosecondsPerMillisecond = 1000;

        /// <inheritdoc />
        public long NowMs
        {
            get { return ReadMicroseconds() / MicrosecondsPerMillisecond; }
        }

        /// <inheritdoc />
        public long NowUs
        {
            get { return ReadMicroseconds(); }
        }

        /// <summary>
        /// Current esp_timer value in microseconds. Also used by other Esp32 classes that need a timestamp
        /// on a thread that has no clock injected (event handlers, workers).
        /// </summary>
        public static long ReadMicroseconds()
        {
            // esp_timer counts from 0 at boot; 2^63 µs is ~292 000 years, so the cast cannot go negative.
            return (long)HighResTimer.GetCurrent();
        }
    }
}
