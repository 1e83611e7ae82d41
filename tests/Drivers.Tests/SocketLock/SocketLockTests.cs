using Wallbox.Drivers.SocketLock;
using Wallbox.Hal.Simulation;
using LockDriver = Wallbox.Drivers.SocketLock.SocketLock;

namespace Wallbox.Drivers.Tests.SocketLock;

public sealed class SocketLockTests
{
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();
    private readonly LockDriver _lock;

    public SocketLockTests()
    {
        _lock = new LockDriver(_hw.LockDrive, _hw.UnlockDrive, _hw.LockFeedback);
    }

    [Fact]
    public void Locks_when_the_switch_confirms_and_stops_the_motor()
    {
        _lock.Lock(_hw.Clock.NowMs);
        Assert.Equal(SocketLockStatus.Locking, _lock.Status);

        Run(300);

        Assert.Equal(SocketLockStatus.Locked, _lock.Status);
        Assert.False(_hw.LockDrive.IsOn);
        Assert.True(_hw.SocketLock.IsLocked);
    }

    [Fact]
    public void Unlocks_the_same_way()
    {
        _lock.Lock(_hw.Clock.NowMs);
        Run(300);

        _lock.Unlock(_hw.Clock.NowMs);
        Run(300);

        Assert.Equal(SocketLockStatus.Unlocked, _lock.Status);
        Assert.False(_hw.UnlockDrive.IsOn);
    }

    [Fact]
    public void A_jammed_pin_fails_after_three_attempts_with_pauses()
    {
        _hw.SocketLock.Jammed = true;
        _lock.Lock(_hw.Clock.NowMs);
        int attempts = 0;
        bool wasDriving = false;
        for (int t = 0; t < 4000 && _lock.Status == SocketLockStatus.Locking; t += 10)
        {
            Run(10);
            if (_hw.LockDrive.IsOn && !wasDriving)
            {
                attempts++;
            }

            wasDriving = _hw.LockDrive.IsOn;
        }

        Assert.Equal(SocketLockStatus.LockFailed, _lock.Status);
        Assert.Equal(LockDriver.MaxAttempts, attempts);
        Assert.False(_hw.LockDrive.IsOn);
    }

    [Fact]
    public void Losing_the_locked_position_is_reported()
    {
        _lock.Lock(_hw.Clock.NowMs);
        Run(300);

        _hw.LockFeedback.StuckAt = false;
        Run(10);

        Assert.Equal(SocketLockStatus.LockLost, _lock.Status);
    }

    [Fact]
    public void The_motor_is_never_driven_both_ways()
    {
        _lock.Lock(_hw.Clock.NowMs);
        Run(50);
        _lock.Unlock(_hw.Clock.NowMs);

        Assert.False(_hw.LockDrive.IsOn && _hw.UnlockDrive.IsOn);
        Assert.True(_hw.UnlockDrive.IsOn);
    }

    private void Run(int ms)
    {
        for (int i = 0; i < ms / 10; i++)
        {
            _hw.Advance(10_000);
            _lock.Tick(_hw.Clock.NowMs);
        }
    }
}
