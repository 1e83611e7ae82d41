namespace Wallbox.Hal
{
    /// <summary>Duty-cycle limits of <see cref="IPwmOutput"/>, in tenths of a percent.</summary>
    public static class PwmDuty
    {
        /// <summary>100.0 %: output constantly high.</summary>
        public const int FullDutyPermille = 1000;

        /// <summary>0.0 %: output constantly low.</summary>
        public const int ZeroDutyPermille = 0;
    }
}
