namespace Wallbox.Firmware.Charging.Indication
{
    /// <summary>How the status light shows its colour. The sources give no rates; these are our choice.</summary>
    public enum IndicatorPattern
    {
        /// <summary>Steady.</summary>
        Steady = 0,

        /// <summary>"Clignotant": 1 Hz, half on.</summary>
        Blinking = 1,

        /// <summary>Fast blinking, 4 Hz: only for a rejected card, so it stands apart from every other state.</summary>
        FastBlinking = 2,
    }
}
