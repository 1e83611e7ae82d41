namespace Wallbox.Hal
{
    /// <summary>
    /// A PWM output with a fixed frequency and a duty cycle in 0.1 % steps.
    /// For the control pilot (IEC 61851-1 Annex A) the board builds it at 1 kHz; the pilot driver uses
    /// <see cref="PwmDuty.FullDutyPermille"/> for a steady +12 V (states x1) and <see cref="PwmDuty.ZeroDutyPermille"/> for a steady −12 V (state F).
    /// </summary>
    public interface IPwmOutput
    {
        /// <summary>Fixed PWM frequency, in hertz.</summary>
        int FrequencyHz { get; }

        /// <summary>Duty cycle last set, in tenths of a percent (0..1000).</summary>
        int DutyPermille { get; }

        /// <summary>Sets the duty cycle in tenths of a percent; values outside 0..1000 are clamped.</summary>
        void SetDutyPermille(int dutyPermille);
    }
}
