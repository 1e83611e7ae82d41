using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Rfid;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Tests.Ocpp.Configuration;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// GetConfiguration (OCPP 1.6 §5.8) and ChangeConfiguration (§5.3) for every declared key, through the strict central
/// system: the store's definitions (docs/configuration-keys.md) are what the central system sees and may change.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class ConfigurationScenarios
{
    /// <summary>
    /// Keys of the link's settings: a change closes the connection and reconnects at once (WBX-08, OcppConnection.Apply;
    /// WebSocketPingInterval too, as the keep-alive is a connect option of the transport), and a valid URL, identity,
    /// password or profile other than the scenario's would cut it off for good. Their "valid value" here is the value
    /// they have, so the scenario keeps its connection;
    /// <see cref="A_new_AuthorizationKey_is_RebootRequired_and_the_link_reconnects_with_it_as_its_Basic_auth_password"/>
    /// changes one of them for real.
    /// </summary>
    private static readonly string[] ConnectionKeys =
    {
        ChargePointConfigKeys.CentralSystemUrl,
        ChargePointConfigKeys.ChargePointIdentity,
        ChargePointConfigKeys.AuthorizationKey,
        OcppConfigKeys.OcppEnabled,
        OcppConfigKeys.SecurityProfile,
        OcppConfigKeys.WebSocketPingInterval,
    };

    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public ConfigurationScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void GetConfiguration_without_keys_lists_every_declared_key_with_its_value_and_readonly_flag_except_the_write_only_AuthorizationKey()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "getconfig-all", _output);
        cp.WaitForAcceptedBoot();
        ConfigurationStore store = Store(cp);

        // §5.8: no key list: every key; FXP-K63: AuthorizationKey is never readable.
        var answer = cp.CallPaced("GetConfiguration", new JsonObject());
        Assert.False(answer.IsError, answer.ToString());
        var listed = answer.Result["configurationKey"]!.AsArray().Select(k => k!.AsObject()).ToList();
        Assert.Null(answer.Result["unknownKey"]);
        List<ConfigKey> declared = Keys(store);
        Assert.Equal(declared.Where(k => !k.WriteOnly).Select(k => k.Name), listed.Select(k => (string)k["key"]));
        Assert.DoesNotContain(listed, k => (string)k["key"] == ChargePointConfigKeys.AuthorizationKey);
        foreach (JsonObject entry in listed)
        {
            ConfigKey key = store.Find((string)entry["key"]);
            Assert.True(key.ReadOnly == (bool)entry["readonly"], key.Name + " readonly");
            Assert.True(store.Get(key.Name) == (string)entry["value"], key.Name + " value");
        }

        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void GetConfiguration_with_a_key_list_answers_the_known_keys_and_lists_unknown_ones_and_the_write_only_key_as_unknown()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "getconfig-some", _output);
        cp.WaitForAcceptedBoot();
        ConfigurationStore store = Store(cp);

        // Every declared key by name (GetConfigurationMaxKeys = 96 allows it), one in another case (§7 CiString: case
        // insensitive), one unknown key; the write-only keys (AuthorizationKey, FXP-K63, and RfidDesfireKey) are
        // answered as unknown.
        var names = Keys(store).Select(k => k.Name).ToList();
        names[names.IndexOf(OcppConfigKeys.HeartbeatInterval)] = "heartbeatINTERVAL";
        names.Add("NoSuchKey");
        var answer = cp.CallPaced("GetConfiguration", new JsonObject { ["key"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()) });
        Assert.False(answer.IsError, answer.ToString());
        var known = answer.Result["configurationKey"]!.AsArray().Select(k => (string)k!["key"]).ToList();
        var unknown = answer.Result["unknownKey"]!.AsArray().Select(k => (string)k).ToList();
        Assert.Equal(Keys(store).Where(k => !k.WriteOnly).Select(k => k.Name), known);
        Assert.Equal(new[] { ChargePointConfigKeys.AuthorizationKey, CardAuthenticationConfigKeys.RfidDesfireKey, "NoSuchKey" }, unknown);

        // A short list: only what was asked.
        var two = cp.CallPaced("GetConfiguration", new JsonObject { ["key"] = new JsonArray("MeterValueSampleInterval", "Vendor.Nope") });
        Assert.Equal("MeterValueSampleInterval", (string)two.Result["configurationKey"]![0]!["key"]);
        Assert.Equal("60", (string)two.Result["configurationKey"]![0]!["value"]);
        Assert.Single(two.Result["configurationKey"]!.AsArray());
        Assert.Equal("Vendor.Nope", (string)two.Result["unknownKey"]![0]);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void ChangeConfiguration_of_every_declared_key_accepts_a_valid_value_rejects_invalid_ones_and_read_only_keys_and_an_unknown_key_is_NotSupported()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "changeconfig-all", _output);
        cp.WaitForAcceptedBoot();
        ConfigurationStore store = Store(cp);
        var checkedKeys = new List<string>();

        foreach (ConfigKey key in Keys(store))
        {
            string before = store.Get(key.Name);
            if (key.ReadOnly)
            {
                // §5.3: a key the central system may not change is Rejected, even with the value it has.
                Assert.True("Rejected" == Change(cp, key.Name, KeySamples.Valid(key)), key.Name + " is read-only");
                Assert.True("Rejected" == Change(cp, key.Name, before), key.Name + " is read-only");
                Assert.Equal(before, Read(cp, key));
                checkedKeys.Add(key.Name);
                continue;
            }

            // A valid value: Accepted, or RebootRequired for a key that takes effect after a reboot when it changes;
            // then the previous value again.
            string value = ConnectionKeys.Contains(key.Name) ? before : KeySamples.Valid(key);
            bool changes = key.Normalize(value, out _) != before;
            string expected = key.RebootRequired && changes ? "RebootRequired" : "Accepted";
            Assert.True(expected == Change(cp, key.Name, value), key.Name + " = '" + value + "' should be " + expected);
            Assert.Equal(key.Normalize(value, out _), Read(cp, key));
            Assert.True(expected == Change(cp, key.Name, before), key.Name + " back to '" + before + "' should be " + expected);
            Assert.Equal(before, Read(cp, key));

            // Invalid values (wrong type, out of range, not allowed, refused by the key's rule): Rejected, nothing
            // changes (FXP-48, FXP-58).
            foreach ((string invalid, string why) in KeySamples.Invalid(key))
            {
                Assert.True("Rejected" == Change(cp, key.Name, invalid), key.Name + " = '" + invalid + "' (" + why + ") should be Rejected");
            }

            Assert.Equal(before, Read(cp, key));
            checkedKeys.Add(key.Name);
        }

        Assert.Equal(store.KeyCount, checkedKeys.Count);

        // §5.3: a key the charge point does not have.
        Assert.Equal("NotSupported", Change(cp, "NoSuchKey", "1"));
        Assert.Equal("NotSupported", Change(cp, "Vendor.HeartbeatInterval", "60"));

        // §7 CiString50: key names are case insensitive.
        Assert.Equal("Accepted", Change(cp, "heartbeatinterval", "120"));
        Assert.Equal("120", store.Get(OcppConfigKeys.HeartbeatInterval));

        // Still connected and registered on the same connection: no change above touched the link.
        Assert.True(cp.ChargePoint.Session.IsOnline);
        Assert.Equal(1, cp.Wallbox.Firmware.Ocpp.Connection.ConnectCount);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_new_AuthorizationKey_is_RebootRequired_and_the_link_reconnects_with_it_as_its_Basic_auth_password()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "changeconfig-authkey", _output);
        cp.WaitForAcceptedBoot();
        string password = KeySamples.Valid(Store(cp).Find(ChargePointConfigKeys.AuthorizationKey));
        int connects = cp.Wallbox.Firmware.Ocpp.Connection.ConnectCount;

        // From now on the central system wants the password (security profile 1 style Basic auth, FXP-K63).
        _csms.Peer.SetPassword(cp.Identity, password);
        int mark = _csms.Peer.EventCount;

        // The answer goes out first, then the link reconnects with the new key (WBX-08), well before any reboot.
        Assert.Equal("RebootRequired", Change(cp, ChargePointConfigKeys.AuthorizationKey, password));
        cp.RunUntil(() => cp.Wallbox.Firmware.Ocpp.Connection.ConnectCount > connects && cp.ChargePoint.Session.IsOnline, 60_000, "the reconnection");
        var connected = _csms.Peer.WaitForConnected(cp.Identity, mark);
        Assert.StartsWith("Basic ", connected.GetString("authorization"));
        Assert.DoesNotContain(cp.Events.Where(e => e.Index >= mark), e => e.Is("rejected", cp.Identity));

        // Write-only: GetConfiguration does not show it, by name or in the full list.
        var answer = cp.CallPaced("GetConfiguration", new JsonObject { ["key"] = new JsonArray(ChargePointConfigKeys.AuthorizationKey) });
        Assert.Equal(ChargePointConfigKeys.AuthorizationKey, (string)answer.Result["unknownKey"]![0]);
        Assert.DoesNotContain(cp.Events.Where(e => e.Index >= mark), e => e.Is("received", cp.Identity) && e.GetString("text").Contains(password));
        _csms.Peer.SetPassword(cp.Identity, null);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_SecurityProfile_the_link_could_not_connect_with_is_Rejected_and_the_charge_point_stays_connected()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "changeconfig-profile", _output);
        cp.WaitForAcceptedBoot();
        int connects = cp.Wallbox.Firmware.Ocpp.Connection.ConnectCount;

        // Security whitepaper, Upgrade Charge Point Security Profile: profile 1 needs the AuthorizationKey, 2 a wss://
        // URL (the scenario's is ws://), 3 client certificates (not supported). Accepting any of them would cut the
        // charge point off its central system for good.
        foreach (string profile in new[] { "1", "2", "3" })
        {
            Assert.True("Rejected" == Change(cp, OcppConfigKeys.SecurityProfile, profile), "SecurityProfile " + profile);
        }

        Assert.Equal("0", Read(cp, Store(cp).Find(OcppConfigKeys.SecurityProfile)));
        cp.Run(10_000);
        Assert.True(cp.ChargePoint.Session.IsOnline);
        Assert.Equal(connects, cp.Wallbox.Firmware.Ocpp.Connection.ConnectCount);
        cp.AssertNoSchemaViolations();
    }

    private static ConfigurationStore Store(ScenarioWallbox cp) => cp.Wallbox.Firmware.Persistent.Configuration;

    private static List<ConfigKey> Keys(ConfigurationStore store) => Enumerable.Range(0, store.KeyCount).Select(store.KeyAt).ToList();

    private static string Change(ScenarioWallbox cp, string key, string value)
    {
        var answer = cp.CallPaced("ChangeConfiguration", new JsonObject { ["key"] = key, ["value"] = value });
        Assert.False(answer.IsError, key + ": " + answer);
        return (string)answer.Result["status"];
    }

    /// <summary>The key's value as GetConfiguration reports it; for a write-only key (not readable) the store's.</summary>
    private static string Read(ScenarioWallbox cp, ConfigKey key)
    {
        if (key.WriteOnly)
        {
            return Store(cp).Get(key.Name);
        }

        var answer = cp.CallPaced("GetConfiguration", new JsonObject { ["key"] = new JsonArray(key.Name) });
        Assert.False(answer.IsError, key.Name + ": " + answer);
        JsonObject entry = answer.Result["configurationKey"]!.AsArray().Single()!.AsObject();
        Assert.Equal(key.Name, (string)entry["key"]);
        Assert.Equal(key.ReadOnly, (bool)entry["readonly"]);
        return (string)entry["value"];
    }
}
