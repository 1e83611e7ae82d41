using System;

namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedWallClockTests
{
    [Fact]
    public void Starts_invalid_at_the_epoch_and_runs_with_monotonic_time_once_set()
    {
        var clock = new VirtualClock();
        var wall = new SimulatedWallClock(clock);
        Assert.False(wall.IsValid);
        Assert.Equal(DateTime.UnixEpoch, wall.UtcNow);

        wall.SetUtc(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc));
        clock.AdvanceMs(90_500);

        Assert.True(wall.IsValid);
        Assert.Equal(new DateTime(2026, 11, 22, 8, 1, 30, 500, DateTimeKind.Utc), wall.UtcNow);
    }

    [Fact]
    public void Setting_the_wall_clock_never_moves_monotonic_time()
    {
        var clock = new VirtualClock();
        var wall = new SimulatedWallClock(clock);
        clock.AdvanceMs(5);

        wall.SetUtc(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(5, clock.NowMs);
    }
}
