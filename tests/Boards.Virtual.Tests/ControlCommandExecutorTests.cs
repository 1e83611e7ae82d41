using Wallbox.Boards.Virtual.Control;
using Wallbox.Drivers.Pilot;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging.Faults;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>Each control command acts on the simulated world or the firmware of a virtual wallbox in virtual time.</summary>
public sealed class ControlCommandExecutorTests
{
    private readonly VirtualWallbox _wallbox = new VirtualWallbox();
    private readonly ControlCommandExecutor _executor;

    public ControlCommandExecutorTests()
    {
        _executor = new ControlCommandExecutor(_wallbox);
        _wallbox.RunForMs(1000);
    }

    [Fact]
    public void Plug_shows_state_B_to_the_firmware_and_unplug_state_A()
    {
        Assert.Equal("ok: EV plugged in (state B; S2 automatic)", Execute("plug"));
        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.PilotState == PilotState.B, 500));

        Assert.Equal("ok: EV unplugged (state A)", Execute("unplug"));
        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.PilotState == PilotState.A, 500));
    }

    [Fact]
    public void Plug_and_unplug_refuse_what_is_already_so()
    {
        Assert.Equal("error: the EV is not plugged in", Execute("unplug"));
        Execute("plug");
        Assert.Equal("error: the EV is already plugged in", Execute("plug"));
    }

    [Fact]
    public void S2_close_shows_state_C_and_s2_open_state_B_again()
    {
        Execute("plug");
        _wallbox.RunForMs(200);

        Assert.Equal("ok: S2 closed: the EV requests energy (state C)", Execute("s2 close"));
        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.PilotState == PilotState.C, 500));

        Assert.Equal("ok: S2 opened: the EV requests no energy (state B)", Execute("s2 open"));
        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.PilotState == PilotState.B, 500));
        Assert.False(_wallbox.Hardware.Ev.AutomaticS2);

        Assert.Equal("ok: S2 automatic: the EV closes it when offered current", Execute("s2 auto"));
        Assert.True(_wallbox.Hardware.Ev.AutomaticS2);
    }

    [Fact]
    public void S2_needs_a_plugged_EV()
    {
        Assert.Equal("error: the EV is not plugged in", Execute("s2 close"));
    }

    [Fact]
    public void Card_presents_the_idTag_to_the_firmware()
    {
        int before = _wallbox.Firmware.IdTags.Count;

        Assert.Equal("ok: card 04A1B2C3 presented", Execute("card 04A1B2C3"));

        Assert.Equal(before + 1, _wallbox.Firmware.IdTags.Count);
        Assert.True(_wallbox.Firmware.IdTags.TryTake(out string idTag));
        Assert.Equal("04A1B2C3", idTag);
    }

    [Fact]
    public void Card_refuses_an_invalid_idTag_and_a_full_queue()
    {
        Assert.Equal("error: refused: not a valid idTag (1 to 20 printable ASCII characters)", Execute("card 123456789012345678901"));
        Assert.Equal("error: refused: not a valid idTag (1 to 20 printable ASCII characters)", Execute("card two words"));

        for (int i = 0; i < PresentedIdTagQueue.Capacity; i++)
        {
            Assert.StartsWith("ok:", Execute("card TAG" + i));
        }

        Assert.Equal("error: refused: queue full (4 cards waiting)", Execute("card TAG9"));
        Assert.Equal(PresentedIdTagQueue.Capacity, _wallbox.Firmware.IdTags.Count);
    }

    [Fact]
    public void Rcd_trip_makes_the_charging_controller_report_a_residual_current_fault()
    {
        Assert.Equal("ok: 60 mA DC residual current flowing (the RCD trips within 150 ms)", Execute("rcd trip"));

        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.Faults.Contains(ChargingFault.ResidualCurrent), 2000));
        Assert.True(_wallbox.Hardware.Rcd.IsTripped);

        Assert.Equal("ok: no residual current (the RCD module resets after 50 ms)", Execute("rcd clear"));
        Assert.True(_wallbox.RunUntil(() => !_wallbox.Hardware.Rcd.IsTripped, 1000));
    }

    [Fact]
    public void Power_off_stops_the_firmware_and_power_on_boots_it_again()
    {
        Assert.Equal("ok: mains cut", Execute("power off"));
        _wallbox.Step();
        Assert.Null(_wallbox.Firmware);
        Assert.Equal("error: the mains is already off", Execute("power off"));
        Assert.Equal("error: the board is unpowered (mains cut)", Execute("card ABC"));
        Assert.EndsWith("board unpowered (mains cut)", Execute("status"));

        Assert.Equal("ok: mains restored (the firmware boots)", Execute("power on"));
        Assert.True(_wallbox.RunUntil(() => _wallbox.BootCount == 2, 100));
        Assert.NotNull(_wallbox.Firmware);
        Assert.Equal("error: the mains is already on", Execute("power on"));
    }

    [Fact]
    public void Status_answers_the_status_line()
    {
        Assert.Equal("ok: " + StatusLine.Format(_wallbox).TrimStart(), Execute("status"));
        Assert.StartsWith("ok: 1.0 s | ", Execute("status"));
    }

    [Fact]
    public void Config_changes_a_key_and_answers_the_store_status_and_reason()
    {
        Assert.Equal("ok: Accepted", Execute("config MaxCurrentA 16"));
        Assert.Equal("ok: MaxCurrentA = 16", Execute("get MaxCurrentA"));
        Assert.Equal("ok: Accepted", Execute("config HeartbeatInterval 30"));
        Assert.Equal("ok: RebootRequired", Execute("config ChargePointIdentity CP-9"));

        string refused = Execute("config MaxCurrentA 99");
        Assert.StartsWith("error: Rejected: ", refused);
        Assert.Equal("error: Rejected: GetConfigurationMaxKeys is read-only", Execute("config GetConfigurationMaxKeys 5"));
        Assert.Equal("error: NotSupported: unknown configuration key NoSuchKey", Execute("config NoSuchKey 1"));
        Assert.Equal("ok: MaxCurrentA = 16", Execute("get MaxCurrentA"));
    }

    [Fact]
    public void Get_reads_a_key_but_not_a_write_only_one()
    {
        Assert.Equal("ok: FreeVend = false", Execute("get FreeVend"));
        Assert.Equal("ok: AuthorizationKey is write-only (empty)", Execute("get AuthorizationKey"));
        Assert.Equal("ok: RebootRequired", Execute("config AuthorizationKey s3cret-s3cret-s3cret"));
        Assert.Equal("ok: AuthorizationKey is write-only (set)", Execute("get AuthorizationKey"));
        Assert.Equal("error: unknown configuration key NoSuchKey", Execute("get NoSuchKey"));
    }

    [Fact]
    public void Config_before_the_store_has_loaded_is_refused()
    {
        var fresh = new VirtualWallbox();

        Assert.Equal("error: the configuration has not loaded yet", new ControlCommandExecutor(fresh).Execute("get MaxCurrentA").Text);
    }

    [Fact]
    public void Quit_answers_and_asks_to_stop()
    {
        ControlReply reply = _executor.Execute("quit");

        Assert.True(reply.Ok);
        Assert.True(reply.Quit);
        Assert.Equal("ok: stopping", reply.Text);
    }

    [Fact]
    public void Help_lists_the_grammar_and_a_bad_line_answers_an_error()
    {
        Assert.Equal("ok: " + ControlCommand.Grammar, Execute("help"));
        Assert.Equal("error: unexpected 'now' after the command", Execute("plug now"));
    }

    private string Execute(string line) => _executor.Execute(line).Text;
}
