namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedSocketLockTests
{
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();

    [Fact]
    public void Locks_after_being_driven_for_its_travel_time_and_unlocks_the_same_way()
    {
        _hw.LockDrive.Set(true);
        Step(_hw.SocketLock.TravelTimeMs - 10);
        Assert.False(_hw.LockFeedback.IsActive);
        Step(10);
        Assert.True(_hw.LockFeedback.IsActive);

        _hw.LockDrive.Set(false);
        _hw.UnlockDrive.Set(true);
        Step(_hw.SocketLock.TravelTimeMs);

        Assert.True(_hw.SocketLock.IsUnlocked);
        Assert.False(_hw.LockFeedback.IsActive);
    }

    [Fact]
    public void A_jammed_pin_never_reports_locked()
    {
        _hw.SocketLock.Jammed = true;
        _hw.LockDrive.Set(true);
        Step(1000);

        Assert.False(_hw.LockFeedback.IsActive);
    }

    private void Step(int ms)
    {
        for (int i = 0; i < ms / 10; i++)
        {
            _hw.Advance(10_000);
        }
    }
}
