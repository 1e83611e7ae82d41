using Wallbox.Drivers.Pilot;

namespace Wallbox.Drivers.Tests.Pilot;

/// <summary>IEC 61851-1 Table A.3 levels with the ±1 V detection ranges of Table A.4.</summary>
public sealed class PilotVoltageBandsTests
{
    [Theory]
    [InlineData(12000, PilotState.A)]
    [InlineData(11000, PilotState.A)]
    [InlineData(13000, PilotState.A)]
    [InlineData(9000, PilotState.B)]
    [InlineData(8000, PilotState.B)]
    [InlineData(10000, PilotState.B)]
    [InlineData(6000, PilotState.C)]
    [InlineData(5000, PilotState.C)]
    [InlineData(7000, PilotState.C)]
    [InlineData(3000, PilotState.D)]
    [InlineData(2000, PilotState.D)]
    [InlineData(4000, PilotState.D)]
    [InlineData(0, PilotState.E)]
    [InlineData(-1000, PilotState.E)]
    [InlineData(1000, PilotState.E)]
    [InlineData(-12000, PilotState.F)]
    [InlineData(-11000, PilotState.F)]
    [InlineData(-13000, PilotState.F)]
    public void Nominal_levels_and_band_edges_classify_as_their_state(int plateauMv, PilotState expected)
    {
        Assert.Equal(expected, PilotVoltageBands.Classify(plateauMv));
    }

    [Theory]
    [InlineData(10500)]
    [InlineData(7500)]
    [InlineData(4500)]
    [InlineData(1500)]
    [InlineData(-5000)]
    [InlineData(13001)]
    [InlineData(-13001)]
    public void Voltages_between_bands_are_unknown_never_rounded_to_a_neighbour(int plateauMv)
    {
        Assert.Equal(PilotState.Unknown, PilotVoltageBands.Classify(plateauMv));
    }
}
