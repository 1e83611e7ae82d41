using System;
using System.Linq;
using System.Text.Json;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Tests.Ocpp.Rpc;

namespace Wallbox.Firmware.Tests.Ocpp.Configuration;

/// <summary>GetConfiguration (OCPP 1.6 §5.8) answered from the configuration store.</summary>
public sealed class GetConfigurationHandlerTests
{
    public static TheoryData<string> DeclaredKeys => new(ConfigurationBench.DeclaredKeyNames());

    [Theory]
    [MemberData(nameof(DeclaredKeys))]
    public void A_requested_key_is_answered_with_its_current_value_and_readonly_flag_unless_it_is_write_only(string name)
    {
        var bench = new ConfigurationBench();
        ConfigKey key = bench.Store.Find(name);

        GetConfigurationConfirmation answer = bench.GetConfiguration(new[] { name });

        if (key.WriteOnly)
        {
            Assert.Empty(answer.ConfigurationKey);
            Assert.Equal(new[] { name }, answer.UnknownKey);
            return;
        }

        KeyValue entry = Assert.Single(answer.ConfigurationKey);
        Assert.Equal((name, key.ReadOnly, bench.Store.Get(name)), (entry.Key, entry.Readonly, entry.Value));
        Assert.Null(answer.UnknownKey);
    }

    [Theory]
    [MemberData(nameof(DeclaredKeys))]
    public void Without_a_key_list_every_declared_key_is_answered_once_except_write_only_ones(string name)
    {
        var bench = new ConfigurationBench();
        ConfigKey key = bench.Store.Find(name);

        GetConfigurationConfirmation answer = bench.GetConfiguration(null);

        KeyValue[] entries = answer.ConfigurationKey.Where(e => e.Key == name).ToArray();
        Assert.Equal(key.WriteOnly ? 0 : 1, entries.Length);
        if (!key.WriteOnly)
        {
            Assert.Equal((key.ReadOnly, bench.Store.Get(name)), (entries[0].Readonly, entries[0].Value));
        }

        Assert.Null(answer.UnknownKey);
    }

    [Fact]
    public void An_empty_key_list_is_answered_like_no_list_with_every_readable_key()
    {
        var bench = new ConfigurationBench();
        int readable = Enumerable.Range(0, bench.Store.KeyCount).Count(i => !bench.Store.KeyAt(i).WriteOnly);

        Assert.Equal(readable, bench.GetConfiguration(Array.Empty<string>()).ConfigurationKey.Length);
        Assert.Equal(readable, bench.GetConfiguration(null).ConfigurationKey.Length);
    }

    [Fact]
    public void Unknown_keys_are_listed_as_unknown_in_the_spelling_requested_beside_the_known_ones()
    {
        var bench = new ConfigurationBench();

        GetConfigurationConfirmation answer = bench.GetConfiguration(new[] { "NoSuchKey", "HeartbeatInterval", "Vendor.Thing" });

        Assert.Equal(new[] { "HeartbeatInterval" }, answer.ConfigurationKey.Select(e => e.Key));
        Assert.Equal(new[] { "NoSuchKey", "Vendor.Thing" }, answer.UnknownKey);
    }

    [Fact]
    public void Key_names_are_case_insensitive_and_answered_with_the_declared_spelling()
    {
        var bench = new ConfigurationBench();

        GetConfigurationConfirmation answer = bench.GetConfiguration(new[] { "heartbeatINTERVAL" });

        KeyValue entry = Assert.Single(answer.ConfigurationKey);
        Assert.Equal(("HeartbeatInterval", "900"), (entry.Key, entry.Value));
    }

    [Fact]
    public void The_AuthorizationKey_is_never_read_back_it_is_unknown_when_asked_for_in_any_spelling()
    {
        var bench = new ConfigurationBench();
        const string secret = "0123456789ABCDEF0123456789ABCDEF";
        Assert.Equal(ConfigurationStatus.RebootRequired, bench.ChangeConfiguration("AuthorizationKey", secret));

        GetConfigurationConfirmation all = bench.GetConfiguration(null);
        Assert.DoesNotContain(all.ConfigurationKey, e => e.Key == "AuthorizationKey");
        Assert.DoesNotContain(secret, ConfigurationBench.EncodeCallResult(all, 8192));

        GetConfigurationConfirmation asked = bench.GetConfiguration(new[] { "AuthorizationKey", "authorizationkey" });
        Assert.Empty(asked.ConfigurationKey);
        Assert.Equal(new[] { "AuthorizationKey", "authorizationkey" }, asked.UnknownKey);
        Assert.DoesNotContain(secret, ConfigurationBench.EncodeCallResult(asked, 8192));
        Assert.DoesNotContain(secret, bench.LogText());
    }

