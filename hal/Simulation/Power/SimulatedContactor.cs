namespace Wallbox.Hal.Simulation;

/// <summary>
/// A mains contactor with an auxiliary contact. The main contacts follow the coil after the operate or
/// release time; the feedback input reports the main contacts (the board maps a real mirror contact's
/// polarity). Faults: welded contacts, a coil that does not pull in, no coil supply during a power cut.
/// </summary>
public sealed class SimulatedContactor : ISimulatedDevice
{
    private readonly SimulatedDigitalOutput _coil;
    private readonly SimulatedDigitalInput _feedback;
    private bool _lastCoilEnergised;
    private long _coilChangedUs;

    /// <summary>Creates an open contactor driven by <paramref name="coil"/> and reporting on <paramref name="feedback"/>.</summary>
    public SimulatedContactor(SimulatedDigitalOutput coil, SimulatedDigitalInput feedback)
    {
        _coil = coil;
        _feedback = feedback;
    }

    /// <summary>Coil energised to contacts closed, milliseconds (typical operate time of a 4-pole 40 A contactor).</summary>
    public int OperateTimeMs { get; set; } = 25;

    /// <summary>Coil released to contacts open, milliseconds (typical release time).</summary>
    public int ReleaseTimeMs { get; set; } = 15;

    /// <summary>Fault: the main contacts are welded and stay closed.</summary>
    public bool IsWelded { get; set; }

    /// <summary>Fault: the coil does not pull in (open coil, missing coil supply).</summary>
    public bool CoilOpenCircuit { get; set; }

    /// <summary>Mains supply for the coil; false during a power cut.</summary>
    public bool MainsPresent { get; set; } = true;

    /// <summary>Main contacts closed.</summary>
    public bool ContactsClosed { get; private set; }

    /// <summary>Virtual time the main contacts last changed, microseconds.</summary>
    public long ContactsChangedUs { get; private set; }

    /// <summary>Number of openings under way or done since construction.</summary>
    public int OpenCount { get; private set; }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        bool energised = _coil.IsOn && MainsPresent && !CoilOpenCircuit;
        if (energised != _lastCoilEnergised)
        {
            _lastCoilEnergised = energised;
            // The coil changed during the last pass; timing starts when it was commanded.
            _coilChangedUs = MainsPresent && !CoilOpenCircuit ? _coil.LastChangeUs : nowUs;
        }

        bool target = energised || IsWelded && ContactsClosed;
        if (target != ContactsClosed)
        {
            long delayUs = (target ? OperateTimeMs : ReleaseTimeMs) * 1000L;
            if (nowUs - _coilChangedUs >= delayUs)
            {
                ContactsClosed = target;
                ContactsChangedUs = _coilChangedUs + delayUs;
                if (!target)
                {
                    OpenCount++;
                }
            }
        }

        _feedback.Drive(ContactsClosed);
    }
}
