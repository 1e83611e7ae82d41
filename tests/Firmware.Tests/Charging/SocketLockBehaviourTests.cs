using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>Type 2 socket lock: locked before energising, released after, failures reported (CPH-20, CPH-22).</summary>
public sealed class SocketLockBehaviourTests
{
    [Fact]
    public void The_plug_is_locked_before_energising_and_released_only_after_the_contacts_opened()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        Assert.True(bench.Hardware.SocketLock.IsLocked);
        Assert.True(bench.Hardware.LockDrive.LastChangeUs < bench.Hardware.ContactorCoil.LastChangeUs, "the lock motor stopped on 'locked' before the coil was energised");

        bench.Charging.Stop(StopReason.Local, bench.NowMs);
        Assert.True(bench.RunUntil(() => bench.Hardware.SocketLock.IsUnlocked, 10_000));

        Assert.True(bench.Hardware.UnlockDrive.LastChangeUs > bench.Hardware.Contactor.ContactsChangedUs, "unlock only after the contacts opened");
    }

    [Fact]
    public void A_jammed_lock_refuses_charging_with_ConnectorLockFailure()
    {
        var bench = new ChargingBench();
        bench.Hardware.SocketLock.Jammed = true;
        bench.Hardware.PlugInEv();
        bench.Run(100);
        bench.Authorize();
        bench.Run(5000);

        Assert.True(bench.Charging.Faults.Contains(ChargingFault.ConnectorLockFailure));
        Assert.Equal("ConnectorLockFailure", FaultCatalog.Get(ChargingFault.ConnectorLockFailure).OcppErrorCode);
        Assert.False(bench.Hardware.ContactorCoil.IsOn);
        Assert.Equal(0, bench.Charging.OfferedCurrentMa);
    }

    [Fact]
    public void Losing_the_locked_position_while_charging_opens_within_100ms()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.LockFeedback.StuckAt = false);

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.ConnectorLockFailure));
    }

    [Fact]
    public void CPH_22_a_failed_unlock_is_retried_when_the_session_is_ended_again()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Hardware.SocketLock.Jammed = true;
        bench.Charging.Stop(StopReason.Local, bench.NowMs);
        bench.Run(10_000);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.ConnectorLockFailure));
        Assert.True(bench.Hardware.SocketLock.IsLocked);

        bench.Hardware.SocketLock.Jammed = false;
        bench.Charging.Stop(StopReason.Local, bench.NowMs);
        bench.Run(2000);

        Assert.True(bench.Hardware.SocketLock.IsUnlocked);
        Assert.False(bench.Charging.Faults.Contains(ChargingFault.ConnectorLockFailure));
    }

    [Fact]
    public void A_tethered_wallbox_charges_without_lock_or_PP()
    {
        var bench = new ChargingBench(settings: new ChargingSettings { HasSocket = false, TetheredCableRatingA = 20 });
        bench.Hardware.Ev.PlugIn();
        bench.Run(100);
        bench.Authorize();

        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 3000));
        Assert.Equal(0, bench.Hardware.LockDrive.ChangeCount);
        Assert.Equal(20000 / 60 * 60, bench.Charging.OfferedCurrentMa); // the fixed cable's 20 A
    }
}
