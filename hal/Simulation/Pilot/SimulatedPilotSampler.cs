using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// Measures the simulated pilot line like the ESP32's ADC burst: the high and the low plateau of one PWM
/// period. A steady generator level gives the same value for both. Optional noise is deterministic (seeded).
/// </summary>
public sealed class SimulatedPilotSampler : IPilotSampler
{
    private readonly IMonotonicClock _clock;
    private readonly IPwmOutput _pwm;
    private readonly PilotLine _line;
    private readonly VirtualEv _ev;
    private readonly Random _noise;

    /// <summary>Creates a sampler on <paramref name="line"/>, driven by <paramref name="pwm"/>, with <paramref name="ev"/> at the other end of the cable.</summary>
    public SimulatedPilotSampler(IMonotonicClock clock, IPwmOutput pwm, PilotLine line, VirtualEv ev, int noiseSeed = 1)
    {
        _clock = clock;
        _pwm = pwm;
        _line = line;
        _ev = ev;
        _noise = new Random(noiseSeed);
    }

    /// <summary>Peak noise added to each plateau, millivolts (0 = exact).</summary>
    public int NoiseAmplitudeMv { get; set; }

    /// <summary>When true, <see cref="TryRead"/> fails (ADC error, co-processor silent).</summary>
    public bool Fails { get; set; }

    /// <summary>High plateau of the last successful read, millivolts (what the firmware saw).</summary>
    public int LastHighMv { get; private set; }

    /// <summary>Successful reads since construction.</summary>
    public long ReadCount { get; private set; }

    /// <inheritdoc />
    public bool TryRead(out PilotSample sample)
    {
        if (Fails)
        {
            sample = default;
            return false;
        }

        VirtualEv ev = _ev;
        int duty = _pwm.DutyPermille;
        int highMv;
        int lowMv;
        if (duty >= PwmDuty.FullDutyPermille)
        {
            highMv = lowMv = _line.VoltageMv(_line.GeneratorHighMv, ev);
        }
        else if (duty <= PwmDuty.ZeroDutyPermille)
        {
            highMv = lowMv = _line.VoltageMv(_line.GeneratorLowMv, ev);
        }
        else
        {
            highMv = _line.VoltageMv(_line.GeneratorHighMv, ev);
            lowMv = _line.VoltageMv(_line.GeneratorLowMv, ev);
        }

        if (NoiseAmplitudeMv > 0)
        {
            highMv += _noise.Next(-NoiseAmplitudeMv, NoiseAmplitudeMv + 1);
            lowMv += _noise.Next(-NoiseAmplitudeMv, NoiseAmplitudeMv + 1);
        }

        ReadCount++;
        LastHighMv = highMv;
        sample = new PilotSample(highMv, lowMv, _clock.NowMs);
        return true;
    }
}
