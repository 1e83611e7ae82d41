namespace Wallbox.Firmware.Charging.Indication
{
    /// <summary>Colours of the status light named in CPH-05..16.</summary>
    public enum IndicatorColor
    {
        /// <summary>Dark.</summary>
        Off = 0,

        /// <summary>Green (CPH-08, CPH-09).</summary>
        Green = 1,

        /// <summary>Blue (CPH-06, CPH-07).</summary>
        Blue = 2,

        /// <summary>Light blue, "bleu clair" (CPH-05).</summary>
        LightBlue = 3,

        /// <summary>Orange (CPH-10, CPH-11).</summary>
        Orange = 4,

        /// <summary>Yellow (CPH-13).</summary>
        Yellow = 5,

        /// <summary>Red (CPH-12).</summary>
        Red = 6,

        /// <summary>White (CPH-14, CPH-15).</summary>
        White = 7,

        /// <summary>Purple, "violet" (CPH-16).</summary>
        Purple = 8,
    }
}
