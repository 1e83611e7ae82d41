using System;
using System.Linq;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>The command line of the virtual wallbox: central system, identity, security, configuration, control port.</summary>
public sealed class VirtualWallboxOptionsTests
{
    [Fact]
    public void Without_options_it_runs_standalone_with_no_configuration_and_no_control_port()
    {
        var options = VirtualWallboxOptions.Parse(Array.Empty<string>());

        Assert.False(options.UsesRealNetwork);
        Assert.Empty(options.ConfigurationEntries());
        Assert.Null(options.ControlPort);
    }

    [Fact]
    public void A_central_system_url_and_identity_become_configuration_and_use_the_real_network()
    {
        var options = Parse("--csms-url ws://127.0.0.1:9000/ocpp/ --identity CP-1 --control-port 8765");

        Assert.True(options.UsesRealNetwork);
        Assert.Equal(8765, options.ControlPort);
        Assert.Equal(
            new[] { ("CentralSystemUrl", "ws://127.0.0.1:9000/ocpp/"), ("ChargePointIdentity", "CP-1") },
            options.ConfigurationEntries().Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void A_password_selects_security_profile_1()
    {
        var options = Parse("--csms-url ws://csms.example/ocpp/ --identity CP-1 --password secret-key-0123456");

        Assert.Contains(("AuthorizationKey", "secret-key-0123456"), options.ConfigurationEntries().Select(e => (e.Key, e.Value)));
        Assert.Contains(("SecurityProfile", "1"), options.ConfigurationEntries().Select(e => (e.Key, e.Value)));
    }

    [Fact]
    public void An_explicit_security_profile_wins_over_the_one_the_password_implies()
    {
        var options = Parse("--csms-url wss://csms.example/ocpp/ --identity CP-1 --password pw --security-profile 2");

        Assert.Equal(new[] { "2" }, options.ConfigurationEntries().Where(e => e.Key == "SecurityProfile").Select(e => e.Value));
    }

    [Fact]
    public void Config_entries_are_repeatable_keep_their_order_come_last_and_may_be_empty_or_contain_equals_signs()
    {
        var options = Parse("--csms-url ws://h/ --identity A --config HeartbeatInterval=30 --config UnlockBadgeIdTag= --config MeterValuesSampledData=a=b --free-vend");

        Assert.True(options.FreeVend);
        Assert.Equal(
            new[] { ("CentralSystemUrl", "ws://h/"), ("ChargePointIdentity", "A"), ("HeartbeatInterval", "30"), ("UnlockBadgeIdTag", string.Empty), ("MeterValuesSampledData", "a=b") },
            options.ConfigurationEntries().Select(e => (e.Key, e.Value)));
        Assert.Equal("--config HeartbeatInterval=30", options.ConfigurationEntries()[2].Source);
    }

    [Fact]
    public void A_url_given_as_configuration_also_uses_the_real_network()
    {
        Assert.True(Parse("--config CentralSystemUrl=ws://h/ --config ChargePointIdentity=A").UsesRealNetwork);
        Assert.False(Parse("--config HeartbeatInterval=30").UsesRealNetwork);
    }

    [Fact]
    public void The_existing_options_still_parse()
    {
        var options = Parse("--duration 5 --speed 10 --status-interval 0.5 --plug-ev-after 1");

        Assert.Equal(5, options.DurationSeconds);
        Assert.Equal(10, options.Speed);
        Assert.Equal(0.5, options.StatusIntervalSeconds);
        Assert.Equal(1, options.PlugEvAfterSeconds);
        Assert.True(Parse("--help").ShowHelp);
    }

    [Theory]
    [InlineData("--csms-url http://h/ --identity A", "--csms-url needs a ws:// or wss:// URL, got 'http://h/'")]
    [InlineData("--csms-url ws:// --identity A", "--csms-url needs a ws:// or wss:// URL, got 'ws://'")]
    [InlineData("--csms-url", "--csms-url needs a value")]
    [InlineData("--csms-url ws://h/", "--csms-url needs --identity")]
    [InlineData("--identity A", "--identity needs --csms-url")]
    [InlineData("--csms-url ws://h/ --identity", "--identity needs a value")]
    [InlineData("--csms-url ws://h/ --identity \"\"", "--identity needs a non-empty value")]
    [InlineData("--password pw", "--password needs --csms-url")]
    [InlineData("--csms-url ws://h/ --identity A --password \"\"", "--password needs a non-empty value")]
    [InlineData("--csms-url ws://h/ --identity A --security-profile 3", "--security-profile needs a whole number from 0 to 2, got '3'")]
    [InlineData("--csms-url ws://h/ --identity A --security-profile -1", "--security-profile needs a whole number from 0 to 2, got '-1'")]
    [InlineData("--csms-url ws://h/ --identity A --security-profile one", "--security-profile needs a whole number from 0 to 2, got 'one'")]
    [InlineData("--security-profile 0", "--security-profile needs --csms-url")]
    [InlineData("--csms-url ws://h/ --identity A --security-profile 1", "--security-profile 1 needs --password")]
    [InlineData("--csms-url ws://h/ --identity A --password pw --security-profile 2", "--security-profile 2 needs a wss:// URL")]
    [InlineData("--config HeartbeatInterval", "--config needs KEY=VALUE, got 'HeartbeatInterval'")]
    [InlineData("--config =30", "--config needs KEY=VALUE, got '=30'")]
    [InlineData("--config", "--config needs a value")]
    [InlineData("--control-port 0", "--control-port needs a whole number from 1 to 65535, got '0'")]
    [InlineData("--control-port 65536", "--control-port needs a whole number from 1 to 65535, got '65536'")]
    [InlineData("--control-port http", "--control-port needs a whole number from 1 to 65535, got 'http'")]
    [InlineData("--duration soon", "--duration needs a non-negative number, got 'soon'")]
    [InlineData("--speed 0", "--speed must be greater than 0")]
    [InlineData("--csms", "unknown option '--csms'")]
    public void Bad_options_are_refused_with_a_clear_message(string arguments, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => Parse(arguments));

        Assert.Equal(message, ex.Message);
    }

    private static VirtualWallboxOptions Parse(string arguments) =>
        VirtualWallboxOptions.Parse(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a == "\"\"" ? string.Empty : a).ToArray());
}
