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
    }

    [Fact]
    public void Starts_at_a_steady_plus_12_V_with_no_PWM()
    {
        Assert.Equal(PwmDuty.FullDutyPermille, _hw.PilotPwm.DutyPermille);
        Assert.False(_pilot.IsPwmOn);
    }

    [Fact]
    public void No_EV_measures_state_A()
    {
        Tick();

        Assert.Equal(PilotState.A, _pilot.MeasuredState);
        Assert.Equal(12000, _pilot.LastSample.HighMv);
    }

    [Fact]
    public void Plugged_EV_measures_state_B()
    {
        _hw.Ev.PlugIn();
        _hw.Ev.AutomaticS2 = false;

        Tick();

        Assert.Equal(PilotState.B, _pilot.MeasuredState);
    }

    [Fact]
    public void EV_closing_S2_under_PWM_measures_state_C_with_the_diode_holding_the_low_plateau_at_minus_12_V()
    {
        _hw.Ev.PlugIn();
        _pilot.SetDutyPermille(266); // 16 A
        _hw.Advance(10_000);

        Tick();

        Assert.True(_pilot.IsPwmOn);
        Assert.Equal(PilotState.C, _pilot.MeasuredState);
        Assert.Equal(-12000, _pilot.LastSample.LowMv);
    }

    [Fact]
    public void EV_requiring_ventilation_measures_state_D()
    {
        _hw.Ev.PlugIn();
        _hw.Ev.RequiresVentilation = true;
        _pilot.SetDutyPermille(266);
        _hw.Advance(10_000);

        Tick();

        Assert.Equal(PilotState.D, _pilot.MeasuredState);
    }

    [Fact]
    public void Pilot_shorted_to_PE_measures_state_E()
    {
        _hw.Ev.PlugIn();
        _hw.Ev.PilotShortedToPe = true;

        Tick();

        Assert.Equal(PilotState.E, _pilot.MeasuredState);
    }

    [Fact]
    public void Steady_negative_level_measures_state_F()
    {
        _pilot.SetSteadyNegative();

        Tick();

        Assert.Equal(PilotState.F, _pilot.MeasuredState);
        Assert.False(_pilot.IsPwmOn);
    }

    [Fact]
    public void Shorted_EV_diode_shows_on_the_low_plateau()
    {
        _hw.Ev.PlugIn();
        _hw.Ev.AutomaticS2 = false;
        _hw.Ev.DiodeShorted = true;
        _pilot.SetDutyPermille(266);

        Tick();

        Assert.True(_pilot.LastSample.LowMv > -11000, "low plateau " + _pilot.LastSample.LowMv + " mV");
    }

    [Fact]
    public void A_failed_measurement_is_counted_and_reads_unknown()
    {
        _hw.PilotSampler.Fails = true;

        Tick();

        Assert.Equal(PilotState.Unknown, _pilot.MeasuredState);
        Assert.Equal(1, _pilot.FailedSampleCount);
    }

    private void Tick() => _pilot.Tick(_hw.Clock.NowMs);
}
