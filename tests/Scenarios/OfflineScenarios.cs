using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Tx;
using Wallbox.Firmware.Transactions;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// The central system out of reach: the 40-transaction buffer and its replay (CPL-50/51), the offline authorisation
/// modes (CPL-44, FXP-K01/K09) and the whitelist that feeds them (CPL-40..42, CPL-46).
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class OfflineScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public OfflineScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void Forty_offline_sessions_fill_the_buffer_the_41st_is_refused_and_all_are_replayed_in_order_with_their_original_times_after_reconnection()
    {
        const string card = "CAFE4040";
        using var cp = new ScenarioWallbox(_csms.Peer, "offline-40", _output, new Dictionary<string, string>
        {
            [OcppConfigKeys.LocalAuthorizeOffline] = "true",
            [OcppConfigKeys.AllowOfflineTxForUnknownId] = "false",
            [ChargePointConfigKeys.OfflineAuthorizationMode] = "Whitelist",
        });
        cp.WaitForAcceptedBoot();

        // CPL-40: the card enters the whitelist through an online Authorize (then withdrawn before plugging in).
        AuthorizeOnlineAndWithdraw(cp, card);
        Assert.True(cp.Wallbox.Firmware.Persistent.Cache.TryGet(card, new IdTagInfo()));

        cp.DisconnectCentralSystem();
        var journal = cp.Wallbox.Firmware.Persistent.Journal;
        for (int i = 1; i <= TransactionJournal.MaxTransactions; i++)
        {
            ChargeSession(cp, card, 2 * 60_000);
            Assert.Equal(i, journal.TransactionCount);
            Assert.False(cp.ChargePoint.Session.IsConnected);
        }

        // CPL-50: the buffer is full; the 41st session is refused and nothing is overwritten.
        Assert.True(journal.IsFull);
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard(card);
        cp.Run(10_000);
        Assert.Equal(1, cp.ChargePoint.Transactions.RefusedBufferFullCount);
        Assert.NotEqual(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
        Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
        Assert.Equal(TransactionJournal.MaxTransactions, journal.TransactionCount);
        cp.Unplug();
        cp.Run(5_000);
        Assert.Empty(cp.TransactionCalls());

        // CPL-51: after reconnection the 40 transactions go out strictly in order, with their original times.
        DateTimeOffset clockAtReconnection = cp.Hardware.WallClock.UtcNow;
        int mark = cp.Peer.EventCount;
        var real = Stopwatch.StartNew();
        cp.ReconnectCentralSystem();
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle && journal.TransactionCount == 0, 200_000, "the journal to be delivered and emptied");
        real.Stop();

        var calls = cp.TransactionCalls(mark);
        AssertDeliveredInOrder(calls, TransactionJournal.MaxTransactions, clockAtReconnection);
        Assert.All(calls.Where(c => c.Action != "MeterValues"), c => Assert.Equal(card, (string)c.Payload["idTag"] ?? card));
        Assert.Equal(0, cp.ChargePoint.Sender.DroppedCount);
        Assert.Equal(0, journal.PendingMessageCount);
        _output.WriteLine(
            "report: offline buffer replay: " + calls.Count + " messages (" + calls.Count(c => c.Action == "StartTransaction") + " StartTransaction, "
            + calls.Count(c => c.Action == "MeterValues") + " MeterValues, " + calls.Count(c => c.Action == "StopTransaction") + " StopTransaction) for "
            + TransactionJournal.MaxTransactions + " transactions in " + real.Elapsed.TotalSeconds.ToString("0.0") + " s real (journal emptied after the 90 s deferred confirmations)");
        cp.AssertNoSchemaViolations();
    }

    // CPL-44 a/b/c (OfflineAuthorizationMode Whitelist / AcceptAll / RefuseAll) and the OCPP keys LocalAuthorizeOffline
    // (FXP-K09) and AllowOfflineTxForUnknownId (FXP-K01): a card the whitelist holds and a card nobody knows, offline.
    [Theory]
    [InlineData("Whitelist", true, false, true, false)]   // CPL-44 a, FXP-K09: only whitelisted cards
    [InlineData("Whitelist", true, true, true, true)]     // FXP-K01: unknown cards too
    [InlineData("Whitelist", false, false, false, false)] // FXP-K09 off: the whitelist does not authorise offline
    [InlineData("AcceptAll", false, false, true, true)]   // CPL-44 b: every card, whatever the keys
    [InlineData("RefuseAll", true, true, false, false)]   // CPL-44 c: no card, whatever the keys
    public void Offline_mode_decides_a_whitelisted_and_an_unknown_card_and_a_card_accepted_offline_is_uploaded_with_its_own_idTag(
        string mode, bool localAuthorizeOffline, bool allowUnknown, bool cachedCharges, bool unknownCharges)
    {
        const string cached = "C0FFEE01";
        const string unknown = "5EC0DE99";
        using var cp = new ScenarioWallbox(_csms.Peer, "offline-" + mode.ToLowerInvariant(), _output, new Dictionary<string, string>
        {
            [ChargePointConfigKeys.OfflineAuthorizationMode] = mode,
            [OcppConfigKeys.LocalAuthorizeOffline] = localAuthorizeOffline ? "true" : "false",
            [OcppConfigKeys.AllowOfflineTxForUnknownId] = allowUnknown ? "true" : "false",
        });
        cp.WaitForAcceptedBoot();
        AuthorizeOnlineAndWithdraw(cp, cached);
        Assert.True(cp.Wallbox.Firmware.Persistent.Cache.TryGet(cached, new IdTagInfo()));
        Assert.False(cp.Wallbox.Firmware.Persistent.Cache.TryGet(unknown, new IdTagInfo()));

        cp.DisconnectCentralSystem();
        int authorizeCalls = cp.CallsOf("Authorize").Count;
        var charged = new List<string>();
        foreach ((string card, bool charges) in new[] { (cached, cachedCharges), (unknown, unknownCharges) })
        {
            cp.PlugIn();
            cp.Run(2_000);
            cp.PresentCard(card);
            cp.Run(10_000);
            Assert.True(cp.ChargePoint.Authorization.DecidedOffline);
            if (charges)
            {
                Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
                Assert.Equal(card, cp.ChargePoint.Transactions.IdTag);
                cp.Run(60_000);
                charged.Add(card);
            }
            else
            {
                Assert.NotEqual(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
                Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
                Assert.True(cp.Wallbox.Firmware.IndicationFlags.CardRejectedUntilMs > 0);
            }

            cp.Unplug();
            cp.RunUntil(() => cp.ChargePoint.Transactions.Phase == TransactionPhase.Idle, 30_000, "the connector to be free");
            cp.Run(2_000);
        }

        Assert.Equal(authorizeCalls, cp.CallsOf("Authorize").Count);
        Assert.Equal(charged.Count, cp.Wallbox.Firmware.Persistent.Journal.TransactionCount);

        // CPL-46: what was charged offline reaches the central system under the card's own idTag.
        int mark = cp.Peer.EventCount;
        cp.ReconnectCentralSystem();
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle, 60_000, "the buffered transactions to be delivered");
        var calls = cp.TransactionCalls(mark);
        AssertDeliveredInOrder(calls, charged.Count, cp.Hardware.WallClock.UtcNow);
        Assert.Equal(charged, calls.Where(c => c.Action == "StartTransaction").Select(c => (string)c.Payload["idTag"]).ToList());
        cp.AssertNoSchemaViolations();
    }

    // CPL-40/41: the whitelist (authorisation cache) is filled by the central system's Accepted answers and holds 50
    // cards, the oldest leaving for a new one; CPL-42: a card the central system refuses leaves it; CPL-44 a: offline,
    // only the cards it holds charge.
    [Fact]
    public void The_whitelist_keeps_the_50_latest_cards_accepted_online_drops_a_card_the_central_system_refuses_and_decides_offline_from_what_it_holds()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "whitelist-51", _output, new Dictionary<string, string>
        {
            [ChargePointConfigKeys.OfflineAuthorizationMode] = "Whitelist",
            [OcppConfigKeys.LocalAuthorizeOffline] = "true",
            [OcppConfigKeys.AllowOfflineTxForUnknownId] = "false",
        });
        cp.WaitForAcceptedBoot();
        var cache = cp.Wallbox.Firmware.Persistent.Cache;
        string Card(int i) => "0451" + i.ToString("D4");
        for (int i = 1; i <= AuthorizationCache.Capacity + 1; i++)
        {
            AuthorizeOnlineAndWithdraw(cp, Card(i));
        }

        Assert.Equal(AuthorizationCache.Capacity + 1, cp.CallsOf("Authorize").Count);
        Assert.Equal(AuthorizationCache.Capacity, cache.Count);
        Assert.Equal(1, cache.EvictionCount);
        Assert.False(cache.TryGet(Card(1), new IdTagInfo()));
        Assert.True(cache.TryGet(Card(2), new IdTagInfo()));
        Assert.True(cache.TryGet(Card(51), new IdTagInfo()));

        // CPL-42: the central system refuses card 2 (Blocked): it leaves the whitelist.
        cp.Peer.SetReply("Authorize", new JsonObject { ["idTagInfo"] = new JsonObject { ["status"] = "Blocked" } }, cp.Identity);
        AuthorizeOnlineAndWithdraw(cp, Card(2));
        Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
        Assert.False(cache.TryGet(Card(2), new IdTagInfo()));
        Assert.Equal(AuthorizationCache.Capacity - 1, cache.Count);
        cp.Peer.ResetReply("Authorize", cp.Identity);

        // CPL-44 a, offline: the evicted card 1 and the refused card 2 are refused, card 51 is accepted.
        cp.DisconnectCentralSystem();
        int authorizeCalls = cp.CallsOf("Authorize").Count;
        foreach ((string card, bool accepted) in new[] { (Card(1), false), (Card(2), false), (Card(3), true), (Card(51), true) })
        {
            cp.PresentCard(card);
            cp.Run(2_000);
            Assert.True(cp.ChargePoint.Authorization.DecidedOffline);
            Assert.Equal(accepted ? TransactionPhase.Authorized : TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
            if (accepted)
            {
                cp.PresentCard(card);
                cp.RunUntil(() => cp.ChargePoint.Transactions.Phase == TransactionPhase.Idle, 10_000, "the authorisation to be withdrawn");
            }
        }

        Assert.Equal(authorizeCalls, cp.CallsOf("Authorize").Count);
        Assert.Equal(AuthorizationCache.Capacity - 1, cache.Count);
        cp.AssertNoSchemaViolations();
    }

    /// <summary>Presents <paramref name="idTag"/> online, waits for the Authorize answer, then withdraws the authorisation with the same card.</summary>
    internal static void AuthorizeOnlineAndWithdraw(ScenarioWallbox cp, string idTag)
    {
        int before = cp.CallsOf("Authorize").Count;
        cp.PresentCard(idTag);
        cp.WaitForCalls("Authorize", before + 1);
        cp.RunUntil(() => cp.ChargePoint.Transactions.Phase == TransactionPhase.Authorized || cp.ChargePoint.Transactions.Phase == TransactionPhase.Idle, 10_000, "the Authorize answer");
        if (cp.ChargePoint.Transactions.Phase == TransactionPhase.Authorized)
        {
            cp.PresentCard(idTag);
            cp.RunUntil(() => cp.ChargePoint.Transactions.Phase == TransactionPhase.Idle, 10_000, "the authorisation to be withdrawn");
        }

        cp.Run(1_000);
    }

    /// <summary>Plug, card, <paramref name="chargeMs"/> of charging, unplug; runs until the transaction is written and the connector free.</summary>
    internal static void ChargeSession(ScenarioWallbox cp, string idTag, long chargeMs)
    {
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard(idTag);
        cp.WaitForCharging();
        cp.Run(chargeMs);
        cp.Unplug();
        cp.RunUntil(
            () => cp.ChargePoint.Transactions.Phase == TransactionPhase.Idle && cp.Wallbox.Firmware.Charging.State == ChargingState.Available,
            30_000,
            "the session to end");
        cp.Run(2_000);
    }

    /// <summary>
    /// <paramref name="transactions"/> complete transactions, strictly one after another: StartTransaction, its MeterValues,
    /// StopTransaction, each later message carrying the transactionId the central system gave its Start, times increasing
    /// and before <paramref name="notAfter"/>, energy increasing; each message answered once.
    /// </summary>
    internal static void AssertDeliveredInOrder(List<ScenarioTransactionCall> calls, int transactions, DateTimeOffset notAfter)
    {
        int transactionId = 0;
        bool open = false;
        int starts = 0;
        long meter = -1;
        DateTimeOffset last = DateTimeOffset.MinValue;
        var ids = new HashSet<int>();
        foreach (ScenarioTransactionCall call in calls)
        {
            Assert.NotNull(call.ReplyPayload);
            Assert.True(call.Timestamp >= last, call.Action + " at " + call.Timestamp.ToString("O") + " is older than the message before it (" + last.ToString("O") + ")");
            Assert.True(call.Timestamp <= notAfter, call.Action + " at " + call.Timestamp.ToString("O") + " is not in the past");
            last = call.Timestamp;
            switch (call.Action)
            {
                case "StartTransaction":
                    Assert.False(open, "StartTransaction before the previous transaction's StopTransaction");
                    open = true;
                    starts++;
                    transactionId = (int)call.ReplyPayload["transactionId"];
                    Assert.True(ids.Add(transactionId), "transactionId " + transactionId + " given twice");
                    Assert.True((int)call.Payload["meterStart"] >= meter);
                    meter = (int)call.Payload["meterStart"];
                    break;
                case "MeterValues":
                    Assert.True(open, "MeterValues outside its transaction");
                    Assert.Equal(transactionId, call.TransactionId);
                    break;
                default:
                    Assert.True(open, "StopTransaction without its StartTransaction");
                    Assert.Equal(transactionId, call.TransactionId);
                    Assert.True((int)call.Payload["meterStop"] > meter);
                    meter = (int)call.Payload["meterStop"];
                    open = false;
                    break;
            }
        }

        Assert.False(open);
        Assert.Equal(transactions, starts);
    }
}
