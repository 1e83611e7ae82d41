using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Connection;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>Configuration from the command line goes into the firmware's store at start, after it has loaded.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public void The_central_system_options_reach_the_OCPP_link_without_a_reboot()
    {
        var wallbox = new VirtualWallbox();
        var options = VirtualWallboxOptions.Parse(new[] { "--csms-url", "ws://csms.example/ocpp", "--identity", "CP-7", "--password", "s3cret-s3cret-s3cret" });

        Assert.Null(StartupConfiguration.Apply(wallbox, options.ConfigurationEntries()));

        Assert.True(wallbox.RunUntil(() => wallbox.Firmware.Ocpp.Connection.State == OcppConnectionState.Connected, 5000));
        Assert.Equal(1, wallbox.BootCount);
        Assert.Equal("ws://csms.example/ocpp/CP-7", wallbox.Hardware.WebSocket.LastOptions.Url);
        Assert.Equal("Basic " + System.Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("CP-7:s3cret-s3cret-s3cret")), wallbox.Hardware.WebSocket.LastOptions.Authorization);
        Assert.Equal(1, wallbox.Firmware.Persistent.Configuration.GetInt("SecurityProfile"));
    }

    [Fact]
    public void Any_configuration_key_can_be_set_and_holds_across_a_power_cut()
    {
        var wallbox = new VirtualWallbox();
        var options = VirtualWallboxOptions.Parse(new[] { "--config", "MaxCurrentA=16", "--config", "HeartbeatInterval=30" });

        Assert.Null(StartupConfiguration.Apply(wallbox, options.ConfigurationEntries()));
        wallbox.RunForMs(1000); // the flash write completes
        wallbox.Hardware.CutPower();
        wallbox.RunForMs(1000);
        wallbox.Hardware.RestorePower();
        Assert.True(wallbox.RunUntil(() => wallbox.Firmware?.Persistent.Configuration.IsLoaded == true, 5000));

        Assert.Equal("16", wallbox.Firmware.Persistent.Configuration.Get(ChargePointConfigKeys.MaxCurrentA));
        Assert.Equal("30", wallbox.Firmware.Persistent.Configuration.Get("HeartbeatInterval"));
    }

    [Fact]
    public void A_refused_value_names_the_option_and_the_store_reason_and_changes_nothing()
    {
        var wallbox = new VirtualWallbox();
        var options = VirtualWallboxOptions.Parse(new[] { "--csms-url", "ws://h/", "--identity", "A", "--config", "MaxCurrentA=99" });

        string error = StartupConfiguration.Apply(wallbox, options.ConfigurationEntries());

        Assert.NotNull(error);
        Assert.StartsWith("--config MaxCurrentA=99 refused (Rejected): ", error);
        Assert.Equal(string.Empty, wallbox.Firmware.Persistent.Configuration.Get(ChargePointConfigKeys.CentralSystemUrl));
    }

    [Fact]
    public void A_refused_secret_is_not_repeated_in_the_message()
    {
        var wallbox = new VirtualWallbox();
        var options = VirtualWallboxOptions.Parse(new[] { "--config", "AuthorizationKey=short" });

        string error = StartupConfiguration.Apply(wallbox, options.ConfigurationEntries());

        Assert.StartsWith("--config AuthorizationKey=(hidden) refused (Rejected): ", error);
        Assert.DoesNotContain("short", error);
    }

    [Fact]
    public void An_unknown_key_is_refused_as_not_supported()
    {
        var wallbox = new VirtualWallbox();
        var options = VirtualWallboxOptions.Parse(new[] { "--config", "NoSuchKey=1" });

        Assert.Equal("--config NoSuchKey=1 refused (NotSupported): unknown configuration key NoSuchKey", StartupConfiguration.Apply(wallbox, options.ConfigurationEntries()));
    }
}
