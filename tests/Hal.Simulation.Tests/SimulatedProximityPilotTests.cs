namespace Wallbox.Hal.Simulation.Tests;

/// <summary>IEC 61851-1 Annex B, Table B.2 cable coding against a 1 kΩ pull-up to 3.3 V.</summary>
public sealed class SimulatedProximityPilotTests
{
    [Theory]
    [InlineData(13, 1980)] // 1.5 kΩ
    [InlineData(20, 1336)] // 680 Ω
    [InlineData(32, 595)] // 220 Ω
    [InlineData(63, 300)] // 100 Ω
    public void Cable_rating_sets_the_PP_voltage(int ratingA, int expectedMv)
    {
        var hw = new VirtualWallboxHardware();
        hw.ProximityPilot.InsertCable(ratingA);
        hw.Advance(1000);

        Assert.True(hw.ProximityInput.TryReadMillivolts(out int mv));
        Assert.Equal(expectedMv, mv);
    }

    [Fact]
    public void No_cable_reads_the_supply()
    {
        var hw = new VirtualWallboxHardware();
        hw.Advance(1000);

        hw.ProximityInput.TryReadMillivolts(out int mv);
        Assert.Equal(3300, mv);
    }
}
