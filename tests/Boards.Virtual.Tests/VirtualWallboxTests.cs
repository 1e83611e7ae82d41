using Wallbox.Drivers.Pilot;
using Wallbox.Hal;

namespace Wallbox.Boards.Virtual.Tests;

public sealed class VirtualWallboxTests
{
    private readonly VirtualWallbox _wallbox = new VirtualWallbox();

    [Fact]
    public void Boots_the_firmware_once_and_logs_the_start()
    {
        Assert.Equal(1, _wallbox.BootCount);
        Assert.True(_wallbox.Log.Contains("started on board virtual"));
        Assert.True(_wallbox.Hardware.Watchdog.IsArmed);
    }

    [Fact]
    public void Firmware_sees_the_EV_plug_in_as_state_B()
    {
        _wallbox.RunForMs(1000);
        Assert.Equal(PilotState.A, _wallbox.Firmware.Charging.PilotState);

        _wallbox.Hardware.PlugInEv();

        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.PilotState == PilotState.B, 100));
    }

    [Fact]
    public void A_watchdog_bite_boots_a_new_firmware_on_the_same_hardware()
    {
        _wallbox.RunForMs(100);
        var first = _wallbox.Firmware;
        _wallbox.Hardware.Ev.PlugIn();

        _wallbox.Hardware.Clock.AdvanceMs(10_000); // a pass that never ended: no feed for 10 s
        _wallbox.Step();

        Assert.Equal(2, _wallbox.BootCount);
        Assert.NotSame(first, _wallbox.Firmware);
        Assert.True(_wallbox.Hardware.Ev.IsPluggedIn);
    }

    [Fact]
    public void A_restart_request_boots_a_new_firmware_before_the_next_pass()
    {
        _wallbox.RunForMs(100);
        _wallbox.Board.ResetController.Restart();

        _wallbox.Step();

        Assert.Equal(2, _wallbox.BootCount);
        Assert.False(_wallbox.Hardware.ResetController.RestartRequested);
    }

    [Fact]
    public void A_power_cut_stops_the_firmware_and_the_return_of_mains_boots_it()
    {
        _wallbox.RunForMs(100);
        _wallbox.Hardware.CutPower();
        _wallbox.RunForMs(60_000);
        Assert.Null(_wallbox.Firmware);
        Assert.Equal(1, _wallbox.BootCount);

        _wallbox.Hardware.RestorePower();
        _wallbox.RunForMs(1000);

        Assert.Equal(2, _wallbox.BootCount);
        Assert.NotNull(_wallbox.Firmware);
        Assert.Equal(PilotState.A, _wallbox.Firmware.Charging.PilotState);
    }

    [Fact]
    public void Status_line_shows_state_pilot_offer_contactor_and_energy()
    {
        _wallbox.Hardware.PlugInEv();
        _wallbox.RunForMs(1000);

        string line = StatusLine.Format(_wallbox);

        Assert.Equal("     1.0 s | Preparing | CP B1 (9.0 V) | offer 0 A (PWM off) | contactor open | meter 0.000 kWh, 0.00 kW", line);
    }

    [Fact]
    public void Loop_period_is_the_firmware_limit()
    {
        Assert.Equal(Wallbox.Firmware.Limits.LoopPeriodMs * 1000L, _wallbox.LoopPeriodUs);
        _wallbox.RunForMs(1000);
        Assert.Equal(100, _wallbox.Firmware.Loop.PassCount);
    }

    [Fact]
    public void Board_hands_every_HAL_device_to_the_firmware()
    {
        Board board = _wallbox.Board;
        foreach (var field in typeof(Board).GetFields())
        {
            Assert.True(field.GetValue(board) != null, field.Name + " is not wired on the virtual board");
        }
    }
}
