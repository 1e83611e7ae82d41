using System;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;
using Wallbox.Firmware.Charging.Protection;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>Over-current protection on the virtual wallbox, CPH-80/CPH-72.</summary>
public sealed class OverCurrentBehaviourTests
{
    [Fact]
    public void CPH_80_an_EV_drawing_1_25_times_the_offer_is_stopped_within_10_s()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Charging.Limits.Set(CurrentLimitSource.User, 16000);
        bench.Run(IecTimings.EvCurrentAdaptationMs);

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.Ev.ForcedCurrentMa = 20000, 15_000);

        Assert.InRange(openedMs, OverCurrentProtection.TripDelayMs - 100, 10_000);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.OverCurrent));
        Assert.Equal("OverCurrentFailure", FaultCatalog.Get(ChargingFault.OverCurrent).OcppErrorCode);
    }

    [Fact]
    public void CPH_80_an_EV_drawing_just_below_1_25_times_the_offer_is_not_stopped()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Charging.Limits.Set(CurrentLimitSource.User, 16000);
        bench.Run(IecTimings.EvCurrentAdaptationMs);
        int offerMa = bench.Charging.OfferedCurrentMa;

        bench.Hardware.Ev.ForcedCurrentMa = offerMa * 5 / 4 - 10;
        bench.Run(60_000);

        Assert.True(bench.Hardware.Contactor.ContactsClosed);
        Assert.True(bench.Charging.Faults.IsEmpty);
    }

    [Fact]
    public void CPH_80_retries_three_times_then_locks_out_and_the_lockout_survives_a_short_power_cut()
    {
        var bench = new ChargingBench();
        DateTime start = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        long startMs = bench.NowMs;
        bench.Hardware.WallClock.SetUtc(start);
        bench.StartCharging();
        bench.Hardware.Ev.ForcedCurrentMa = 45000;
        int closings = 0;
        bool wasClosed = true;
        for (int i = 0; i < 100_000 && !bench.Charging.Faults.Contains(ChargingFault.OverCurrentLockout); i++)
        {
            bench.Run(10);
            bool closed = bench.Hardware.Contactor.ContactsClosed;
            if (closed && !wasClosed)
            {
                closings++;
            }

            wasClosed = closed;
        }

        Assert.Equal(OverCurrentProtection.MaxRetries, closings);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.OverCurrentLockout));
        bench.Run(1000);
        Assert.False(bench.Hardware.ContactorCoil.IsOn);

        // A 20 s power cut is not the 1 min CPH-80 asks for.
        bench.Hardware.CutPower();
        bench.Run(20_000);
        bench.Hardware.RestorePower();
        bench.Run(2000);
        bench.Hardware.WallClock.SetUtc(start.AddMilliseconds(bench.NowMs - startMs)); // time comes back (OCPP, SNTP)
        bench.Run(1000);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.OverCurrentLockout));
    }

    [Fact]
    public void CPH_80_a_power_cycle_of_more_than_a_minute_ends_the_lockout()
    {
        var bench = new ChargingBench();
        DateTime start = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        long startMs = bench.NowMs;
        bench.Hardware.WallClock.SetUtc(start);
        bench.StartCharging();
        bench.Hardware.Ev.ForcedCurrentMa = 45000;
        Assert.True(bench.RunUntil(() => bench.Charging.Faults.Contains(ChargingFault.OverCurrentLockout), 200_000));
        bench.Run(OverCurrentLockoutClock.AliveIntervalS * 1000 + 1000);
        bench.Hardware.Ev.ForcedCurrentMa = null;

        bench.Hardware.CutPower();
        bench.Run(90_000);
        bench.Hardware.RestorePower();
        bench.Run(2000);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.OverCurrentLockout), "without valid time the lockout holds");
        bench.Hardware.WallClock.SetUtc(start.AddMilliseconds(bench.NowMs - startMs));
        bench.Run(100);

        Assert.False(bench.Charging.Faults.Contains(ChargingFault.OverCurrentLockout));
        bench.Authorize();
        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 5000), "a new session charges");
    }
}
