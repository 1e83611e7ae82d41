namespace Wallbox.Hal.Simulation;

/// <summary>
/// The locking actuator of a Type 2 socket: a motor driven in the lock or unlock direction and a switch that
/// reports "locked". The pin moves only while driven and only if nothing jams it.
/// </summary>
public sealed class SimulatedSocketLock : ISimulatedDevice
{
    private readonly SimulatedDigitalOutput _lockDrive;
    private readonly SimulatedDigitalOutput _unlockDrive;
    private readonly SimulatedDigitalInput _lockedFeedback;
    private long _lastUs;
    private bool _started;
    private long _travelUs;

    /// <summary>Creates an unlocked actuator.</summary>
    public SimulatedSocketLock(SimulatedDigitalOutput lockDrive, SimulatedDigitalOutput unlockDrive, SimulatedDigitalInput lockedFeedback)
    {
        _lockDrive = lockDrive;
        _unlockDrive = unlockDrive;
        _lockedFeedback = lockedFeedback;
    }

    /// <summary>Full travel time of the pin while driven, milliseconds.</summary>
    public int TravelTimeMs { get; set; } = 200;

    /// <summary>Fault: the pin cannot move (plug not fully inserted, mechanism jammed).</summary>
    public bool Jammed { get; set; }

    /// <summary>Actuator powered; false during a power cut.</summary>
    public bool Powered { get; set; } = true;

    /// <summary>True when the pin is fully out (locked).</summary>
    public bool IsLocked => _travelUs >= TravelTimeMs * 1000L;

    /// <summary>True when the pin is fully retracted.</summary>
    public bool IsUnlocked => _travelUs <= 0;

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        long dtUs = _started ? nowUs - _lastUs : 0;
        _started = true;
        _lastUs = nowUs;
        bool lockDriven = _lockDrive.IsOn && !_unlockDrive.IsOn;
        bool unlockDriven = _unlockDrive.IsOn && !_lockDrive.IsOn;
        if (Powered && !Jammed)
        {
            long fullUs = TravelTimeMs * 1000L;
            if (lockDriven)
            {
                _travelUs = System.Math.Min(fullUs, _travelUs + dtUs);
            }
            else if (unlockDriven)
            {
                _travelUs = System.Math.Max(0, _travelUs - dtUs);
            }
        }

        _lockedFeedback.Drive(IsLocked);
    }
}
