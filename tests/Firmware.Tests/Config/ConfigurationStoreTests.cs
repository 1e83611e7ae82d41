using System;
using Wallbox.Firmware.Config;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Config;

public sealed class ConfigurationStoreTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private SimulatedFileStore _store = new SimulatedFileStore();

    [Fact]
    public void Declared_defaults_apply_until_a_value_is_stored_and_stored_values_survive_a_reboot()
    {
        ConfigurationStore config = Load();
        Assert.Equal(60, config.GetInt("HeartbeatInterval"));

        Assert.Equal(ConfigChangeStatus.Accepted, config.TrySet("HeartbeatInterval", "900", out _));
        Pump(config);

        Assert.Equal(900, Reboot().GetInt("HeartbeatInterval"));
    }

    [Theory]
    [InlineData("HeartbeatInterval", "abc", "must be an integer")]
    [InlineData("HeartbeatInterval", "-5", "must be 0..86400")]
    [InlineData("HeartbeatInterval", "99999999999", "must be an integer")]
    [InlineData("FreeVend", "yes", "must be true or false")]
    [InlineData("OfflineMode", "Maybe", "must be one of Whitelist, AcceptAll, RefuseAll")]
    [InlineData("CentralSystemUrl", "http://example.org", "must start with ws://, wss://")]
    public void Invalid_values_are_rejected_with_a_clear_reason_and_change_nothing(string key, string value, string reason)
    {
        ConfigurationStore config = Load();
        string before = config.Get(key);

        Assert.Equal(ConfigChangeStatus.Rejected, config.TrySet(key, value, out string why));

        Assert.Contains(reason, why);
        Assert.Equal(before, config.Get(key));
    }

    [Fact]
    public void Unknown_keys_are_not_supported_and_read_only_keys_are_rejected()
    {
        ConfigurationStore config = Load();

        Assert.Equal(ConfigChangeStatus.NotSupported, config.TrySet("NoSuchKey", "1", out _));
        Assert.Equal(ConfigChangeStatus.Rejected, config.TrySet("NumberOfConnectors", "2", out string why));
        Assert.Contains("read-only", why);
    }

    [Fact]
    public void A_change_to_a_reboot_key_says_so()
    {
        ConfigurationStore config = Load();

        Assert.Equal(ConfigChangeStatus.RebootRequired, config.TrySet("CentralSystemUrl", "wss://csms.example/ocpp", out _));
    }

    [Fact]
    public void Several_changes_apply_all_or_nothing()
    {
        ConfigurationStore config = Load();

        ConfigChangeStatus status = config.TrySetMany(new[] { "HeartbeatInterval", "FreeVend" }, new[] { "300", "perhaps" }, 2, out int failing, out _);

        Assert.Equal((ConfigChangeStatus.Rejected, 1), (status, failing));
        Assert.Equal(60, config.GetInt("HeartbeatInterval"));
    }

    [Fact]
    public void Booleans_and_integers_are_stored_normalized()
    {
        ConfigurationStore config = Load();
        config.TrySet("FreeVend", "TRUE", out _);
        config.TrySet("HeartbeatInterval", "0900", out _);

        Assert.Equal("true", config.Get("FreeVend"));
        Assert.Equal("900", config.Get("HeartbeatInterval"));
    }

    [Fact]
    public void A_write_torn_by_a_power_cut_boots_the_previous_configuration()
    {
        ConfigurationStore config = Load();
        config.TrySet("HeartbeatInterval", "300", out _);
        Pump(config);
        config.TrySet("HeartbeatInterval", "600", out _);
        Pump(config);
        config.TrySet("HeartbeatInterval", "900", out _);
        Pump(config);
        byte[] newest = _store.ReadFileDirect(@"I:\config.a");
        _store.WriteFileDirect(@"I:\config.a", newest.AsSpan(0, newest.Length / 2).ToArray());

        ConfigurationStore rebooted = Reboot();

        Assert.Equal(600, rebooted.GetInt("HeartbeatInterval"));
        Assert.True(rebooted.Record.FellBackToPreviousCopy);
    }

    [Fact]
    public void Non_ASCII_text_round_trips()
    {
        ConfigurationStore config = Load();
        config.TrySet("Apn", "orange.fr-éà", out _);
        Pump(config);

        Assert.Equal("orange.fr-éà", Reboot().Get("Apn"));
    }

    private static void Declare(ConfigurationStore config)
    {
        config.Declare(ConfigKey.Integer("HeartbeatInterval", 60, 0, 86400));
        config.Declare(ConfigKey.Boolean("FreeVend", false));
        config.Declare(ConfigKey.Text("OfflineMode", "Whitelist", 16).OneOf(new[] { "Whitelist", "AcceptAll", "RefuseAll" }));
        config.Declare(ConfigKey.Text("CentralSystemUrl", string.Empty, 255).StartingWith(new[] { "ws://", "wss://" }).NeedingReboot());
        config.Declare(ConfigKey.Integer("NumberOfConnectors", 1, 1, 1).AsReadOnly());
        config.Declare(ConfigKey.Text("Apn", string.Empty, 100));
    }

    private ConfigurationStore Load()
    {
        var config = new ConfigurationStore(_store, @"I:\config");
        Declare(config);
        config.StartLoad();
        Pump(config);
        Assert.True(config.IsLoaded);
        return config;
    }

    private ConfigurationStore Reboot()
    {
        _store = _store.AfterPowerCycle();
        return Load();
    }

    private void Pump(ConfigurationStore config)
    {
        for (int i = 0; i < 100; i++)
        {
            _clock.AdvanceMs(1);
            _store.Advance(_clock.NowUs);
            config.Tick(_clock.NowMs);
        }
    }
}
