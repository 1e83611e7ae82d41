using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Tx;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// Local Auth List Management (OCPP 1.6 §3.5, §5.9 GetLocalListVersion, §5.15 SendLocalList; keys §9.2, FXP-K69..K71)
/// and ClearCache (§5.4), against the strict central system; the list in use for offline and pre-authorisation
/// (LocalAuthorizeOffline FXP-K09, LocalPreAuthorize FXP-K10).
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class LocalListScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public LocalListScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void The_local_list_version_is_0_until_a_Full_update_then_follows_each_Differential_update()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "list-version", _output);
        cp.WaitForAcceptedBoot();
        LocalAuthorizationList list = cp.Wallbox.Firmware.Persistent.LocalList;

        // §5.9: 0 while no list has been sent.
        Assert.Equal(0, Version(cp));

        // §5.15 Full: replaces the list.
        var full = SendLocalList(cp, 1, "Full", Entry("LOCAL-01", "Accepted"), Entry("LOCAL-02", "Blocked"), Entry("LOCAL-03", "Accepted", "FLEET-1"));
        Assert.Equal("Accepted", (string)full.Result["status"]);
        Assert.Equal(1, Version(cp));
        Assert.Equal(3, list.Count);

        // Differential: an entry with idTagInfo adds or replaces, one without removes.
        var differential = SendLocalList(cp, 2, "Differential", Entry("LOCAL-04", "Accepted"), Entry("LOCAL-03"), Entry("LOCAL-02", "Accepted"));
        Assert.Equal("Accepted", (string)differential.Result["status"]);
        Assert.Equal(2, Version(cp));
        Assert.Equal(new[] { "LOCAL-01", "LOCAL-02", "LOCAL-04" }, Listed(list));
        var info = new IdTagInfo();
        Assert.True(list.TryGet("LOCAL-02", info));
        Assert.Equal(AuthorizationStatus.Accepted, info.Status);

        // A differential update not newer than the list: VersionMismatch, nothing changes.
        Assert.Equal("VersionMismatch", (string)SendLocalList(cp, 2, "Differential", Entry("LOCAL-05", "Accepted")).Result["status"]);
        Assert.Equal("VersionMismatch", (string)SendLocalList(cp, 1, "Differential", Entry("LOCAL-05", "Accepted")).Result["status"]);
        Assert.Equal(2, Version(cp));
        Assert.Equal(3, list.Count);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void An_update_beyond_50_entries_Fails_and_the_previous_list_is_kept()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "list-full", _output);
        cp.WaitForAcceptedBoot();
        LocalAuthorizationList list = cp.Wallbox.Firmware.Persistent.LocalList;
        Assert.Equal("Accepted", (string)SendLocalList(cp, 1, "Full", Entry("KEEP-01", "Accepted")).Result["status"]);

        // SendLocalListMaxLength = 50 (FXP-K71): 51 entries in one request Fail (the schema has no maxItems, so the
        // strict central system sends it), and the old list stays.
        var tooMany = SendLocalList(cp, 2, "Full", Cards("MANY", 51));
        Assert.False(tooMany.IsError, tooMany.ToString());
        Assert.Equal("Failed", (string)tooMany.Result["status"]);
        Assert.Equal(1, Version(cp));
        Assert.Equal(new[] { "KEEP-01" }, Listed(list));

        // Exactly 50 fit (LocalAuthListMaxLength = 50, FXP-K70) ...
        Assert.Equal("Accepted", (string)SendLocalList(cp, 3, "Full", Cards("FIFTY", 50)).Result["status"]);
        Assert.Equal(50, list.Count);

        // ... and a differential update that would make 51 Fails as a whole.
        var overflow = SendLocalList(cp, 4, "Differential", Entry("FIFTY-00", "Blocked"), Entry("ONE-MORE", "Accepted"));
        Assert.Equal("Failed", (string)overflow.Result["status"]);
        Assert.Equal(3, Version(cp));
        Assert.Equal(50, list.Count);
        var info = new IdTagInfo();
        Assert.True(list.TryGet("FIFTY-00", info));
        Assert.Equal(AuthorizationStatus.Accepted, info.Status);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_card_only_in_the_local_list_charges_offline_and_an_unknown_card_does_not()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "list-offline", _output);
        cp.WaitForAcceptedBoot();
        Assert.Equal("Accepted", (string)SendLocalList(cp, 1, "Full", Entry("LOCAL-OFF", "Accepted")).Result["status"]);
        GoOffline(cp);

        // FXP-K09 LocalAuthorizeOffline = true (default), AllowOfflineTxForUnknownId = false (default): an unknown card
        // is refused, a card the local list accepts starts at once.
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard("UNKNOWN-9");
        cp.Run(3_000);
        Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
        cp.PresentCard("LOCAL-OFF");
        cp.WaitForCharging();
        Assert.True(cp.ChargePoint.Authorization.DecidedOffline);

        // Back online, the journal delivers the transaction.
        cp.ReconnectCentralSystem();
        JsonObject start = cp.WaitForCalls("StartTransaction")[0];
        Assert.Equal("LOCAL-OFF", (string)start["idTag"]);
        Assert.DoesNotContain(cp.CallsOf("StartTransaction"), s => (string)s["idTag"] == "UNKNOWN-9");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void With_LocalPreAuthorize_a_card_the_local_list_accepts_starts_online_without_an_Authorize()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "list-preauth", _output, new Dictionary<string, string> { [OcppConfigKeys.LocalPreAuthorize] = "true" });
        cp.WaitForAcceptedBoot();
        Assert.Equal("Accepted", (string)SendLocalList(cp, 1, "Full", Entry("LOCAL-PRE", "Accepted")).Result["status"]);

        // FXP-K10: accepted locally, the transaction starts without waiting for (or sending) Authorize.req.
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard("LOCAL-PRE");
        cp.WaitForCharging();
        Assert.Equal("LOCAL-PRE", (string)cp.WaitForCalls("StartTransaction")[0]["idTag"]);
        Assert.Empty(cp.CallsOf("Authorize"));
        Assert.False(cp.ChargePoint.Authorization.DecidedOffline);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void With_LocalAuthListEnabled_false_the_local_list_is_not_used_online_or_offline()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "list-disabled", _output, new Dictionary<string, string>
        {
            [OcppConfigKeys.LocalPreAuthorize] = "true",
            [OcppConfigKeys.AuthorizationCacheEnabled] = "false",
        });
        cp.WaitForAcceptedBoot();
        Assert.Equal("Accepted", (string)SendLocalList(cp, 1, "Full", Entry("LOCAL-DIS", "Accepted")).Result["status"]);
        Assert.Equal("Accepted", (string)cp.CallPaced("ChangeConfiguration", new JsonObject { ["key"] = OcppConfigKeys.LocalAuthListEnabled, ["value"] = "false" }).Result["status"]);

        // FXP-K69: online, LocalPreAuthorize finds nothing, so the central system is asked.
        _csms.Peer.SetReply("Authorize", new JsonObject { ["idTagInfo"] = new JsonObject { ["status"] = "Invalid" } }, cp.Identity);
        cp.PresentCard("LOCAL-DIS");
        Assert.Equal("LOCAL-DIS", (string)cp.WaitForCalls("Authorize")[0]["idTag"]);
        cp.Run(3_000);
        Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
        _csms.Peer.ResetReply("Authorize", cp.Identity);

        // Offline the listed card is refused like an unknown one.
        GoOffline(cp);
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard("LOCAL-DIS");
        cp.Run(5_000);
        Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
        Assert.NotEqual(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
        Assert.Contains("not in the whitelist or local list", cp.ChargePoint.Transactions.LastRefusal);

        // The version is still reported (§5.9), the list kept for when it is enabled again.
        cp.ReconnectCentralSystem();
        Assert.Equal(1, Version(cp));
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void ClearCache_empties_the_authorization_cache_but_not_the_local_list_and_is_Rejected_when_the_cache_is_disabled()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "clearcache", _output);
        cp.WaitForAcceptedBoot();
        Assert.Equal("Accepted", (string)SendLocalList(cp, 1, "Full", Entry("LOCAL-CC", "Accepted")).Result["status"]);
        AuthorizationCache cache = cp.Wallbox.Firmware.Persistent.Cache;

        // An Authorize.conf fills the cache (§3.4).
        cp.PresentCard("CACHED-01");
        cp.WaitForCalls("Authorize");
        cp.RunUntil(() => cache.Count == 1, 10_000, "the idTag in the cache");

        // §5.4: Accepted, the cache is empty, the local list is not touched.
        var cleared = cp.CallPaced("ClearCache", new JsonObject());
        Assert.Equal("Accepted", (string)cleared.Result["status"]);
        Assert.Equal(0, cache.Count);
        Assert.Equal(1, cp.Wallbox.Firmware.Persistent.LocalList.Count);

        // With the cache disabled (AuthorizationCacheEnabled, FXP-K02) there is nothing to clear: Rejected.
        Assert.Equal("Accepted", (string)cp.CallPaced("ChangeConfiguration", new JsonObject { ["key"] = OcppConfigKeys.AuthorizationCacheEnabled, ["value"] = "false" }).Result["status"]);
        Assert.Equal("Rejected", (string)cp.CallPaced("ClearCache", new JsonObject()).Result["status"]);
        cp.AssertNoSchemaViolations();
    }

    private static int Version(ScenarioWallbox cp)
    {
        var answer = cp.CallPaced("GetLocalListVersion", new JsonObject());
        Assert.False(answer.IsError, answer.ToString());
        return (int)answer.Result["listVersion"];
    }

    private static Wallbox.Tests.Peers.CsmsPeerCallOutcome SendLocalList(ScenarioWallbox cp, int version, string updateType, params JsonObject[] entries)
    {
        var list = new JsonArray();
        foreach (JsonObject entry in entries)
        {
            list.Add(entry);
        }

        var answer = cp.CallPaced("SendLocalList", new JsonObject { ["listVersion"] = version, ["updateType"] = updateType, ["localAuthorizationList"] = list });
        Assert.False(answer.IsError, answer.ToString());
        return answer;
    }

    /// <summary>An AuthorizationData entry: with a status it adds or replaces, without one (differential) it removes.</summary>
    private static JsonObject Entry(string idTag, string status = null, string parent = null)
    {
        var entry = new JsonObject { ["idTag"] = idTag };
        if (status != null)
        {
            var info = new JsonObject { ["status"] = status };
            if (parent != null)
            {
                info["parentIdTag"] = parent;
            }

            entry["idTagInfo"] = info;
        }

        return entry;
    }

    private static JsonObject[] Cards(string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => Entry(prefix + "-" + i.ToString("00"), "Accepted")).ToArray();

    private static string[] Listed(LocalAuthorizationList list) =>
        Enumerable.Range(0, list.Count).Select(list.IdTagAt).OrderBy(t => t, StringComparer.Ordinal).ToArray();

    /// <summary>The central system becomes unreachable (it requires a password the charge point does not have).</summary>
    private static void GoOffline(ScenarioWallbox cp)
    {
        cp.DisconnectCentralSystem();
        cp.RunUntil(() => !cp.ChargePoint.Session.IsOnline, 10_000, "offline");
    }
}
