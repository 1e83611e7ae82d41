using Wallbox.Drivers.Pilot;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Pilot;

public sealed class ControlPilotTests
{
    private readonly VirtualWallboxHardware _hw = new VirtualWallboxHardware();
    private readonly ControlPilot _pilot;

    public ControlPilotTests()
    {
        _pilot = new ControlPilot(_hw.PilotPwm, _hw.PilotSampler);
        _hw.Ev.AutomaticS2 = false;
    }

    [Fact]
    public void Starts_at_a_steady_plus_12_V_with_no_PWM()
    {
        Assert.Equal(PwmDuty.FullDutyPermille, _hw.PilotPwm.DutyPermille);
        Assert.False(_pilot.IsPwmOn);
        Assert.Equal(0, _pilot.OfferedCurrentMa);
    }

    [Fact]
    public void A_state_is_accepted_after_three_identical_samples()
    {
        Ticks(2);
        Assert.Equal(PilotState.Unknown, _pilot.State);
        Assert.Equal(PilotState.A, _pilot.RawState);

        Ticks(1);

        Assert.Equal(PilotState.A, _pilot.State);
    }

    [Fact]
    public void A_single_spike_does_not_change_the_state()
    {
        _hw.Ev.PlugIn();
        Ticks(5);
        Assert.Equal(PilotState.B, _pilot.State);

        _hw.Ev.S2Closed = true;
        Ticks(1);
        _hw.Ev.S2Closed = false;
        Ticks(5);

        Assert.Equal(PilotState.B, _pilot.State);
    }

    [Theory]
    [InlineData(false, false, false, PilotState.B)]
    [InlineData(true, false, false, PilotState.C)]
    [InlineData(true, true, false, PilotState.D)]
    [InlineData(false, false, true, PilotState.E)]
    public void EV_network_gives_the_state_of_Table_A3(bool s2, bool ventilation, bool shortToPe, PilotState expected)
    {
        _hw.Ev.PlugIn();
        _hw.Ev.S2Closed = s2;
        _hw.Ev.RequiresVentilation = ventilation;
        _hw.Ev.PilotShortedToPe = shortToPe;

        Ticks(3);

        Assert.Equal(expected, _pilot.State);
    }

    [Fact]
    public void Steady_negative_level_reads_state_F()
    {
        _pilot.SetStateF();
        Ticks(3);

        Assert.Equal(PilotState.F, _pilot.State);
        Assert.True(_pilot.IsStateF);
    }

    [Fact]
    public void Hysteresis_keeps_state_B_half_a_volt_into_the_gap_and_needs_the_C_band_to_change()
    {
        _hw.Ev.PlugIn();
        Ticks(3);
        _hw.PilotLine.GeneratorHighMv = 10_300; // B level ≈ 7.7 V: in the 7–8 V gap, within B's widened band
        Ticks(5);
        Assert.Equal(PilotState.B, _pilot.State);

        _hw.PilotLine.GeneratorHighMv = 9_500; // ≈ 7.15 V: beyond B + 0.5 V, not yet in C (≤ 7 V)
        Ticks(5);
        Assert.Equal(PilotState.Unknown, _pilot.State);
    }

    [Fact]
    public void Diode_check_passes_when_the_low_plateau_is_minus_12_V()
    {
        _hw.Ev.PlugIn();
        _pilot.OfferCurrent(16000);
        Ticks(6);

        Assert.False(_pilot.DiodeFault);
        Assert.Equal(-12000, _pilot.LastSample.LowMv);
    }

    [Fact]
    public void Missing_diode_is_a_pilot_fault_after_three_samples_under_PWM()
    {
        _hw.Ev.PlugIn();
        _hw.Ev.DiodeShorted = true;
        _pilot.OfferCurrent(16000);
        Ticks(4);
        Assert.False(_pilot.DiodeFault); // state B is accepted at the third sample; the diode is then checked three times

        Ticks(1);

        Assert.True(_pilot.DiodeFault);
    }

    [Fact]
    public void The_diode_cannot_be_checked_without_PWM()
    {
        _hw.Ev.PlugIn();
        _hw.Ev.DiodeShorted = true;
        Ticks(10);

        Assert.False(_pilot.DiodeFault);
    }

    [Fact]
    public void Offer_below_6_A_switches_PWM_off()
    {
        _pilot.OfferCurrent(16000);
        Assert.True(_pilot.IsPwmOn);

        _pilot.OfferCurrent(5999);

        Assert.False(_pilot.IsPwmOn);
        Assert.Equal(PwmDuty.FullDutyPermille, _hw.PilotPwm.DutyPermille);
    }

    [Fact]
    public void A_failed_measurement_counts_as_unknown()
    {
        _hw.PilotSampler.Fails = true;
        Ticks(3);

        Assert.Equal(PilotState.Unknown, _pilot.State);
        Assert.Equal(3, _pilot.FailedSampleCount);
    }

    private void Ticks(int count)
    {
        for (int i = 0; i < count; i++)
        {
            _hw.Advance(10_000);
            _pilot.Tick(_hw.Clock.NowMs);
        }
    }
}
