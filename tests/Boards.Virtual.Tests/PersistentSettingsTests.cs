using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>
/// The firmware composition loads its stores from flash at boot and applies stored settings to charging: a setting
/// changed once (OCPP, web page, SMS) holds across reboots and power cuts.
/// </summary>
public sealed class PersistentSettingsTests
{
    private readonly VirtualWallbox _wallbox = new VirtualWallbox();

    [Fact]
    public void A_stored_maximum_current_limits_the_offer_at_once_and_after_a_power_cut()
    {
        _wallbox.RunForMs(2000);
        Set(ChargePointConfigKeys.MaxCurrentA, "16");
        Set(ChargePointConfigKeys.FreeVend, "true");
        _wallbox.RunForMs(500);
        Assert.Equal(16, _wallbox.Firmware.Charging.Settings.UserMaximumA);

        _wallbox.Hardware.CutPower();
        _wallbox.RunForMs(5000);
        _wallbox.Hardware.RestorePower();
        _wallbox.RunForMs(100);
        _wallbox.Hardware.PlugInEv();

        Assert.True(_wallbox.RunUntil(() => _wallbox.Firmware.Charging.IsEnergized, 30_000), "free-vend from flash did not start charging");
        Assert.InRange(_wallbox.Firmware.Charging.OfferedCurrentMa, 15_500, 16_000); // duty-cycle resolution (Table A.8)
        Assert.True(_wallbox.Firmware.Charging.SettingsApplied);
    }

    [Fact]
    public void The_offline_authorisation_mode_follows_the_configuration()
    {
        _wallbox.RunForMs(2000);
        Assert.Equal(OfflineAuthorizationMode.Whitelist, _wallbox.Firmware.Persistent.OfflinePolicy.Mode);

        Set(ChargePointConfigKeys.OfflineAuthorizationMode, "RefuseAll");
        _wallbox.RunForMs(100);

        Assert.Equal(OfflineAuthorizationMode.RefuseAll, _wallbox.Firmware.Persistent.OfflinePolicy.Mode);
    }

    [Fact]
    public void Boot_reports_what_the_stores_loaded()
    {
        _wallbox.RunForMs(2000);

        Assert.True(_wallbox.Firmware.Persistent.IsLoaded);
        Assert.True(_wallbox.Log.Contains("loaded: 0 buffered transaction(s), 0 cached idTag(s), local list v0 with 0 entries"));
    }

    [Fact]
    public void Without_the_stored_settings_the_board_defaults_apply()
    {
        var board = new ChargingSettings { UserMaximumA = 20 };
        var wallbox = new VirtualWallbox(board);
        wallbox.RunForMs(2000);

        Assert.Equal(20, wallbox.Firmware.Charging.Settings.UserMaximumA);
        Assert.Equal("20", wallbox.Firmware.Persistent.Configuration.Get(ChargePointConfigKeys.MaxCurrentA));
    }

    private void Set(string key, string value)
    {
        ConfigChangeStatus status = _wallbox.Firmware.Persistent.Configuration.TrySet(key, value, out string reason);
        Assert.True(status == ConfigChangeStatus.Accepted, key + ": " + status + " " + reason);
    }
}