    [Fact]
    public void The_answer_without_a_key_list_fits_one_8_KiB_frame_even_with_the_longest_URL_and_identity()
    {
        var bench = new ConfigurationBench();
        Assert.Equal(ConfigurationStatus.RebootRequired, bench.ChangeConfiguration("CentralSystemUrl", "wss://" + new string('u', 255 - 6)));
        Assert.Equal(ConfigurationStatus.RebootRequired, bench.ChangeConfiguration("ChargePointIdentity", new string('i', 48)));

        GetConfigurationConfirmation answer = bench.GetConfiguration(null);
        string frame = ConfigurationBench.EncodeCallResult(answer, 8192);

        Assert.NotNull(frame);
        Assert.True(frame.Length > 0);
        Assert.Equal(bench.Store.KeyCount - 1, answer.ConfigurationKey.Length);
        Assert.DoesNotContain("answered", bench.LogText());
    }

    [Fact]
    public void GetConfigurationMaxKeys_tells_the_central_system_it_may_ask_for_every_key_at_once()
    {
        var bench = new ConfigurationBench();

        Assert.True(bench.Store.GetInt(OcppConfigKeys.GetConfigurationMaxKeys) >= bench.Store.KeyCount);
        Assert.Equal(ConfigurationStore.MaxKeys, bench.Store.GetInt(OcppConfigKeys.GetConfigurationMaxKeys));
    }

    [Fact]
    public void Every_key_requested_by_name_at_once_is_answered_in_one_frame()
    {
        var bench = new ConfigurationBench();
        string[] names = ConfigurationBench.DeclaredKeyNames();

        GetConfigurationConfirmation answer = bench.GetConfiguration(names);

        Assert.Equal(names.Length - 1, answer.ConfigurationKey.Length);
        Assert.Equal(new[] { "AuthorizationKey" }, answer.UnknownKey);
        Assert.NotNull(ConfigurationBench.EncodeCallResult(answer, 8192));
    }

    [Fact]
    public void Keys_beyond_GetConfigurationMaxKeys_are_left_out_and_logged_instead_of_reported_as_unknown()
    {
        var bench = new ConfigurationBench();
        string[] names = Enumerable.Range(0, OcppConfigKeys.MaxKeysPerGetConfiguration).Select(i => "Unknown" + i).Append("HeartbeatInterval").ToArray();

        GetConfigurationConfirmation answer = bench.GetConfiguration(names);

        Assert.Empty(answer.ConfigurationKey);
        Assert.Equal(OcppConfigKeys.MaxKeysPerGetConfiguration, answer.UnknownKey.Length);
        Assert.DoesNotContain("HeartbeatInterval", answer.UnknownKey);
        Assert.Contains("answered 96 of 97 keys", bench.LogText());
    }

    [Fact]
    public void An_answer_too_long_for_the_frame_is_cut_after_the_last_key_that_fits_so_it_can_always_be_sent()
    {
        var bench = new ConfigurationBench(maxFrameBytes: 1024);

        GetConfigurationConfirmation all = bench.GetConfiguration(null);
        Assert.InRange(all.ConfigurationKey.Length, 1, bench.Store.KeyCount - 2);
        Assert.Equal(bench.Store.KeyAt(0).Name, all.ConfigurationKey[0].Key);
        Assert.NotNull(ConfigurationBench.EncodeCallResult(all, 1024));

        GetConfigurationConfirmation named = bench.GetConfiguration(Enumerable.Range(0, 90).Select(i => new string('k', 40) + i).ToArray());
        Assert.InRange(named.UnknownKey.Length, 1, 89);
        Assert.Equal(new string('k', 40) + "0", named.UnknownKey[0]);
        Assert.NotNull(ConfigurationBench.EncodeCallResult(named, 1024));
        Assert.Contains("one frame of 1024 bytes", bench.LogText());
    }

    [Fact]
    public void A_central_system_asking_over_the_wire_gets_a_valid_CALLRESULT_with_every_readable_key()
    {
        var bench = new ConfigurationBench();
        var rpc = new RpcBench();
        Assert.True(rpc.Rpc.RegisterHandler(bench.Get));

        string reply = Assert.Single(rpc.Exchange("[2,\"g1\",\"GetConfiguration\",{\"key\":[\"HeartbeatInterval\",\"AuthorizationKey\",\"Nope\"]}]"));
        string everything = Assert.Single(rpc.Exchange("[2,\"g2\",\"GetConfiguration\",{}]"));

        using JsonDocument named = JsonDocument.Parse(reply);
        Assert.Equal(3, named.RootElement[0].GetInt32());
        JsonElement payload = named.RootElement[2];
        Assert.Equal("{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"900\"}", payload.GetProperty("configurationKey")[0].GetRawText());
        Assert.Equal(new[] { "AuthorizationKey", "Nope" }, payload.GetProperty("unknownKey").EnumerateArray().Select(e => e.GetString()));
        using JsonDocument all = JsonDocument.Parse(everything);
        Assert.Equal(bench.Store.KeyCount - 1, all.RootElement[2].GetProperty("configurationKey").GetArrayLength());
    }
}
