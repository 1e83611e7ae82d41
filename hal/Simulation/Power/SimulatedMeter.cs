using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The physics of an energy meter on the charging circuit: per-phase voltage and current, power, and an
/// energy register integrated from the EV's draw while the contactor is closed. The Modbus RTU face of the
/// meter (register maps of real meters) sits on top of this.
/// </summary>
public sealed class SimulatedMeter : ISimulatedDevice
{
    private readonly VirtualEv _ev;
    private readonly SimulatedContactor _contactor;
    private long _lastUs;
    private bool _started;
    private double _importWh;

    /// <summary>Creates a meter measuring what <paramref name="ev"/> draws through <paramref name="contactor"/>.</summary>
    public SimulatedMeter(VirtualEv ev, SimulatedContactor contactor)
    {
        _ev = ev;
        _contactor = contactor;
    }

    /// <summary>Phase-to-neutral voltage of each phase, millivolts.</summary>
    public int PhaseVoltageMv { get; set; } = 230000;

    /// <summary>Mains frequency, millihertz.</summary>
    public int FrequencyMilliHz { get; set; } = 50000;

    /// <summary>Imported active energy, watt-hours (exact value; a real register rounds it).</summary>
    public double ImportWh => _importWh;

    /// <summary>Current of phase <paramref name="phase"/> (1..3), milliamperes.</summary>
    public int PhaseCurrentMa(int phase)
    {
        if (phase < 1 || phase > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(phase));
        }

        return _contactor.ContactsClosed && phase <= _ev.Phases ? _ev.DrawnCurrentMa : 0;
    }

    /// <summary>Total active power, watts.</summary>
    public double ActivePowerW
    {
        get
        {
            double w = 0;
            for (int phase = 1; phase <= 3; phase++)
            {
                w += PhaseVoltageMv / 1000.0 * PhaseCurrentMa(phase) / 1000.0;
            }

            return w;
        }
    }

    /// <summary>Sets the register, e.g. to start a test from a meter that has run for years.</summary>
    public void SetImportWh(double wh) => _importWh = wh;

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        long dtUs = _started ? nowUs - _lastUs : 0;
        _started = true;
        _lastUs = nowUs;
        if (dtUs > 0)
        {
            _importWh += ActivePowerW * dtUs / 3.6e9;
        }
    }
}
