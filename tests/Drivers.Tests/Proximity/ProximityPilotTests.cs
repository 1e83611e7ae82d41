using Wallbox.Drivers.Proximity;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Proximity;

/// <summary>IEC 61851-1 Annex B, Table B.2 resistor coding.</summary>
public sealed class ProximityPilotTests
{
    [Theory]
    [InlineData(13, CableRating.Amps13)]
    [InlineData(20, CableRating.Amps20)]
    [InlineData(32, CableRating.Amps32)]
    [InlineData(63, CableRating.Amps63)]
    public void Each_coded_cable_is_recognised_through_the_board_divider(int ratingA, CableRating expected)
    {
        var hw = new VirtualWallboxHardware();
        var pp = new ProximityPilot(hw.ProximityInput, 1000, 3300);
        hw.ProximityPilot.InsertCable(ratingA);
        hw.Advance(1000);

        Assert.Equal(expected, pp.Read());
        Assert.Equal(ratingA * 1000, ProximityPilot.RatingMa(expected));
    }

    [Theory]
    [InlineData(1455, CableRating.Amps13)] // 1.5 kΩ − 3 %
    [InlineData(1545, CableRating.Amps13)] // 1.5 kΩ + 3 %
    [InlineData(660, CableRating.Amps20)]
    [InlineData(700, CableRating.Amps20)]
    [InlineData(213, CableRating.Amps32)]
    [InlineData(227, CableRating.Amps32)]
    [InlineData(97, CableRating.Amps63)]
    [InlineData(103, CableRating.Amps63)]
    [InlineData(30, CableRating.Invalid)] // shorted to PE
    [InlineData(5000, CableRating.Invalid)] // no valid coding
    [InlineData(20000, CableRating.NoCable)]
    public void Tolerances_of_Table_B2_stay_in_their_range(int ohm, CableRating expected)
    {
        Assert.Equal(expected, ProximityPilot.Classify(ohm));
    }

    [Fact]
    public void A_failed_reading_is_an_invalid_cable()
    {
        var hw = new VirtualWallboxHardware();
        hw.ProximityInput.Fails = true;

        Assert.Equal(CableRating.Invalid, new ProximityPilot(hw.ProximityInput, 1000, 3300).Read());
    }
}
