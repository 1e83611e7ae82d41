using Wallbox.Hal;

namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// The RTU silences of MODBUS over Serial Line V1.02 §2.5.1.1 "MODBUS Message RTU Framing": frames are separated
    /// by at least 3.5 character times (t3.5), and a silence of more than 1.5 character times inside a frame (t1.5)
    /// makes it incomplete. Above 19200 baud the specification fixes them at 1750 µs and 750 µs, because the
    /// computed values would be too short for UARTs and interrupt latencies to honour.
    /// </summary>
    /// <remarks>
    /// A character is what the line actually carries: start + data + parity + stop bits. RTU asks for 11 bits
    /// (8E1, or 8N2 without parity, §2.5.1), but meters are often configured 8N1 (10 bits), and the silences are
    /// defined in characters of the configured format. Results are rounded up, so the master never waits too little.
    /// </remarks>
    public static class ModbusRtuTiming
    {
        /// <summary>Above this rate the fixed silences apply (§2.5.1.1: "baud rates greater than 19200 Bps").</summary>
        private const int FixedTimingAboveBaud = 19200;

        /// <summary>Inter-frame delay (t3.5) above 19200 baud, microseconds (§2.5.1.1).</summary>
        private const int FixedInterFrameDelayUs = 1750;

        /// <summary>Inter-character time-out (t1.5) above 19200 baud, microseconds (§2.5.1.1).</summary>
        private const int FixedInterCharacterTimeoutUs = 750;

        private const long MicrosecondsPerSecond = 1000000L;

        /// <summary>Time one character occupies the line, microseconds (rounded up); 0 for an unset baud rate.</summary>
        public static int CharacterTimeUs(SerialSettings settings)
        {
            return HalvesOfCharacters(settings, 2);
        }

        /// <summary>Minimum silence between two frames, t3.5, microseconds.</summary>
        public static int InterFrameDelayUs(SerialSettings settings)
        {
            return settings.BaudRate > FixedTimingAboveBaud ? FixedInterFrameDelayUs : HalvesOfCharacters(settings, 7);
        }

        /// <summary>Longest silence between two characters of one frame, t1.5, microseconds.</summary>
        public static int InterCharacterTimeoutUs(SerialSettings settings)
        {
            return settings.BaudRate > FixedTimingAboveBaud ? FixedInterCharacterTimeoutUs : HalvesOfCharacters(settings, 3);
        }

        /// <summary><paramref name="halves"/>/2 character times in microseconds, rounded up, in integers (no float on the hot path).</summary>
        private static int HalvesOfCharacters(SerialSettings settings, int halves)
        {
            if (settings.BaudRate <= 0)
            {
                return 0;
            }

            long numerator = halves * settings.BitsPerCharacter * MicrosecondsPerSecond;
            long denominator = 2L * settings.BaudRate;
            return (int)((numerator + denominator - 1) / denominator);
        }
    }
}
