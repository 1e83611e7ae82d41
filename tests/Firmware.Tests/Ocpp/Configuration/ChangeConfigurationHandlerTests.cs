using System.Linq;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Tests.Ocpp.Rpc;
using Wallbox.Hal;

namespace Wallbox.Firmware.Tests.Ocpp.Configuration;

/// <summary>ChangeConfiguration (OCPP 1.6 §5.3) applied through the configuration store.</summary>
public sealed class ChangeConfigurationHandlerTests
{
    public static TheoryData<string> DeclaredKeys => new(ConfigurationBench.DeclaredKeyNames());

    [Theory]
    [MemberData(nameof(DeclaredKeys))]
    public void A_valid_value_is_Accepted_or_RebootRequired_per_key_and_stored_but_a_read_only_key_is_Rejected_and_kept(string name)
    {
        var bench = new ConfigurationBench();
        ConfigKey key = bench.Store.Find(name);
        foreach ((string other, string otherValue) in KeySamples.Prerequisites(key))
        {
            Assert.NotEqual(ConfigChangeStatus.Rejected, bench.Store.TrySet(other, otherValue, out _));
        }

        string before = bench.Store.Get(name);
        string value = KeySamples.Valid(key);

        ConfigurationStatus status = bench.ChangeConfiguration(name, value);

        if (key.ReadOnly)
        {
            Assert.Equal(ConfigurationStatus.Rejected, status);
            Assert.Equal(before, bench.Store.Get(name));
            Assert.Contains(name + " is read-only", bench.LogText());
            return;
        }

        Assert.Equal(key.RebootRequired ? ConfigurationStatus.RebootRequired : ConfigurationStatus.Accepted, status);
        Assert.Equal(key.Normalize(value, out _), bench.Store.Get(name));
        Assert.NotEqual(before, bench.Store.Get(name));
    }

    [Theory]
    [MemberData(nameof(DeclaredKeys))]
    public void A_value_of_the_wrong_type_out_of_range_or_not_allowed_is_Rejected_with_its_reason_logged_and_changes_nothing(string name)
    {
        var bench = new ConfigurationBench();
        ConfigKey key = bench.Store.Find(name);
        string before = bench.Store.Get(name);
        int changesBefore = bench.Store.ChangeCount;

        foreach ((string value, string why) in KeySamples.Invalid(key))
        {
            Assert.True(ConfigurationStatus.Rejected == bench.ChangeConfiguration(name, value), name + " = '" + value + "' (" + why + ") was not rejected");
            Assert.Equal(before, bench.Store.Get(name));
        }

        Assert.Equal(changesBefore, bench.Store.ChangeCount);
        Assert.All(bench.Log.Entries, e => Assert.Equal((LogLevel.Warning, "ocpp-config"), (e.Level, e.Source)));
        Assert.All(bench.Log.Entries, e => Assert.StartsWith("ChangeConfiguration " + name + ": Rejected: ", e.Message));
    }

    [Theory]
    [InlineData("NoSuchKey")]
    [InlineData("Vendor.Setting")]
    [InlineData("HeartbeatIntervalX")]
    public void An_unknown_key_is_NotSupported_and_changes_nothing(string name)
    {
        var bench = new ConfigurationBench();
        int changesBefore = bench.Store.ChangeCount;

        Assert.Equal(ConfigurationStatus.NotSupported, bench.ChangeConfiguration(name, "1"));

        Assert.Equal(changesBefore, bench.Store.ChangeCount);
        Assert.Contains("ChangeConfiguration " + name + ": NotSupported", bench.LogText());
    }

    [Fact]
    public void Key_names_are_case_insensitive_and_the_declared_key_is_changed()
    {
        var bench = new ConfigurationBench();

        Assert.Equal(ConfigurationStatus.Accepted, bench.ChangeConfiguration("heartbeatinterval", "300"));

        Assert.Equal(300, bench.Store.GetInt("HeartbeatInterval"));
        Assert.Contains("ChangeConfiguration HeartbeatInterval = '300': Accepted", bench.LogText());
    }

