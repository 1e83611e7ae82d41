using Wallbox.Hal;

namespace Wallbox.Firmware.Charging.Indication
{
    /// <summary>
    /// Drives the board's RGB status light from <see cref="StatusIndicationTable"/>: each tick it resolves the
    /// indication and renders colour and blink phase onto the three LED outputs.
    /// </summary>
    /// <remarks>
    /// With on/off channels orange and yellow both render as red + green; the table keeps them apart by pattern
    /// (orange steady or 1 Hz, yellow 1 Hz only for installation states, 4 Hz for a rejected card). Light blue is
    /// green + blue, purple red + blue, white all three.
    /// </remarks>
    public sealed class StatusLight : ITickable
    {
        /// <summary>Half period of <see cref="IndicatorPattern.Blinking"/>, milliseconds (1 Hz).</summary>
        public const int BlinkHalfPeriodMs = 500;

        /// <summary>Half period of <see cref="IndicatorPattern.FastBlinking"/>, milliseconds (4 Hz).</summary>
        public const int FastBlinkHalfPeriodMs = 125;

        private readonly ChargingController _controller;
        private readonly IndicationFlags _flags;
        private readonly IDigitalOutput _red;
        private readonly IDigitalOutput _green;
        private readonly IDigitalOutput _blue;

        /// <summary>Creates the light; any output may be null when the board lacks that channel.</summary>
        public StatusLight(ChargingController controller, IndicationFlags flags, IDigitalOutput red, IDigitalOutput green, IDigitalOutput blue)
        {
            _controller = controller;
            _flags = flags;
            _red = red;
            _green = green;
            _blue = blue;
        }

        /// <summary>What is shown now.</summary>
        public Indication Current { get; private set; }

        /// <summary>Resolves and renders.</summary>
        public void Tick(long nowMs)
        {
            Indication indication = StatusIndicationTable.Resolve(_controller.State, _controller.Session, _flags, nowMs);
            Current = indication;
            bool lit = IsLit(indication.Pattern, nowMs);
            IndicatorColor c = indication.Color;
            Set(_red, lit && (c == IndicatorColor.Red || c == IndicatorColor.Orange || c == IndicatorColor.Yellow || c == IndicatorColor.White || c == IndicatorColor.Purple));
            Set(_green, lit && (c == IndicatorColor.Green || c == IndicatorColor.LightBlue || c == IndicatorColor.Orange || c == IndicatorColor.Yellow || c == IndicatorColor.White));
            Set(_blue, lit && (c == IndicatorColor.Blue || c == IndicatorColor.LightBlue || c == IndicatorColor.White || c == IndicatorColor.Purple));
        }

        private static bool IsLit(IndicatorPattern pattern, long nowMs)
        {
            switch (pattern)
            {
                case IndicatorPattern.Blinking:
                    return nowMs / BlinkHalfPeriodMs % 2 == 0;
                case IndicatorPattern.FastBlinking:
                    return nowMs / FastBlinkHalfPeriodMs % 2 == 0;
                default:
                    return true;
            }
        }

        private static void Set(IDigitalOutput output, bool on)
        {
            if (output != null)
            {
                output.Set(on);
            }
        }
    }
}
