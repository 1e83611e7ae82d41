namespace Wallbox.Hal.Simulation.Tests;

/// <summary>RDC-DD module behaviour (IEC 62955 limits: 6 mA DC ≤ 10 s, 60 mA ≤ 0.3 s, 200 mA ≤ 0.1 s).</summary>
public sealed class SimulatedRcdTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedDigitalOutput _test;
    private readonly SimulatedDigitalInput _fault = new SimulatedDigitalInput("fault");
    private readonly SimulatedRcd _rcd;

    public SimulatedRcdTests()
    {
        _test = new SimulatedDigitalOutput(_clock, "test");
        _rcd = new SimulatedRcd(_test, _fault);
    }

    [Theory]
    [InlineData(6, 10_000)]
    [InlineData(60, 300)]
    [InlineData(200, 100)]
    public void Trips_within_the_IEC_62955_limit_for_a_DC_residual_current(int leakageMa, int limitMs)
    {
        _rcd.DcLeakageMa = leakageMa;
        int elapsed = RunUntilTripped(limitMs + 1);

        Assert.True(_fault.IsActive, "not tripped within " + limitMs + " ms at " + leakageMa + " mA");
        Assert.InRange(elapsed, 1, limitMs);
        Assert.Equal(1, _rcd.LeakageTripCount);
    }

    [Fact]
    public void Does_not_trip_below_6_mA()
    {
        _rcd.DcLeakageMa = 5;
        RunUntilTripped(60_000);

        Assert.False(_fault.IsActive);
    }

    [Fact]
    public void A_healthy_module_answers_its_TEST_input_and_clears_after_release()
    {
        _test.Set(true);
        int elapsed = RunUntilTripped(1000);
        Assert.Equal(_rcd.TestResponseMs, elapsed);

        _test.Set(false);
        Run(_rcd.ResetDelayMs + 1);

        Assert.False(_fault.IsActive);
        Assert.Equal(0, _rcd.LeakageTripCount);
    }

    [Fact]
    public void A_broken_module_ignores_TEST()
    {
        _rcd.SelfTestBroken = true;
        _test.Set(true);
        RunUntilTripped(1000);

        Assert.False(_fault.IsActive);
    }

    [Fact]
    public void Stays_tripped_while_the_leakage_persists()
    {
        _rcd.DcLeakageMa = 30;
        RunUntilTripped(10_000);
        Run(5000);

        Assert.True(_fault.IsActive);
    }

    private int RunUntilTripped(int maxMs)
    {
        for (int ms = 1; ms <= maxMs; ms++)
        {
            _clock.AdvanceMs(1);
            _rcd.Advance(_clock.NowUs);
            if (_fault.IsActive)
            {
                return ms;
            }
        }

        return -1;
    }

    private void Run(int ms)
    {
        for (int i = 0; i < ms; i++)
        {
            _clock.AdvanceMs(1);
            _rcd.Advance(_clock.NowUs);
        }
    }
}
