using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// TriggerMessage (OCPP 1.6 §5.16, Remote Trigger profile) for every message of the 1.6 list, against the strict
/// central system: Accepted, and the requested message follows the answer on the wire.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class TriggerScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    /// <summary>
    /// Clock-aligned MeterValues follow the wall clock (every 15 min by default): a run crossing a boundary would send one
    /// that these tests would take for a triggered (or a wrongly sent) message.
    /// </summary>
    private static readonly Dictionary<string, string> NoClockAlignedData = new() { ["ClockAlignedDataInterval"] = "0" };

    public TriggerScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void A_triggered_BootNotification_is_sent_after_the_answer_and_the_charge_point_stays_registered()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "trig-boot", _output, NoClockAlignedData);
        cp.WaitForAcceptedBoot();

        JsonObject boot = TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "BootNotification" }, "BootNotification")[0];
        Assert.Equal("OpenWallbox", (string)boot["chargePointVendor"]);
        cp.Run(5_000);
        Assert.Equal(Wallbox.Firmware.Ocpp.RegistrationState.Accepted, cp.ChargePoint.Session.Registration);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_triggered_Heartbeat_is_sent_after_the_answer()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "trig-heartbeat", _output, NoClockAlignedData);
        cp.WaitForAcceptedBoot();

        // The default interval is 300 s: a Heartbeat within seconds is the triggered one.
        TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "Heartbeat" }, "Heartbeat");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_triggered_StatusNotification_with_a_connectorId_reports_that_connector_and_without_one_every_connector()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "trig-status", _output, NoClockAlignedData);
        cp.WaitForAcceptedBoot();
        cp.RunUntil(() => cp.StatusesOf(0).Count >= 1 && cp.StatusesOf(1).Count >= 1, 10_000, "the statuses after the boot");
        cp.Run(5_000);

        // §5.16: connectorId given: that connector only; the status is sent even though it has not changed.
        var one = TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "StatusNotification", ["connectorId"] = 1 }, "StatusNotification");
        Assert.Single(one);
        Assert.Equal(1, (int)one[0]["connectorId"]);
        Assert.Equal("Available", (string)one[0]["status"]);

        // Without connectorId: every connector, the charge point (0) included.
        var all = TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "StatusNotification" }, "StatusNotification", 2);
        Assert.Equal(new[] { 0, 1 }, all.Select(p => (int)p["connectorId"]).OrderBy(c => c).ToArray());
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_triggered_MeterValues_is_sent_idle_without_a_transactionId_and_during_a_transaction_with_it()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "trig-meter", _output, NoClockAlignedData);
        cp.WaitForAcceptedBoot();

        // Idle: a sample of the meter, context Trigger (§7.48), no transaction.
        JsonObject idle = TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "MeterValues", ["connectorId"] = 1 }, "MeterValues")[0];
        Assert.Null(idle["transactionId"]);
        Assert.Equal("Trigger", (string)idle["meterValue"]![0]!["sampledValue"]![0]!["context"]);

        // During a transaction: the sample carries its transactionId.
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard("TRIG-MV-1");
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");
        cp.Run(5_000);
        JsonObject running = TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "MeterValues", ["connectorId"] = 1 }, "MeterValues")[0];
        Assert.Equal(cp.ChargePoint.Transactions.TransactionId, (int)running["transactionId"]);
        Assert.All(running["meterValue"]![0]!["sampledValue"]!.AsArray(), v => Assert.Equal("Trigger", (string)v!["context"]));
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_triggered_DiagnosticsStatusNotification_reports_Idle()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "trig-diag", _output, NoClockAlignedData);
        cp.WaitForAcceptedBoot();

        // §5.16, §4.4: no upload is under way; Idle is the status reserved for this answer to a trigger.
        JsonObject diagnostics = TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "DiagnosticsStatusNotification" }, "DiagnosticsStatusNotification")[0];
        Assert.Equal("Idle", (string)diagnostics["status"]);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_triggered_FirmwareStatusNotification_reports_Idle()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "trig-firmware", _output, NoClockAlignedData);
        cp.WaitForAcceptedBoot();

        // §5.16, §4.5: no update is under way: Idle.
        JsonObject firmware = TriggerAndExpect(cp, new JsonObject { ["requestedMessage"] = "FirmwareStatusNotification" }, "FirmwareStatusNotification")[0];
        Assert.Equal("Idle", (string)firmware["status"]);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_trigger_for_a_connector_that_does_not_exist_is_Rejected_and_sends_nothing()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "trig-c5", _output, NoClockAlignedData);
        cp.WaitForAcceptedBoot();
        cp.Run(5_000);
        int mark = _csms.Peer.EventCount;

        // §5.16: connector 5 does not exist (NumberOfConnectors = 1).
        foreach (string message in new[] { "StatusNotification", "MeterValues" })
        {
            var answer = cp.CallPaced("TriggerMessage", new JsonObject { ["requestedMessage"] = message, ["connectorId"] = 5 });
            Assert.Equal("Rejected", (string)answer.Result["status"]);
        }

        cp.Run(5_000);
        Assert.Empty(cp.CallsOf("StatusNotification", mark));
        Assert.Empty(cp.CallsOf("MeterValues", mark));
        cp.AssertNoSchemaViolations();
    }

    /// <summary>
    /// Sends TriggerMessage <paramref name="request"/>, asserts Accepted, waits for <paramref name="count"/> CALLs
    /// <paramref name="action"/> and asserts, on the frames the central system received, that the first of them came
    /// after the CALLRESULT of the trigger (§5.16: the requested message follows the confirmation).
    /// </summary>
    private List<JsonObject> TriggerAndExpect(ScenarioWallbox cp, JsonObject request, string action, int count = 1)
    {
        int mark = _csms.Peer.EventCount;
        var answer = cp.CallPaced("TriggerMessage", request);
        Assert.False(answer.IsError, answer.ToString());
        Assert.Equal("Accepted", (string)answer.Result["status"]);
        List<JsonObject> calls = cp.WaitForCalls(action, count, mark, 20_000);

        // The order on the wire: the 'received' events are the frames in arrival order. Only frames received after the
        // trigger was sent count: the peer's log is in the order of its own actions, while the mark may be taken before
        // the peer has reported frames it received earlier (the registration's BootNotification).
        PeerEvent sentTrigger = cp.Events.Where(e => e.Index >= mark)
            .Where(e => e.Is("sent", cp.Identity))
            .First(e => JsonNode.Parse(e.GetString("text"))!.AsArray() is var frame && (int)frame[0] == 2 && (string)frame[2] == "TriggerMessage");
        string triggerId = JsonNode.Parse(sentTrigger.GetString("text"))!.AsArray()[1]!.GetValue<string>();
        List<JsonArray> received = cp.Events.Where(e => e.Index > sentTrigger.Index)
            .Where(e => e.Is("received", cp.Identity))
            .Select(e => JsonNode.Parse(e.GetString("text"))!.AsArray())
            .ToList();
        int result = received.FindIndex(frame => (int)frame[0] == 3 && (string)frame[1] == triggerId);
        int triggered = received.FindIndex(frame => (int)frame[0] == 2 && (string)frame[2] == action);
        Assert.True(result >= 0 && triggered > result, "the " + action + " CALL must follow the TriggerMessage CALLRESULT on the wire (result at " + result + ", call at " + triggered + ")");
        Assert.Equal(count, calls.Count);
        return calls;
    }
}
