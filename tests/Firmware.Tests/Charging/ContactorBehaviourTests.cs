using Wallbox.Boards.Virtual;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>Welded-contact detection (CPH-82, CPH-75) and contactor supervision.</summary>
public sealed class ContactorBehaviourTests
{
    [Fact]
    public void CPH_82_a_weld_found_at_session_end_blocks_every_session_and_survives_reboot()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Hardware.Contactor.IsWelded = true;

        bench.Hardware.UnplugEv();
        bench.Run(1000);

        Assert.True(bench.Charging.Faults.Contains(ChargingFault.WeldedContactor));
        Assert.Equal(ChargingState.Faulted, bench.Charging.State);
        Assert.Equal("PowerSwitchFailure", FaultCatalog.Get(ChargingFault.WeldedContactor).OcppErrorCode);
        bench.Hardware.PlugInEv();
        bench.Run(100);
        Assert.False(bench.Charging.Authorize(bench.NowMs));

        // A repaired contactor does not clear it, nor does a reboot: only service does (CPH-82).
        bench.Hardware.Contactor.IsWelded = false;
        bench.Hardware.ContactorCoil.Set(true);
        bench.Hardware.ContactorCoil.Set(false);
        bench.Run(1000);
        bench.Hardware.ResetController.Restart();
        bench.Run(3000);

        Assert.Equal(2, bench.Wallbox.BootCount);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.WeldedContactor));
        Assert.False(bench.Charging.Authorize(bench.NowMs));
        bench.Run(10_000);
        Assert.False(bench.Hardware.ContactorCoil.IsOn);
    }

    [Fact]
    public void A_weld_present_at_power_up_is_found_by_the_self_test()
    {
        var wallbox = new VirtualWallbox();
        wallbox.Hardware.ContactorFeedback.StuckAt = true;
        wallbox.RunForMs(2000);

        Assert.True(wallbox.Firmware.Charging.SelfTest.WeldDetected);
        Assert.True(wallbox.Firmware.Charging.Faults.Contains(ChargingFault.WeldedContactor));
        Assert.Equal(ChargingState.Faulted, wallbox.Firmware.Charging.State);
    }

    [Fact]
    public void A_contactor_that_does_not_close_is_released_and_reported()
    {
        var bench = new ChargingBench();
        bench.Hardware.Contactor.CoilOpenCircuit = true;
        bench.Hardware.PlugInEv();
        bench.Run(100);
        bench.Authorize();
        bench.Run(3000);

        Assert.True(bench.Charging.Faults.Contains(ChargingFault.ContactorFailedToClose));
        Assert.False(bench.Hardware.ContactorCoil.IsOn);

        bench.Hardware.Contactor.CoilOpenCircuit = false;
        bench.Hardware.UnplugEv();
        bench.Run(100);
        Assert.False(bench.Charging.Faults.Contains(ChargingFault.ContactorFailedToClose));
    }

    [Fact]
    public void A_maintenance_clear_after_repair_lets_sessions_start_again_but_a_remaining_weld_is_found_again()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Hardware.Contactor.IsWelded = true;
        bench.Hardware.UnplugEv();
        bench.Run(1000);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.WeldedContactor));

        bench.Charging.ClearLatchedFaults();
        bench.Run(100);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.WeldedContactor), "still welded: found again");

        bench.Hardware.ContactorFeedback.StuckAt = false; // contactor replaced
        bench.Hardware.Contactor.IsWelded = false;
        bench.Charging.ClearLatchedFaults();
        bench.Run(100);

        Assert.False(bench.Charging.Faults.Contains(ChargingFault.WeldedContactor));
        bench.Hardware.ContactorFeedback.StuckAt = null;
        bench.StartCharging();
    }
}
