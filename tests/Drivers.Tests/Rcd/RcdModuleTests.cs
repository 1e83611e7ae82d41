using Wallbox.Drivers.Rcd;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Rcd;

public sealed class RcdModuleTests
{
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();
    private readonly RcdModule _rcd;

    public RcdModuleTests()
    {
        _rcd = new RcdModule(_hw.RcdFault, _hw.RcdTest);
    }

    [Fact]
    public void A_healthy_module_passes_its_self_test_and_TEST_is_released()
    {
        _rcd.StartSelfTest(_hw.Clock.NowMs);
        Assert.True(_hw.RcdTest.IsOn);

        Run(200);

        Assert.Equal(RcdSelfTestResult.Passed, _rcd.LastSelfTest);
        Assert.False(_hw.RcdTest.IsOn);
        Assert.False(_rcd.IsTripped);
    }

    [Fact]
    public void A_module_that_ignores_TEST_fails_after_the_response_timeout()
    {
        _hw.Rcd.SelfTestBroken = true;
        _rcd.StartSelfTest(_hw.Clock.NowMs);
        Run(RcdModule.TestResponseTimeoutMs - 10);
        Assert.Equal(RcdSelfTestResult.Running, _rcd.LastSelfTest);

        Run(20);

        Assert.Equal(RcdSelfTestResult.FailedNoTrip, _rcd.LastSelfTest);
        Assert.False(_hw.RcdTest.IsOn);
    }

    [Fact]
    public void A_module_stuck_tripped_cannot_be_tested()
    {
        _hw.Rcd.StuckTripped = true;
        Run(10);

        _rcd.StartSelfTest(_hw.Clock.NowMs);

        Assert.Equal(RcdSelfTestResult.FailedStuck, _rcd.LastSelfTest);
        Assert.True(_rcd.IsTripped);
    }

    [Fact]
    public void The_test_current_is_not_reported_as_a_trip()
    {
        _rcd.StartSelfTest(_hw.Clock.NowMs);
        for (int i = 0; i < 20; i++)
        {
            Run(10);
            Assert.False(_rcd.IsTripped);
        }
    }

    [Fact]
    public void A_leakage_trip_is_reported_in_the_tick_that_reads_it()
    {
        _hw.Rcd.DcLeakageMa = 300;
        int ticks = 0;
        while (!_hw.RcdFault.IsActive)
        {
            Run(10);
            ticks++;
        }

        Assert.True(_rcd.IsTripped);
        Assert.InRange(ticks * 10, 1, 100);
    }

    private void Run(int ms)
    {
        for (int i = 0; i < ms / 10; i++)
        {
            _hw.Advance(10_000);
            _rcd.Tick(_hw.Clock.NowMs);
        }
    }
}
