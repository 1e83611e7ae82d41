using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;
using Wallbox.Firmware.Charging.Protection;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>6 mA DC RCD module (RDC-DD, IEC 62955) reactions and recovery, CPH-61/62/64/85.</summary>
public sealed class RcdBehaviourTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RCD_trip_releases_the_coil_in_the_tick_that_reads_it(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();

        bench.Hardware.Rcd.DcLeakageMa = 60;
        Assert.True(bench.RunUntil(() => bench.Hardware.RcdFault.IsActive, 1000));

        // The fault output rose during the last hardware step; the firmware pass right after it read it.
        Assert.False(bench.Hardware.ContactorCoil.IsOn);
        Assert.Equal(bench.Hardware.Clock.NowUs, bench.Hardware.ContactorCoil.LastChangeUs);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.ResidualCurrent));
        Assert.Equal("GroundFailure", FaultCatalog.Get(ChargingFault.ResidualCurrent).OcppErrorCode);
    }

    [Fact]
    public void CPH_85_a_6_mA_leakage_that_stops_before_the_module_trips_does_not_stop_charging()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        bench.Hardware.Rcd.DcLeakageMa = 6;
        bench.Run(1000);
        bench.Hardware.Rcd.DcLeakageMa = 0;
        bench.Run(5000);

        Assert.True(bench.Hardware.Contactor.ContactsClosed);
        Assert.True(bench.Charging.Faults.IsEmpty);
    }

    [Fact]
    public void CPH_62_after_a_first_trip_charging_resumes_10_s_later_after_a_new_self_test()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        int testsBefore = bench.Hardware.RcdTest.ChangeCount;
        bench.Hardware.Rcd.DcLeakageMa = 300;
        Assert.True(bench.RunUntil(() => bench.Hardware.RcdFault.IsActive, 1000));
        bench.Hardware.Rcd.DcLeakageMa = 0;
        Assert.True(bench.RunUntil(() => !bench.Hardware.RcdFault.IsActive, 1000));
        long quietAtMs = bench.NowMs;
        Assert.Equal(ChargingState.SuspendedEvse, bench.Charging.State);

        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 20_000));

        Assert.InRange(bench.NowMs - quietAtMs, RcdProtection.RecoveryDelayMs, RcdProtection.RecoveryDelayMs + 3000);
        Assert.True(bench.Hardware.RcdTest.ChangeCount > testsBefore, "a self-test ran before re-energising");
        Assert.True(bench.Charging.Faults.IsEmpty);
    }

    [Fact]
    public void CPH_64_a_second_trip_in_the_session_latches_until_the_EV_is_unplugged()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        for (int trip = 0; trip < 2; trip++)
        {
            Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 20_000));
            bench.Hardware.Rcd.DcLeakageMa = 300;
            Assert.True(bench.RunUntil(() => bench.Hardware.RcdFault.IsActive, 1000));
            bench.Hardware.Rcd.DcLeakageMa = 0;
            Assert.True(bench.RunUntil(() => !bench.Hardware.Contactor.ContactsClosed && !bench.Hardware.RcdFault.IsActive, 1000));
        }

        bench.Run(60_000);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.ResidualCurrentRepeated));
        Assert.False(bench.Hardware.Contactor.ContactsClosed);
        Assert.Equal(ChargingState.Faulted, bench.Charging.State);

        bench.Hardware.UnplugEv();
        bench.Run(100);

        Assert.True(bench.Charging.Faults.IsEmpty);
        Assert.Equal(ChargingState.Available, bench.Charging.State);
    }

    [Fact]
    public void CPH_61_a_module_that_fails_its_power_up_self_test_blocks_charging_and_is_retried()
    {
        var wallbox = new Wallbox.Boards.Virtual.VirtualWallbox();
        wallbox.Hardware.Rcd.SelfTestBroken = true;
        wallbox.RunForMs(2000);
        var charging = wallbox.Firmware.Charging;
        Assert.True(charging.Faults.Contains(ChargingFault.RcdSelfTestFailed));
        Assert.Equal(ChargingState.Faulted, charging.State);
        wallbox.Hardware.PlugInEv();
        charging.Authorize(wallbox.NowMs);
        wallbox.RunForMs(5000);
        Assert.False(wallbox.Hardware.ContactorCoil.IsOn);

        wallbox.Hardware.Rcd.SelfTestBroken = false;
        wallbox.RunForMs(ChargingController.RcdSelfTestRetryIntervalMs + 1000);

        Assert.False(charging.Faults.Contains(ChargingFault.RcdSelfTestFailed));
        Assert.True(wallbox.RunUntil(() => wallbox.Hardware.Contactor.ContactsClosed, 5000));
    }

    [Fact]
    public void The_RCD_is_self_tested_before_each_session()
    {
        var bench = new ChargingBench();
        for (int session = 0; session < 3; session++)
        {
            int before = bench.Hardware.RcdTest.ChangeCount;
            bench.StartCharging();
            Assert.Equal(before + 2, bench.Hardware.RcdTest.ChangeCount); // TEST asserted and released once
            bench.Hardware.UnplugEv();
            bench.Run(2000);
        }
    }
}
