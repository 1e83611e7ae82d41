using Wallbox.Drivers.Pilot;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>
/// IEC 61851-1:2017 Annex A, Table A.6, one test per implemented sequence, in virtual time. Every timing test
/// runs twice: normally, and with the flash and WebSocket workers hung (a HAL worker that never returns).
/// </summary>
public sealed class TableA6SequenceTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_1_1_Plug_in_in_state_B_waits_for_authorisation_without_PWM(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);

        bench.Hardware.PlugInEv();
        bench.Run(100);

        Assert.Equal(PilotState.B, bench.Charging.PilotState);
        Assert.Equal(ChargingState.Preparing, bench.Charging.State);
        Assert.Equal(0, bench.Charging.OfferedCurrentMa);
        Assert.False(bench.Hardware.ContactorCoil.IsOn);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_1_2_Plug_in_with_S2_closed_charges_only_with_PWM_and_within_3_s_of_it(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.Hardware.Ev.AutomaticS2 = false;
        bench.Hardware.Ev.S2Closed = true;
        bench.Hardware.PlugInEv();
        bench.Run(2000);
        Assert.Equal(PilotState.C, bench.Charging.PilotState);
        Assert.False(bench.Hardware.ContactorCoil.IsOn);

        bench.Authorize();
        Assert.True(bench.RunUntil(() => bench.Hardware.PilotPwm.DutyPermille < 1000, 3000));
        long pwmOnUs = bench.Hardware.PilotPwm.LastChangeUs;
        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, IecTimings.SwitchOnDeadlineMs));

        Assert.InRange((bench.Hardware.Contactor.ContactsChangedUs - pwmOnUs) / 1000.0, 0, IecTimings.SwitchOnDeadlineMs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_2_1_Unplug_in_state_B_ends_the_session_with_EVDisconnected(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.Hardware.Ev.WantsToCharge = false;
        bench.Hardware.PlugInEv();
        bench.Run(100);
        bench.Authorize();
        bench.Run(1000);
        Assert.Equal(ChargingState.SuspendedEv, bench.Charging.State);

        bench.Hardware.UnplugEv();
        bench.Run(100);

        Assert.Equal((SessionPhase.None, StopReason.EvDisconnected), (bench.Charging.Session, bench.Charging.LastStopReason));
        Assert.Equal(ChargingState.Available, bench.Charging.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_2_2_Unplug_while_charging_opens_the_contactor_within_100ms(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.UnplugEv());

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        bench.Run(100);
        Assert.Equal(StopReason.EvDisconnected, bench.Charging.LastStopReason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_3_PWM_starts_only_once_authorised_locked_and_RCD_tested(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.Hardware.PlugInEv();
        bench.Run(2000);
        Assert.False(bench.Hardware.PilotPwm.DutyPermille < 1000);

        bench.Authorize();
        Assert.True(bench.RunUntil(() => bench.Hardware.PilotPwm.DutyPermille < 1000, 3000));

        Assert.True(bench.Hardware.SocketLock.IsLocked);
        Assert.True(bench.Charging.SessionRcdTestPassed);
        Assert.True(bench.Hardware.RcdTest.ChangeCount >= 4, "power-up test and session test");
        Assert.Equal(533, bench.Hardware.PilotPwm.DutyPermille); // 32 A
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_4_Contactor_closes_within_3_s_of_state_C_with_PWM(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.Hardware.Ev.AutomaticS2 = false;
        bench.Hardware.PlugInEv();
        bench.Run(100);
        bench.Authorize();
        Assert.True(bench.RunUntil(() => bench.Charging.OfferedCurrentMa > 0, 3000));

        long closeRequestUs = bench.Hardware.Clock.NowUs;
        bench.Hardware.Ev.S2Closed = true;
        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, IecTimings.SwitchOnDeadlineMs));

        Assert.InRange((bench.Hardware.Contactor.ContactsChangedUs - closeRequestUs) / 1000.0, 0, IecTimings.SwitchOnDeadlineMs);
        Assert.Equal(ChargingState.Charging, bench.Charging.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_8_1_Contactor_opens_within_100ms_when_EV_returns_to_state_B(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();
        bench.Hardware.Ev.AutomaticS2 = false;

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.Ev.S2Closed = false);

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        bench.Run(100);
        Assert.Equal(ChargingState.SuspendedEv, bench.Charging.State);
    }

    [Fact]
    public void Seq_9_A_lower_limit_changes_the_duty_cycle_at_once_and_the_EV_follows()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        bench.Charging.Limits.Set(CurrentLimitSource.SmartCharging, 16000);
        bench.Run(10);
        Assert.Equal(266, bench.Hardware.PilotPwm.DutyPermille);
        bench.Run(IecTimings.EvCurrentAdaptationMs);

        Assert.InRange(bench.Hardware.Ev.DrawnCurrentMa, 15000, 16000);
        Assert.True(bench.Hardware.Contactor.ContactsClosed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_10_1_Stop_switches_PWM_off_first_and_opens_when_the_EV_leaves_state_C(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();

        bench.Charging.Stop(StopReason.Local, bench.NowMs);
        bench.Run(10);
        Assert.Equal(1000, bench.Hardware.PilotPwm.DutyPermille);
        Assert.True(bench.Hardware.Contactor.ContactsClosed, "PWM goes off first; the EV opens S2 itself");

        Assert.True(bench.RunUntil(() => !bench.Hardware.Contactor.ContactsClosed, IecTimings.PowerOffUnderLoadInC1TimeoutMs));
        double afterBMs = (bench.Hardware.Contactor.ContactsChangedUs - bench.Hardware.PilotPwm.LastChangeUs) / 1000.0;
        Assert.InRange(afterBMs, bench.Hardware.Ev.PwmStopResponseMs, bench.Hardware.Ev.PwmStopResponseMs + IecTimings.SwitchOffDeadlineMs);
        bench.Run(1000);
        Assert.Equal((SessionPhase.Finishing, ChargingState.Finishing, StopReason.Local), (bench.Charging.Session, bench.Charging.State, bench.Charging.LastStopReason));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Seq_10_2_Contactor_opens_6_s_after_PWM_off_when_the_EV_stays_in_state_C(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.Hardware.Ev.OpensS2WhenPwmStops = false;
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Charging.Stop(StopReason.Remote, bench.NowMs), 10_000);

        Assert.InRange(openedMs, IecTimings.PowerOffUnderLoadInC1TimeoutMs, IecTimings.PowerOffUnderLoadInC1TimeoutMs + IecTimings.SwitchOffDeadlineMs);
        Assert.Equal(PilotState.C, bench.Charging.PilotState);
    }

    [Fact]
    public void A_limit_below_6_A_pauses_with_PWM_off_and_charging_resumes_when_it_returns()
    {
        var bench = new ChargingBench();
        bench.StartCharging();

        bench.Charging.Limits.Set(CurrentLimitSource.LoadManagement, 5000);
        Assert.True(bench.RunUntil(() => !bench.Hardware.Contactor.ContactsClosed, 7000));
        bench.Run(100);
        Assert.Equal(ChargingState.SuspendedEvse, bench.Charging.State);
        Assert.Equal(1000, bench.Hardware.PilotPwm.DutyPermille);

        bench.Charging.Limits.Set(CurrentLimitSource.LoadManagement, 10000);

        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 3000));
        Assert.Equal(166, bench.Hardware.PilotPwm.DutyPermille);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void State_E_pilot_short_opens_within_100ms(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.Ev.PilotShortedToPe = true);

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.PilotShortToEarth));
        Assert.Equal("EVCommunicationError", FaultCatalog.Get(ChargingFault.PilotShortToEarth).OcppErrorCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_undefined_pilot_voltage_opens_within_100ms(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.PilotSampler.Fails = true);

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.PilotVoltageOutOfRange));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_missing_EV_diode_opens_within_100ms_and_blocks_until_unplug(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.Ev.DiodeShorted = true);

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        bench.Run(100);
        Assert.Equal(ChargingState.Faulted, bench.Charging.State);
        bench.Hardware.Ev.DiodeShorted = false;
        bench.Run(5000);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.PilotDiodeMissing), "latched until unplug (CPH-48)");

        bench.Hardware.UnplugEv();
        bench.Run(100);

        Assert.False(bench.Charging.Faults.Contains(ChargingFault.PilotDiodeMissing));
        Assert.Equal(ChargingState.Available, bench.Charging.State);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void State_D_without_ventilation_opens_within_100ms_and_raises_the_ventilation_fault(bool workersHung)
    {
        var bench = new ChargingBench(workersHung);
        bench.StartCharging();

        double openedMs = bench.MeasureOpeningMs(() => bench.Hardware.Ev.RequiresVentilation = true);

        Assert.InRange(openedMs, 0, IecTimings.SwitchOffDeadlineMs);
        Assert.True(bench.Charging.Faults.Contains(ChargingFault.VentilationNotAvailable));
        bench.Hardware.Ev.RequiresVentilation = false;
        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 3000), "charging resumes once the EV leaves state D");
    }

    [Fact]
    public void State_D_charges_where_ventilation_is_available()
    {
        var bench = new ChargingBench(settings: new ChargingSettings { VentilationAvailable = true });
        bench.Hardware.Ev.RequiresVentilation = true;
        bench.Hardware.PlugInEv();
        bench.Run(100);
        bench.Authorize();

        Assert.True(bench.RunUntil(() => bench.Hardware.Contactor.ContactsClosed, 3000));
        Assert.Equal(PilotState.D, bench.Charging.PilotState);
    }
}
