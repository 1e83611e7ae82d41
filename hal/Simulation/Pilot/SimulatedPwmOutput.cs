using System;

namespace Wallbox.Hal.Simulation;

/// <summary>The pilot PWM generator: records the commanded duty cycle and when it changed.</summary>
public sealed class SimulatedPwmOutput : IPwmOutput
{
    private readonly IMonotonicClock _clock;

    /// <summary>Creates a generator at <paramref name="frequencyHz"/>, starting at 0 % (steady low).</summary>
    public SimulatedPwmOutput(IMonotonicClock clock, int frequencyHz)
    {
        _clock = clock;
        FrequencyHz = frequencyHz;
    }

    /// <inheritdoc />
    public int FrequencyHz { get; }

    /// <inheritdoc />
    public int DutyPermille { get; private set; }

    /// <summary>Virtual time of the last duty change, microseconds.</summary>
    public long LastChangeUs { get; private set; }

    /// <inheritdoc />
    public void SetDutyPermille(int dutyPermille)
    {
        int clamped = Math.Clamp(dutyPermille, PwmDuty.ZeroDutyPermille, PwmDuty.FullDutyPermille);
        if (clamped == DutyPermille)
        {
            return;
        }

        DutyPermille = clamped;
        LastChangeUs = _clock.NowUs;
    }
}
