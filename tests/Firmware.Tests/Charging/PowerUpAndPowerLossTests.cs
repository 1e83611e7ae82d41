using Wallbox.Boards.Virtual;
using Wallbox.Drivers.Pilot;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>Power-up self-test (CPH-04) and power-loss recovery (CPL-85 "ZE Ready").</summary>
public sealed class PowerUpAndPowerLossTests
{
    [Fact]
    public void CPH_04_the_self_test_holds_the_pilot_at_F_and_gates_availability()
    {
        var wallbox = new VirtualWallbox();
        wallbox.Hardware.PlugInEv();
        wallbox.RunForMs(50);
        Assert.Equal(ChargingState.SelfTest, wallbox.Firmware.Charging.State);
        Assert.Equal(0, wallbox.Hardware.PilotPwm.DutyPermille);
        Assert.False(wallbox.Firmware.Charging.Authorize(wallbox.NowMs));

        Assert.True(wallbox.RunUntil(() => wallbox.Firmware.Charging.State != ChargingState.SelfTest, 2000));

        Assert.True(wallbox.Firmware.Charging.SelfTest.Passed);
        Assert.Equal(ChargingState.Preparing, wallbox.Firmware.Charging.State);
        Assert.Equal(1000, wallbox.Hardware.PilotPwm.DutyPermille);
    }

    [Fact]
    public void A_pilot_generator_that_cannot_reach_minus_12_V_fails_the_self_test()
    {
        var wallbox = new VirtualWallbox();
        wallbox.Hardware.PilotLine.GeneratorLowMv = -3000; // negative rail lost
        wallbox.RunForMs(2000);

        Assert.True(wallbox.Firmware.Charging.SelfTest.PilotGeneratorFailed);
        Assert.True(wallbox.Firmware.Charging.Faults.Contains(ChargingFault.PilotGeneratorFailure));
        Assert.Equal(ChargingState.Faulted, wallbox.Firmware.Charging.State);
    }

    [Fact]
    public void CPL_85_a_charging_session_resumes_after_a_power_cut_when_the_EV_is_still_connected()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        int session = bench.Charging.SessionNumber;
        bench.Run(1000); // the session record reaches flash

        bench.Hardware.CutPower();
        bench.Run(30_000);
        Assert.False(bench.Hardware.Contactor.ContactsClosed);
        bench.Hardware.RestorePower();

        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 5000), "charging resumed without a new authorisation");
        Assert.Equal(2, bench.Wallbox.BootCount);
        Assert.True(bench.Charging.ResumedAfterPowerLoss);
        Assert.Equal(session, bench.Charging.SessionNumber);
        Assert.True(bench.Charging.SelfTest.Passed, "only after the self-test");
    }

    [Fact]
    public void CPL_85_the_session_ends_with_PowerLoss_when_the_EV_left_during_the_cut()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Run(1000);

        bench.Hardware.CutPower();
        bench.Run(10_000);
        bench.Hardware.UnplugEv();
        bench.Hardware.RestorePower();
        bench.Run(3000);

        Assert.Equal((SessionPhase.None, StopReason.PowerLoss), (bench.Charging.Session, bench.Charging.LastStopReason));
        Assert.Equal(ChargingState.Available, bench.Charging.State);
    }

    [Fact]
    public void With_resume_disabled_the_session_ends_with_PowerLoss_and_nothing_is_energised()
    {
        var bench = new ChargingBench(settings: new ChargingSettings { ResumeAfterPowerLoss = false });
        bench.StartCharging();
        bench.Run(1000);

        bench.Hardware.CutPower();
        bench.Run(10_000);
        bench.Hardware.RestorePower();
        bench.Run(5000);

        Assert.Equal((SessionPhase.Finishing, StopReason.PowerLoss), (bench.Charging.Session, bench.Charging.LastStopReason));
        Assert.False(bench.Hardware.ContactorCoil.IsOn);
    }

    [Fact]
    public void Session_numbers_keep_counting_across_reboots()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Hardware.UnplugEv();
        bench.Run(1000);
        bench.StartCharging();
        bench.Hardware.UnplugEv();
        bench.Run(1000);
        Assert.Equal(2, bench.Charging.SessionNumber);

        bench.Hardware.ResetController.Restart();
        bench.Run(2000);
        bench.StartCharging();

        Assert.Equal(3, bench.Charging.SessionNumber);
    }

    [Fact]
    public void A_hung_flash_worker_delays_boot_by_the_storage_timeout_but_charging_still_works()
    {
        var bench = new ChargingBench(workersHung: true);
        Assert.False(bench.Charging.SelfTest.StateLoaded);
        Assert.True(bench.Wallbox.Log.Contains("persisted charging state not readable in time"));

        bench.StartCharging();

        Assert.Equal(PilotState.C, bench.Charging.PilotState);
    }
}
