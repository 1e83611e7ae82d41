using Wallbox.Boards.Virtual;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;
using Wallbox.Firmware.Charging.Indication;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>Sessions, authorisation and the effective current limit (CPH-31..33).</summary>
public sealed class SessionAndLimitTests
{
    [Theory]
    [InlineData(13, 13000)]
    [InlineData(20, 20000)]
    [InlineData(32, 32000)]
    [InlineData(63, 32000)] // the 32 A hardware rating wins
    public void The_cable_rating_read_from_PP_limits_the_offer(int cableA, int limitMa)
    {
        var bench = new ChargingBench();
        bench.StartCharging(cableA);

        Assert.Equal(limitMa / 60 * 60, bench.Charging.OfferedCurrentMa);
    }

    [Theory]
    [InlineData(20, 16000)]
    [InlineData(25, 20000)]
    [InlineData(32, 25000)]
    [InlineData(40, 32000)]
    public void CPH_33_the_breaker_table_limits_the_offer(int breakerA, int limitMa)
    {
        var bench = new ChargingBench(settings: new ChargingSettings { BreakerRatingA = breakerA });
        bench.StartCharging();

        Assert.Equal(PilotDutyOf(limitMa), bench.Hardware.PilotPwm.DutyPermille);
        Assert.Equal(limitMa, bench.Charging.Limits.Get(CurrentLimitSource.Installation));
    }

    [Fact]
    public void CPH_31_the_owner_maximum_limits_the_offer_in_1_A_steps()
    {
        var bench = new ChargingBench(settings: new ChargingSettings { UserMaximumA = 11 });
        bench.StartCharging();

        Assert.Equal(PilotDutyOf(11000), bench.Hardware.PilotPwm.DutyPermille);
    }

    [Fact]
    public void Temperature_derating_reduces_the_offer_and_a_stop_ends_energy_within_6_s()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        bench.Hardware.TerminalTemperature.DeciCelsius = 725;
        bench.Run(100);
        Assert.Equal(PilotDutyOf(19000), bench.Hardware.PilotPwm.DutyPermille);
        Assert.Equal(CurrentLimitSource.Derating, bench.Charging.Limits.LimitingSource);

        bench.Hardware.TerminalTemperature.DeciCelsius = 870;
        Assert.True(bench.RunUntil(() => !bench.Hardware.Contactor.ContactsClosed, IecTimings.PowerOffUnderLoadInC1TimeoutMs + 200));
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.HighTemperature));
        Assert.Equal(ChargingState.SuspendedEvse, bench.Charging.State);

        bench.Hardware.TerminalTemperature.DeciCelsius = 600;
        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 5000));
    }

    [Fact]
    public void A_failed_temperature_sensor_stops_energy()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        bench.Hardware.TerminalTemperature.Fails = true;

        Assert.True(bench.RunUntil(() => !bench.Hardware.Contactor.ContactsClosed, IecTimings.PowerOffUnderLoadInC1TimeoutMs + 200));
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.TemperatureSensorFailure));
    }

    [Fact]
    public void An_invalid_cable_coding_refuses_charging()
    {
        var bench = new ChargingBench();
        bench.Hardware.ProximityPilot.CableResistorOhm = 5000;
        bench.Hardware.Ev.PlugIn();
        bench.Run(100);
        bench.Authorize();
        bench.Run(3000);

        Assert.True(bench.Charging.Faults.Contains(ChargingFault.InvalidCable));
        Assert.False(bench.Hardware.ContactorCoil.IsOn);
    }

    [Fact]
    public void Pulling_the_plug_out_of_the_socket_opens_at_once_without_an_invalid_cable_fault()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.ProximityPilot.RemoveCable());

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        Assert.False(bench.Charging.Faults.Contains(ChargingFault.InvalidCable));
    }

    [Fact]
    public void An_authorisation_before_plug_in_expires_after_the_connection_timeout()
    {
        var bench = new ChargingBench(settings: new ChargingSettings { ConnectionTimeoutS = 30 });
        bench.Authorize();
        bench.Run(10);
        Assert.Equal(SessionPhase.Pending, bench.Charging.Session);
        Assert.Equal(IndicatorColor.Orange, bench.Wallbox.Firmware.StatusLight.Current.Color); // CPH-11

        bench.Run(30_000);

        Assert.Equal(SessionPhase.None, bench.Charging.Session);
        bench.Hardware.PlugInEv();
        bench.Run(3000);
        Assert.False(bench.Hardware.ContactorCoil.IsOn);
    }

    [Fact]
    public void CPH_20_authorisation_then_plug_in_charges()
    {
        var bench = new ChargingBench();
        bench.Authorize();
        bench.Run(5000);
        bench.Hardware.PlugInEv();

        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 3000));
    }

    [Fact]
    public void Free_vend_starts_one_session_per_plug_in()
    {
        var bench = new ChargingBench(settings: new ChargingSettings { RequireAuthorization = false });
        bench.Hardware.PlugInEv();
        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 3000));
        bench.Charging.Stop(StopReason.Local, bench.NowMs);
        bench.Run(10_000);
        Assert.False(bench.Hardware.ContactorCoil.IsOn);

        bench.Hardware.UnplugEv();
        bench.Run(1000);
        bench.Hardware.PlugInEv();

        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 3000));
        Assert.Equal(2, bench.Charging.SessionNumber);
    }

    [Fact]
    public void Setting_the_wallbox_inoperative_stops_energy_and_refuses_sessions()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        bench.Charging.SetAvailable(false);

        Assert.True(bench.RunUntil(() => !bench.Hardware.Contactor.ContactsClosed, IecTimings.PowerOffUnderLoadInC1TimeoutMs + 200));
        bench.Run(100);
        Assert.Equal(ChargingState.Unavailable, bench.Charging.State);
        Assert.False(bench.Charging.Authorize(bench.NowMs));
    }

    [Fact]
    public void The_status_light_shows_charging_as_blue_blinking_on_the_RGB_outputs()
    {
        var bench = new ChargingBench();
        bench.StartCharging();
        bench.Run(2000);

        var light = bench.Wallbox.Firmware.StatusLight;
        Assert.Equal((IndicatorColor.Blue, IndicatorPattern.Blinking), (light.Current.Color, light.Current.Pattern));
        bool sawOn = false;
        bool sawOff = false;
        for (int i = 0; i < 100; i++)
        {
            bench.Run(10);
            Assert.False(bench.Hardware.LedRed.IsOn || bench.Hardware.LedGreen.IsOn);
            sawOn |= bench.Hardware.LedBlue.IsOn;
            sawOff |= !bench.Hardware.LedBlue.IsOn;
        }

        Assert.True(sawOn && sawOff);
    }

    private static int PilotDutyOf(int limitMa) => Wallbox.Drivers.Pilot.PilotDutyCycle.FromCurrentMa(limitMa);
}
