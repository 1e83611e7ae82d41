namespace Wallbox.Hal.Simulation.Tests;

public sealed class VirtualWallboxHardwareTests
{
    [Fact]
    public void A_power_cut_drops_the_contactor_and_unpowers_the_RCD_and_lock()
    {
        var hw = new VirtualWallboxHardware();
        hw.ContactorCoil.Set(true);
        hw.Advance(100_000);
        Assert.True(hw.Contactor.ContactsClosed);

        hw.CutPower();
        for (int i = 0; i < 10; i++)
        {
            hw.Advance(10_000);
        }

        Assert.False(hw.Contactor.ContactsClosed);
        Assert.False(hw.Rcd.Powered);
        Assert.False(hw.SocketLock.Powered);
        Assert.False(hw.MainsPresent);
    }

    [Fact]
    public void A_steady_idle_step_allocates_nothing()
    {
        var hw = new VirtualWallboxHardware();
        hw.Advance(10_000);

        long before = System.GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            hw.Advance(10_000);
        }

        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
