namespace Wallbox.Hal.Simulation;

/// <summary>
/// A 6 mA DC residual-current detecting module (RDC-DD, IEC 62955) with a fault output and a TEST input.
/// </summary>
/// <remarks>
/// Trip times are typical module values, inside the IEC 62955 maxima (6 mA DC ≤ 10 s, 60 mA ≤ 0.3 s,
/// 200 mA ≤ 0.1 s). Driving TEST injects a test current: a healthy module asserts its fault output within
/// <see cref="TestResponseMs"/> and clears it once TEST is released and no leakage remains.
/// </remarks>
public sealed class SimulatedRcd : ISimulatedDevice
{
    /// <summary>Smallest DC residual current that trips, milliamperes (IEC 62955: 6 mA).</summary>
    public const int TripThresholdMa = 6;

    private readonly SimulatedDigitalOutput _test;
    private readonly SimulatedDigitalInput _fault;
    private long _leakSinceUs = -1;
    private long _clearSinceUs = -1;

    /// <summary>Creates a healthy module with no leakage.</summary>
    public SimulatedRcd(SimulatedDigitalOutput test, SimulatedDigitalInput fault)
    {
        _test = test;
        _fault = fault;
    }

    /// <summary>DC residual current flowing through the module, milliamperes (set by a test or an EV fault).</summary>
    public int DcLeakageMa { get; set; }

    /// <summary>Time from TEST asserted to fault output asserted, milliseconds.</summary>
    public int TestResponseMs { get; set; } = 30;

    /// <summary>Time without leakage (and TEST released) before the fault output clears, milliseconds.</summary>
    public int ResetDelayMs { get; set; } = 50;

    /// <summary>Fault: the module ignores TEST (broken measuring coil), so its self-test fails.</summary>
    public bool SelfTestBroken { get; set; }

    /// <summary>Fault: the fault output is stuck asserted.</summary>
    public bool StuckTripped { get; set; }

    /// <summary>Module powered; false during a power cut.</summary>
    public bool Powered { get; set; } = true;

    /// <summary>True while the fault output is asserted.</summary>
    public bool IsTripped { get; private set; }

    /// <summary>Times the module tripped on leakage (not on TEST) since construction.</summary>
    public int LeakageTripCount { get; private set; }

    /// <summary>Typical trip time for a DC residual current, milliseconds; -1 below the threshold.</summary>
    public static int TripTimeMs(int leakageMa)
    {
        if (leakageMa >= 200)
        {
            return 40;
        }

        if (leakageMa >= 60)
        {
            return 150;
        }

        if (leakageMa >= TripThresholdMa)
        {
            return 1500;
        }

        return -1;
    }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        if (!Powered)
        {
            IsTripped = false;
            _leakSinceUs = -1;
            _clearSinceUs = -1;
            _fault.Drive(false);
            return;
        }

        int tripMs = TripTimeMs(DcLeakageMa);
        bool leaking = tripMs >= 0;
        bool testing = _test.IsOn && !SelfTestBroken;
        if (leaking && _leakSinceUs < 0)
        {
            _leakSinceUs = nowUs;
        }
        else if (!leaking)
        {
            _leakSinceUs = -1;
        }

        if (!IsTripped)
        {
            if (leaking && nowUs - _leakSinceUs >= tripMs * 1000L)
            {
                IsTripped = true;
                LeakageTripCount++;
            }
            else if (testing && nowUs - _test.LastChangeUs >= TestResponseMs * 1000L)
            {
                IsTripped = true;
            }
        }
        else if (leaking || testing)
        {
            _clearSinceUs = -1;
        }
        else
        {
            if (_clearSinceUs < 0)
            {
                _clearSinceUs = nowUs;
            }

            if (nowUs - _clearSinceUs >= ResetDelayMs * 1000L)
            {
                IsTripped = false;
                _clearSinceUs = -1;
            }
        }

        _fault.Drive(IsTripped || StuckTripped);
    }
}
