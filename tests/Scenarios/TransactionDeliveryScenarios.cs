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
/// Transaction messages the central system fails to process (OCPP 1.6 §4.7, FXP-K22 TransactionMessageAttempts, FXP-K23
/// TransactionMessageRetryInterval) or does not answer, and a StartTransaction answered Invalid (FXP-K18, CPL-42).
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class TransactionDeliveryScenarios
{
    private const int Attempts = 3;
    private const int RetryIntervalS = 10;

    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public TransactionDeliveryScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    // FXP-K22/K23, §4.7: a StartTransaction the central system keeps failing (CALLERROR) is sent TransactionMessageAttempts
    // times, the n-th retry TransactionMessageRetryInterval × n after the failure, then dropped; the MeterValues and
    // StopTransaction of that transaction have no transactionId and are dropped with it.
    [Fact]
    public void A_StartTransaction_failing_every_attempt_is_retried_at_growing_intervals_then_dropped_with_the_rest_of_its_transaction()
    {
        using var cp = NewWallbox("start-error");
        cp.Peer.SetReplyError("StartTransaction", "InternalError", "scenario: failing on purpose", cp.Identity);
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard("E7707001");
        cp.WaitForCharging();

        WaitForAttempts(cp, "StartTransaction", Attempts, 120_000);
        cp.RunUntil(() => cp.ChargePoint.Sender.DroppedCount == 1, 10_000, "the StartTransaction to be dropped");
        AssertRetryIntervals(cp.LogTimes("StartTransaction refused (attempt").Concat(cp.LogTimes("StartTransaction of local transaction 1 dropped after")).ToList());
        cp.Run(60_000);
        Assert.Equal(Attempts, cp.CallsOf("StartTransaction").Count);
        Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);

        cp.Run(3 * 60_000);
        cp.PresentCard("E7707001");
        cp.RunUntil(() => cp.ChargePoint.Transactions.Phase == TransactionPhase.Idle, 30_000, "the transaction to end");
        Assert.True(cp.ChargePoint.MeterValues.JournaledCount >= 3, "samples without a transactionId wait in the journal");

        // Dropped: the StartTransaction, each journaled MeterValues, the StopTransaction.
        cp.RunUntil(() => cp.ChargePoint.Sender.DroppedCount == 1 + cp.ChargePoint.MeterValues.JournaledCount + 1, 30_000, "the rest of the transaction to be dropped");
        cp.Run(30_000);
        Assert.Equal(1 + cp.ChargePoint.MeterValues.JournaledCount + 1, cp.ChargePoint.Sender.DroppedCount);
        Assert.True(cp.ChargePoint.Sender.IsIdle);
        Assert.Equal(Attempts, cp.CallsOf("StartTransaction").Count);
        Assert.Empty(cp.CallsOf("StopTransaction"));
        Assert.DoesNotContain(cp.CallsOf("MeterValues"), mv => mv["transactionId"] != null);
        cp.RunUntil(() => cp.Wallbox.Firmware.Persistent.Journal.TransactionCount == 0, 200_000, "the journal to be emptied");
        cp.AssertNoSchemaViolations();
    }

    // FXP-K22/K23: a StopTransaction failing twice (CALLERROR) and then processed is delivered on the third attempt;
    // nothing is dropped.
    [Fact]
    public void A_StopTransaction_failing_twice_is_delivered_on_the_third_attempt()
    {
        using var cp = NewWallbox("stop-transient");
        int transactionId = StartCharging(cp, "E7707002");
        cp.Run(2 * 60_000);

        cp.Peer.SetReplyError("StopTransaction", "InternalError", "scenario: failing on purpose", cp.Identity);
        cp.PresentCard("E7707002");
        WaitForAttempts(cp, "StopTransaction", 2, 60_000);
        cp.RunUntil(() => cp.LogTimes("StopTransaction refused (attempt 2").Count == 1, 10_000, "the second refusal");
        cp.Peer.ResetReply("StopTransaction", cp.Identity);
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle, 60_000, "the StopTransaction to be delivered");
        AssertRetryIntervals(cp.LogTimes("StopTransaction refused (attempt").Append(cp.NowMs).ToList());

        var stops = cp.TransactionCalls().Where(c => c.Action == "StopTransaction").ToList();
        Assert.Equal(3, stops.Count);
        Assert.All(stops, s => Assert.Equal(transactionId, s.TransactionId));
        Assert.Equal("error", stops[0].Reply.GetString("mode"));
        Assert.Equal("error", stops[1].Reply.GetString("mode"));
        Assert.NotNull(stops[2].ReplyPayload);
        Assert.Equal(stops[0].Payload.ToJsonString(), stops[2].Payload.ToJsonString());
        Assert.Equal(0, cp.ChargePoint.Sender.DroppedCount);
        cp.RunUntil(() => cp.Wallbox.Firmware.Persistent.Journal.TransactionCount == 0, 200_000, "the journal to be emptied");
        cp.AssertNoSchemaViolations();
    }

    // §4.7: no answer at all is not a failure of the central system to process the message: the StopTransaction is sent
    // again after each timeout, more often than TransactionMessageAttempts (2 here), and delivered once the central
    // system answers. (Each unanswered CALL costs the harness a few seconds of real time before it lets the firmware's
    // 30 s timeout run, hence the smaller attempt count.)
    [Fact]
    public void An_unanswered_StopTransaction_is_sent_again_without_counting_attempts_until_it_is_answered()
    {
        const int attempts = 2;
        using var cp = NewWallbox("stop-timeout", attempts);
        int transactionId = StartCharging(cp, "E7707003");
        cp.Run(60_000);

        cp.Peer.SetNoReply("StopTransaction", cp.Identity);
        cp.PresentCard("E7707003");
        for (int sent = 1; sent <= attempts + 1; sent++)
        {
            WaitForAttempts(cp, "StopTransaction", sent, 60_000);
        }

        cp.RunUntil(() => TimeoutsOf(cp, "StopTransaction") == attempts + 1, 60_000, "the third attempt to time out");
        Assert.Equal(0, cp.ChargePoint.Sender.DroppedCount);
        cp.Peer.ResetReply("StopTransaction", cp.Identity);
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle, 60_000, "the StopTransaction to be answered");

        var stops = cp.TransactionCalls().Where(c => c.Action == "StopTransaction").ToList();
        Assert.Equal(attempts + 2, stops.Count);
        Assert.All(stops.Take(attempts + 1), s => Assert.Equal("none", s.Reply.GetString("mode")));
        Assert.NotNull(stops.Last().ReplyPayload);
        Assert.All(stops, s => Assert.Equal(transactionId, s.TransactionId));
        Assert.Equal(0, cp.ChargePoint.Sender.DroppedCount);
        Assert.Empty(cp.LogTimes("StopTransaction refused"));
        cp.AssertNoSchemaViolations();
    }

    // FXP-K18 StopTransactionOnInvalidId, CPL-42: StartTransaction.conf says Invalid: the transaction stops with reason
    // DeAuthorized and the card leaves the whitelist.
    [Fact]
    public void A_StartTransaction_answered_Invalid_stops_the_session_DeAuthorized_and_removes_the_card_from_the_whitelist()
    {
        const string card = "1DEADBEE";
        using var cp = NewWallbox("start-invalid");
        cp.Peer.SetReply("StartTransaction", new JsonObject { ["idTagInfo"] = new JsonObject { ["status"] = "Invalid" }, ["transactionId"] = 777 }, cp.Identity);
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard(card);

        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("DeAuthorized", (string)stop["reason"]);
        Assert.Equal(777, (int)stop["transactionId"]);
        cp.RunUntil(() => cp.Wallbox.Firmware.Charging.State != ChargingState.Charging, 10_000, "charging to stop");
        Assert.False(cp.Wallbox.Firmware.Persistent.Cache.TryGet(card, new IdTagInfo()));
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle, 10_000, "the StopTransaction answer");
        Assert.False(cp.Wallbox.Firmware.Persistent.Cache.TryGet(card, new IdTagInfo()));
        Assert.Single(cp.CallsOf("StartTransaction"));
        Assert.Contains("ocpp-auth: " + card + " accepted: central system answered Accepted", cp.Wallbox.Log.Entries.Select(e => e.Source + ": " + e.Message));
        cp.AssertNoSchemaViolations();
    }

    private ScenarioWallbox NewWallbox(string name, int attempts = Attempts)
    {
        var cp = new ScenarioWallbox(_csms.Peer, name, _output, new Dictionary<string, string>
        {
            [OcppConfigKeys.TransactionMessageAttempts] = attempts.ToString(),
            [OcppConfigKeys.TransactionMessageRetryInterval] = RetryIntervalS.ToString(),
        });
        cp.WaitForAcceptedBoot();
        return cp;
    }

    private static int StartCharging(ScenarioWallbox cp, string card)
    {
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard(card);
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");
        return cp.ChargePoint.Transactions.TransactionId;
    }

    /// <summary>How many CALLs <paramref name="action"/> the firmware saw time out (its RPC log).</summary>
    private static int TimeoutsOf(ScenarioWallbox cp, string action) =>
        cp.Wallbox.Log.Entries.Count(e => e.Message.StartsWith(action + " ", System.StringComparison.Ordinal) && e.Message.Contains("no answer within", System.StringComparison.Ordinal));

    /// <summary>Runs until <paramref name="count"/> CALLs <paramref name="action"/> went out (looking again only when the peer reported something).</summary>
    private static void WaitForAttempts(ScenarioWallbox cp, string action, int count, long virtualTimeoutMs)
    {
        int seenEvents = -1;
        bool done = false;
        cp.RunUntil(
            () =>
            {
                if (cp.Peer.EventCount != seenEvents)
                {
                    seenEvents = cp.Peer.EventCount;
                    done = cp.CallsOf(action).Count >= count;
                }

                return done;
            },
            virtualTimeoutMs,
            count + " " + action + " attempts");
    }

    /// <summary>
    /// FXP-K23: the n-th retry goes TransactionMessageRetryInterval × n after the n-th failure; <paramref name="answeredAt"/>
    /// are the virtual times the attempts were answered (from the firmware's log), each a round trip after it was sent.
    /// </summary>
    private static void AssertRetryIntervals(List<long> answeredAt)
    {
        Assert.True(answeredAt.Count >= 2);
        for (int n = 1; n < answeredAt.Count; n++)
        {
            long expected = RetryIntervalS * 1000L * n;
            Assert.InRange(answeredAt[n] - answeredAt[n - 1], expected, expected + 1_000);
        }
    }
}
