namespace Wallbox.Firmware.Charging.Indication
{
    /// <summary>A colour shown with a pattern.</summary>
    public struct Indication
    {
        /// <summary>Creates an indication.</summary>
        public Indication(IndicatorColor color, IndicatorPattern pattern)
        {
            Color = color;
            Pattern = pattern;
        }

        /// <summary>The colour.</summary>
        public IndicatorColor Color;

        /// <summary>The pattern.</summary>
        public IndicatorPattern Pattern;
    }
}
