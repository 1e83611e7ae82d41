using Wallbox.Hal.Simulation;

namespace Wallbox.Hal.Simulation.Tests;

/// <summary>The deterministic random source of the host.</summary>
public sealed class SimulatedRandomSourceTests
{
    [Fact]
    public void The_same_seed_gives_the_same_bytes_and_queued_bytes_come_first()
    {
        var a = new SimulatedRandomSource(42);
        var b = new SimulatedRandomSource(42);
        b.Enqueue([0xF4, 0x4B]);
        byte[] x = new byte[6];
        byte[] y = new byte[8];
        a.NextBytes(x, 0, 6);
        b.NextBytes(y, 1, 7);

        Assert.Equal(0xF4, y[1]);
        Assert.Equal(0x4B, y[2]);
        Assert.Equal(x[..5], y[3..8]);
        Assert.Equal(7, b.BytesProduced);
    }
}
