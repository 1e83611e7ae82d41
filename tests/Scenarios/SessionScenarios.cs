using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Ocpp.Tx;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>Charging sessions started and stopped locally and remotely (WBX-12, OCPP 1.6 §4.1, §4.8, §4.10, §5.11, §5.12).</summary>
[Collection(ScenarioCollection.Name)]
public sealed class SessionScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public SessionScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void Plug_then_tap_charges_and_the_same_card_stops_with_reason_Local_and_the_energy_register()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "plug-tap", _output);
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.Run(3_000);

        cp.PresentCard("04A1B2C3D4E5F6");
        cp.WaitForCharging();
        JsonObject authorize = cp.WaitForCalls("Authorize")[0];
        Assert.Equal("04A1B2C3D4E5F6", (string)authorize["idTag"]);
        JsonObject start = cp.WaitForCalls("StartTransaction")[0];
        Assert.Equal(1, (int)start["connectorId"]);
        Assert.Equal("04A1B2C3D4E5F6", (string)start["idTag"]);
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");
        int transactionId = cp.ChargePoint.Transactions.TransactionId;

        cp.Run(10 * 60_000);
        cp.PresentCard("04A1B2C3D4E5F6");
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal(transactionId, (int)stop["transactionId"]);
        Assert.Equal("Local", (string)stop["reason"]);
        Assert.Equal("04A1B2C3D4E5F6", (string)stop["idTag"]);
        Assert.True((int)stop["meterStop"] > (int)start["meterStart"]);
        JsonObject end = (JsonObject)stop["transactionData"]![0]!["sampledValue"]![0]!;
        Assert.Equal("Energy.Active.Import.Register", (string)end["measurand"]);
        Assert.Equal("Transaction.End", (string)end["context"]);

        // Periodic samples went as MeterValues with the transactionId (MeterValueSampleInterval 60 s).
        var meterValues = cp.CallsOf("MeterValues");
        Assert.InRange(meterValues.Count, 9, 11);
        Assert.All(meterValues, mv => Assert.Equal(transactionId, (int)mv["transactionId"]));
        Assert.Contains("Charging", cp.StatusesOf(1));
        cp.RunUntil(() => cp.StatusesOf(1).LastOrDefault() == "Finishing", 10_000, "Finishing");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Tap_then_plug_starts_when_the_EV_arrives_and_unplugging_stops_with_EVDisconnected()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "tap-plug", _output);
        cp.WaitForAcceptedBoot();

        cp.PresentCard("11223344");
        cp.RunUntil(() => cp.ChargePoint.Transactions.Phase == TransactionPhase.Authorized, 10_000, "Authorized");
        cp.RunUntil(() => cp.StatusesOf(1).Contains("Preparing"), 10_000, "Preparing");
        cp.Run(5_000);
        cp.PlugIn();
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");
        cp.Run(120_000);

        cp.Unplug();
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("EVDisconnected", (string)stop["reason"]);
        Assert.Null(stop["idTag"]);
        cp.RunUntil(() => cp.StatusesOf(1).LastOrDefault() == "Available", 10_000, "Available");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_different_card_does_not_stop_the_session_and_is_shown_rejected()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "other-card", _output);
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.PresentCard("AAAA0001");
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");

        cp.PresentCard("BBBB0002");
        cp.Run(5_000);

        Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
        Assert.Empty(cp.CallsOf("StopTransaction"));
        Assert.True(cp.Wallbox.Firmware.IndicationFlags.CardRejectedUntilMs > 0);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Remote_start_authorizes_the_idTag_then_charges_and_remote_stop_ends_with_reason_Remote()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "remote", _output);
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.Run(2_000);

        var started = cp.Call("RemoteStartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "REMOTE01" });
        Assert.False(started.IsError);
        Assert.Equal("Accepted", (string)started.Result["status"]);
        Assert.Equal("REMOTE01", (string)cp.WaitForCalls("Authorize")[0]["idTag"]);
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");

        var wrongStop = cp.Call("RemoteStopTransaction", new JsonObject { ["transactionId"] = cp.ChargePoint.Transactions.TransactionId + 1 });
        Assert.Equal("Rejected", (string)wrongStop.Result["status"]);
        var stopped = cp.Call("RemoteStopTransaction", new JsonObject { ["transactionId"] = cp.ChargePoint.Transactions.TransactionId });
        Assert.Equal("Accepted", (string)stopped.Result["status"]);
        Assert.Equal("Remote", (string)cp.WaitForCalls("StopTransaction")[0]["reason"]);

        var busy = cp.Call("RemoteStartTransaction", new JsonObject { ["connectorId"] = 2, ["idTag"] = "REMOTE01" });
        Assert.Equal("Rejected", (string)busy.Result["status"]);
        cp.AssertNoSchemaViolations();
    }
}