    [Fact]
    public void An_accepted_change_is_on_flash_after_a_power_cut()
    {
        var bench = new ConfigurationBench();

        Assert.Equal(ConfigurationStatus.Accepted, bench.ChangeConfiguration("MeterValueSampleInterval", "30"));

        var files = bench.Files.AfterPowerCycle();
        var rebooted = new ConfigurationStore(files, @"I:\config");
        ChargePointConfigKeys.Declare(rebooted, new ChargingSettings());
        OcppConfigKeys.Declare(rebooted, true);
        rebooted.StartLoad();
        for (int i = 0; i < 100 && !rebooted.IsLoaded; i++)
        {
            bench.Clock.AdvanceMs(1);
            files.Advance(bench.Clock.NowUs);
            rebooted.Tick(bench.Clock.NowMs);
        }

        Assert.Equal(30, rebooted.GetInt("MeterValueSampleInterval"));
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", ConfigurationStatus.RebootRequired)]
    [InlineData("short-secret", ConfigurationStatus.Rejected)]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0123456789", ConfigurationStatus.Rejected)]
    [InlineData("0123456789ABCDEF\u00e9", ConfigurationStatus.Rejected)]
    public void The_value_of_the_AuthorizationKey_is_never_logged_whatever_the_outcome(string secret, ConfigurationStatus expected)
    {
        var bench = new ConfigurationBench();

        Assert.Equal(expected, bench.ChangeConfiguration("AuthorizationKey", secret));

        string log = bench.LogText();
        Assert.Contains("ChangeConfiguration AuthorizationKey", log);
        Assert.DoesNotContain(secret, log);
        Assert.DoesNotContain(secret.Substring(0, 12), log);
    }

    [Fact]
    public void A_too_short_AuthorizationKey_is_Rejected_with_the_length_rule_in_the_log()
    {
        var bench = new ConfigurationBench();

        Assert.Equal(ConfigurationStatus.Rejected, bench.ChangeConfiguration("AuthorizationKey", "abc"));

        Assert.Contains("16..40 characters", bench.LogText());
        Assert.Equal(string.Empty, bench.Store.Get("AuthorizationKey"));
    }

    [Fact]
    public void An_empty_AuthorizationKey_removes_the_password()
    {
        var bench = new ConfigurationBench();
        bench.ChangeConfiguration("AuthorizationKey", "0123456789ABCDEF0123456789ABCDEF");

        Assert.Equal(ConfigurationStatus.RebootRequired, bench.ChangeConfiguration("AuthorizationKey", ""));

        Assert.Equal(string.Empty, bench.Store.Get("AuthorizationKey"));
    }

    [Fact]
    public void Setting_a_key_to_the_value_it_already_has_is_Accepted_even_for_a_reboot_key()
    {
        var bench = new ConfigurationBench();

        Assert.Equal(ConfigurationStatus.Accepted, bench.ChangeConfiguration("OcppEnabled", bench.Store.Get("OcppEnabled")));
        Assert.Equal(ConfigurationStatus.Accepted, bench.ChangeConfiguration("HeartbeatInterval", bench.Store.Get("HeartbeatInterval")));
    }

    [Fact]
    public void A_central_system_changing_a_key_over_the_wire_gets_the_status_in_a_CALLRESULT()
    {
        var bench = new ConfigurationBench();
        var rpc = new RpcBench();
        Assert.True(rpc.Rpc.RegisterHandler(bench.Change));

        Assert.Equal("[3,\"c1\",{\"status\":\"Accepted\"}]", rpc.Exchange("[2,\"c1\",\"ChangeConfiguration\",{\"key\":\"HeartbeatInterval\",\"value\":\"120\"}]").Single());
        Assert.Equal("[3,\"c2\",{\"status\":\"Rejected\"}]", rpc.Exchange("[2,\"c2\",\"ChangeConfiguration\",{\"key\":\"HeartbeatInterval\",\"value\":\"-1\"}]").Single());
        Assert.Equal("[3,\"c3\",{\"status\":\"NotSupported\"}]", rpc.Exchange("[2,\"c3\",\"ChangeConfiguration\",{\"key\":\"Nope\",\"value\":\"1\"}]").Single());
        Assert.Equal("[3,\"c4\",{\"status\":\"RebootRequired\"}]", rpc.Exchange("[2,\"c4\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"0123456789ABCDEF0123456789ABCDEF\"}]").Single());
        Assert.Equal("[3,\"c5\",{\"status\":\"RebootRequired\"}]", rpc.Exchange("[2,\"c5\",\"ChangeConfiguration\",{\"key\":\"SecurityProfile\",\"value\":\"1\"}]").Single());
        Assert.Equal(120, bench.Store.GetInt("HeartbeatInterval"));
    }

    [Theory]
    [InlineData("1", "", "ws://csms.example/ocpp", 0, "profile 1 needs the AuthorizationKey first")]
    [InlineData("2", "0123456789ABCDEF0123456789ABCDEF", "ws://csms.example/ocpp", 0, "profile 2 needs a wss:// CentralSystemUrl")]
    [InlineData("3", "0123456789ABCDEF0123456789ABCDEF", "wss://csms.example/ocpp", 0, "profile 3 (client certificates) is not supported")]
    [InlineData("1", "0123456789ABCDEF0123456789ABCDEF", "wss://csms.example/ocpp", 2, "a lower security profile than 2")]
    [InlineData("0", "0123456789ABCDEF0123456789ABCDEF", "ws://csms.example/ocpp", 1, "a lower security profile than 1")]
    public void A_SecurityProfile_the_link_could_not_connect_with_or_a_downgrade_is_Rejected_and_kept(string value, string password, string url, int current, string reason)
    {
        // Security whitepaper, Upgrade Charge Point Security Profile; OCA TC_084_CS (downgrade Rejected): the link takes
        // the profile at once, so an unusable one would cut the charge point off its central system for good.
        var bench = new ConfigurationBench();
        Assert.NotEqual(ConfigChangeStatus.Rejected, bench.Store.TrySetMany(
            new[] { "AuthorizationKey", "CentralSystemUrl", "SecurityProfile" }, new[] { password, url, current.ToString() }, 3, out _, out _));

        Assert.Equal(ConfigurationStatus.Rejected, bench.ChangeConfiguration("SecurityProfile", value));

        Assert.Equal(current, bench.Store.GetInt("SecurityProfile"));
        Assert.Contains("ChangeConfiguration SecurityProfile: Rejected: SecurityProfile: " + reason, bench.LogText());
    }

    [Theory]
    [InlineData("1", "ws://csms.example/ocpp", 0)]
    [InlineData("2", "wss://csms.example/ocpp", 0)]
    [InlineData("2", "wss://csms.example/ocpp", 1)]
    [InlineData("2", "wss://csms.example/ocpp", 2)]
    public void A_SecurityProfile_upgrade_the_link_can_connect_with_is_RebootRequired_or_Accepted_when_unchanged(string value, string url, int current)
    {
        var bench = new ConfigurationBench();
        Assert.NotEqual(ConfigChangeStatus.Rejected, bench.Store.TrySetMany(
            new[] { "AuthorizationKey", "CentralSystemUrl", "SecurityProfile" }, new[] { "0123456789ABCDEF0123456789ABCDEF", url, current.ToString() }, 3, out _, out _));

        var expected = value == current.ToString() ? ConfigurationStatus.Accepted : ConfigurationStatus.RebootRequired;
        Assert.Equal(expected, bench.ChangeConfiguration("SecurityProfile", value));

        Assert.Equal(value, bench.Store.Get("SecurityProfile"));
    }

    [Fact]
    public void The_central_system_cannot_switch_OCPP_off_and_lock_itself_out()
    {
        var bench = new ConfigurationBench();

        Assert.Equal(ConfigurationStatus.Rejected, bench.ChangeConfiguration("OcppEnabled", "false"));

        Assert.Equal("true", bench.Store.Get("OcppEnabled"));
        Assert.Equal(ConfigurationStatus.Accepted, bench.ChangeConfiguration("OcppEnabled", "TRUE"));
    }
}
