using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Indication;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>The LED table of CPH-05..16.</summary>
public sealed class StatusIndicationTableTests
{
    [Theory]
    [InlineData(ChargingState.SuspendedEvse, SessionPhase.Active, IndicatorColor.LightBlue, IndicatorPattern.Steady)] // CPH-05
    [InlineData(ChargingState.Charging, SessionPhase.Active, IndicatorColor.Blue, IndicatorPattern.Blinking)] // CPH-06
    [InlineData(ChargingState.SuspendedEv, SessionPhase.Active, IndicatorColor.Blue, IndicatorPattern.Steady)] // CPH-07
    [InlineData(ChargingState.Finishing, SessionPhase.Finishing, IndicatorColor.Blue, IndicatorPattern.Steady)] // CPH-07
    [InlineData(ChargingState.Preparing, SessionPhase.Active, IndicatorColor.Green, IndicatorPattern.Blinking)] // CPH-08
    [InlineData(ChargingState.Available, SessionPhase.None, IndicatorColor.Green, IndicatorPattern.Steady)] // CPH-09
    [InlineData(ChargingState.Preparing, SessionPhase.Pending, IndicatorColor.Orange, IndicatorPattern.Blinking)] // CPH-11
    [InlineData(ChargingState.Faulted, SessionPhase.None, IndicatorColor.Red, IndicatorPattern.Steady)] // CPH-12
    [InlineData(ChargingState.Unavailable, SessionPhase.None, IndicatorColor.Red, IndicatorPattern.Steady)] // CPH-12
    [InlineData(ChargingState.SelfTest, SessionPhase.None, IndicatorColor.White, IndicatorPattern.Blinking)] // CPH-14
    [InlineData(ChargingState.Preparing, SessionPhase.None, IndicatorColor.Purple, IndicatorPattern.Steady)] // CPH-16
    public void Charging_states_map_to_the_LED_table(ChargingState state, SessionPhase session, IndicatorColor color, IndicatorPattern pattern)
    {
        Indication shown = StatusIndicationTable.Resolve(state, session, new IndicationFlags(), 0);

        Assert.Equal((color, pattern), (shown.Color, shown.Pattern));
    }

    [Fact]
    public void CPH_10_reserved_shows_orange_on_an_idle_wallbox()
    {
        Indication shown = StatusIndicationTable.Resolve(ChargingState.Available, SessionPhase.None, new IndicationFlags { Reserved = true }, 0);

        Assert.Equal((IndicatorColor.Orange, IndicatorPattern.Steady), (shown.Color, shown.Pattern));
    }

    [Fact]
    public void CPH_15_offline_shows_white_on_an_idle_wallbox_but_not_over_charging()
    {
        var flags = new IndicationFlags { Offline = true };

        Assert.Equal(IndicatorColor.White, StatusIndicationTable.Resolve(ChargingState.Available, SessionPhase.None, flags, 0).Color);
        Assert.Equal(IndicatorColor.Blue, StatusIndicationTable.Resolve(ChargingState.Charging, SessionPhase.Active, flags, 0).Color);
    }

    [Fact]
    public void CPH_17_a_rejected_card_blinks_yellow_for_3_s()
    {
        var flags = new IndicationFlags { CardRejectedUntilMs = 3000 };

        Assert.Equal((IndicatorColor.Yellow, IndicatorPattern.FastBlinking), Pair(StatusIndicationTable.Resolve(ChargingState.Available, SessionPhase.None, flags, 2999)));
        Assert.Equal((IndicatorColor.Green, IndicatorPattern.Steady), Pair(StatusIndicationTable.Resolve(ChargingState.Available, SessionPhase.None, flags, 3000)));
    }

    [Fact]
    public void CPH_08_card_authorisation_in_progress_blinks_green()
    {
        var flags = new IndicationFlags { CardAuthorizing = true };

        Assert.Equal((IndicatorColor.Green, IndicatorPattern.Blinking), Pair(StatusIndicationTable.Resolve(ChargingState.Preparing, SessionPhase.None, flags, 0)));
    }

    [Fact]
    public void CPH_13_software_installation_and_not_commissioned_blink_yellow()
    {
        Assert.Equal(IndicatorColor.Yellow, StatusIndicationTable.Resolve(ChargingState.Available, SessionPhase.None, new IndicationFlags { FirmwareUpdating = true }, 0).Color);
        Assert.Equal(IndicatorColor.Yellow, StatusIndicationTable.Resolve(ChargingState.Available, SessionPhase.None, new IndicationFlags { NotCommissioned = true }, 0).Color);
    }

    [Fact]
    public void A_fault_hides_a_rejected_card_and_offline()
    {
        var flags = new IndicationFlags { Offline = true, CardRejectedUntilMs = 5000 };

        Assert.Equal(IndicatorColor.Red, StatusIndicationTable.Resolve(ChargingState.Faulted, SessionPhase.None, flags, 0).Color);
    }

    private static (IndicatorColor, IndicatorPattern) Pair(Indication i) => (i.Color, i.Pattern);
}
