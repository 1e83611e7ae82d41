using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Drivers.SocketLock;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Tx;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// The central system's remote operations on a running wallbox: ChangeAvailability (OCPP 1.6 §5.2, §4.9), Reset
/// (§5.13), UnlockConnector (§5.17, CPL-92) and DataTransfer (§5.6), against the strict central system.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class AvailabilityResetScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public AvailabilityResetScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void Inoperative_on_connector_1_while_charging_is_Scheduled_then_Unavailable_after_the_transaction_refuses_new_starts_and_Operative_makes_it_Available()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "avail-c1", _output);
        StartCharging(cp, "AVAIL-01");

        // §5.2: a transaction is in progress, so the change is Scheduled and charging goes on.
        var scheduled = cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 1, ["type"] = "Inoperative" });
        Assert.Equal("Scheduled", (string)scheduled.Result["status"]);
        int mark = _csms.Peer.EventCount;
        cp.Run(30_000);
        Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
        Assert.Empty(cp.CallsOf("StopTransaction"));
        Assert.DoesNotContain("Unavailable", cp.StatusesOf(1, mark));

        // The transaction ends; §4.9: the new availability is then reported with a StatusNotification.
        cp.PresentCard("AVAIL-01");
        Assert.Equal("Local", (string)cp.WaitForCalls("StopTransaction")[0]["reason"]);
        cp.Unplug();
        cp.RunUntil(() => cp.StatusesOf(1, mark).LastOrDefault() == "Unavailable", 20_000, "connector 1 Unavailable");
        Assert.Equal(ChargingState.Unavailable, cp.Wallbox.Firmware.Charging.State);

        // An Unavailable connector starts nothing: neither a card nor a remote start (§5.11: Rejected).
        int starts = cp.CallsOf("StartTransaction").Count;
        cp.PlugIn();
        cp.PresentCard("AVAIL-01");
        cp.Run(10_000);
        Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
        var remote = cp.CallPaced("RemoteStartTransaction", new JsonObject { ["connectorId"] = 1, ["idTag"] = "AVAIL-01" });
        Assert.Equal("Rejected", (string)remote.Result["status"]);
        cp.Run(5_000);
        Assert.Equal(starts, cp.CallsOf("StartTransaction").Count);
        Assert.False(cp.Hardware.Contactor.ContactsClosed);

        // Operative takes effect at once: Accepted, and the connector is reported available again (Preparing: the EV is plugged).
        mark = _csms.Peer.EventCount;
        var operative = cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 1, ["type"] = "Operative" });
        Assert.Equal("Accepted", (string)operative.Result["status"]);
        cp.RunUntil(() => cp.StatusesOf(1, mark).LastOrDefault() == "Preparing", 20_000, "connector 1 Preparing");
        cp.Unplug();
        cp.RunUntil(() => cp.StatusesOf(1, mark).LastOrDefault() == "Available", 20_000, "connector 1 Available");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Inoperative_on_connector_0_while_charging_is_Scheduled_and_the_whole_charge_point_becomes_Unavailable_after_the_transaction()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "avail-c0", _output);
        StartCharging(cp, "AVAIL-02");
        int mark = _csms.Peer.EventCount;

        var scheduled = cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 0, ["type"] = "Inoperative" });
        Assert.Equal("Scheduled", (string)scheduled.Result["status"]);
        cp.Run(20_000);
        Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);

        // §4.9: Unavailable is reported once the change has happened, for the charge point (0) and its connector (1).
        Assert.DoesNotContain("Unavailable", cp.StatusesOf(0, mark));
        var stop = cp.CallPaced("RemoteStopTransaction", new JsonObject { ["transactionId"] = cp.ChargePoint.Transactions.TransactionId });
        Assert.Equal("Accepted", (string)stop.Result["status"]);
        cp.WaitForCalls("StopTransaction");
        cp.Unplug();
        cp.RunUntil(() => cp.StatusesOf(0, mark).LastOrDefault() == "Unavailable" && cp.StatusesOf(1, mark).LastOrDefault() == "Unavailable", 20_000, "connectors 0 and 1 Unavailable");

        // The next card is refused.
        int starts = cp.CallsOf("StartTransaction").Count;
        cp.PlugIn();
        cp.PresentCard("AVAIL-02");
        cp.Run(10_000);
        Assert.Equal(starts, cp.CallsOf("StartTransaction").Count);
        Assert.NotEqual(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);

        mark = _csms.Peer.EventCount;
        var operative = cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 0, ["type"] = "Operative" });
        Assert.Equal("Accepted", (string)operative.Result["status"]);
        cp.RunUntil(() => cp.StatusesOf(0, mark).LastOrDefault() == "Available", 20_000, "connector 0 Available");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void ChangeAvailability_of_a_connector_the_charge_point_does_not_have_is_Rejected()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "avail-c2", _output);
        cp.WaitForAcceptedBoot();

        // §5.2: one connector (NumberOfConnectors = 1); connector 2 does not exist.
        var answer = cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 2, ["type"] = "Inoperative" });
        Assert.Equal("Rejected", (string)answer.Result["status"]);
        cp.Run(5_000);
        Assert.Equal(ChargingState.Available, cp.Wallbox.Firmware.Charging.State);

        // Idle and already operative: Accepted at once (§5.2: a change to the status it already has is Accepted).
        Assert.Equal("Accepted", (string)cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 1, ["type"] = "Operative" }).Result["status"]);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void An_Inoperative_connector_stays_Unavailable_after_a_power_cut_and_reports_it_at_the_new_boot()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "avail-power", _output);
        cp.WaitForAcceptedBoot();

        // Idle: the change takes effect at once (§5.2 Accepted).
        var answer = cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 1, ["type"] = "Inoperative" });
        Assert.Equal("Accepted", (string)answer.Result["status"]);
        cp.RunUntil(() => cp.StatusesOf(1).LastOrDefault() == "Unavailable", 20_000, "connector 1 Unavailable");
        cp.RunUntil(() => !cp.Wallbox.Firmware.Persistent.Configuration.Record.IsSaving, 5_000, "the availability on flash");

        // The availability is persistent (§5.2: it survives a reboot).
        int boots = cp.Wallbox.BootCount;
        int mark = _csms.Peer.EventCount;
        cp.Hardware.CutPower();
        cp.Run(5_000);
        cp.Hardware.RestorePower();
        cp.RunUntil(() => cp.Wallbox.BootCount == boots + 1, 5_000, "the reboot");
        cp.WaitForCalls("BootNotification", 1, mark);
        cp.WaitForAcceptedBoot();
        cp.RunUntil(() => cp.StatusesOf(1, mark).Count > 0, 20_000, "the status of connector 1 after the boot");
        Assert.Equal("Unavailable", cp.StatusesOf(1, mark).Last());
        Assert.Equal(ChargingState.Unavailable, cp.Wallbox.Firmware.Charging.State);

        // It stays so until the central system makes it operative.
        Assert.Equal("Accepted", (string)cp.CallPaced("ChangeAvailability", new JsonObject { ["connectorId"] = 1, ["type"] = "Operative" }).Result["status"]);
        cp.RunUntil(() => cp.StatusesOf(1, mark).LastOrDefault() == "Available", 20_000, "connector 1 Available");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Soft_reset_during_a_transaction_stops_it_with_SoftReset_delivers_the_StopTransaction_then_reboots_and_boots_again()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "reset-soft", _output);
        StartCharging(cp, "RESET-01");
        int transactionId = cp.ChargePoint.Transactions.TransactionId;
        int boots = cp.Wallbox.BootCount;
        int mark = _csms.Peer.EventCount;

        // §5.13: Accepted; a soft reset stops the transaction (reason SoftReset) before restarting.
        var answer = cp.CallPaced("Reset", new JsonObject { ["type"] = "Soft" });
        Assert.Equal("Accepted", (string)answer.Result["status"]);
        JsonObject stop = cp.WaitForCalls("StopTransaction", 1, mark, 30_000)[0];
        Assert.Equal("SoftReset", (string)stop["reason"]);
        Assert.Equal(transactionId, (int)stop["transactionId"]);
        Assert.Equal(boots, cp.Wallbox.BootCount); // the StopTransaction went out before the restart

        cp.RunUntil(() => cp.Wallbox.BootCount == boots + 1, 30_000, "the restart");
        cp.WaitForCalls("BootNotification", 1, mark);
        cp.WaitForAcceptedBoot();
        cp.Run(10_000);
        Assert.Single(cp.CallsOf("StopTransaction", mark));
        Assert.False(cp.Hardware.Contactor.ContactsClosed);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Hard_reset_during_a_transaction_reboots_and_the_StopTransaction_with_HardReset_reaches_the_central_system_once()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "reset-hard", _output);
        StartCharging(cp, "RESET-02");
        int transactionId = cp.ChargePoint.Transactions.TransactionId;
        int boots = cp.Wallbox.BootCount;
        int mark = _csms.Peer.EventCount;

        // §5.13: a hard reset need not wait for delivery; the journal replays the StopTransaction after the restart.
        var answer = cp.CallPaced("Reset", new JsonObject { ["type"] = "Hard" });
        Assert.Equal("Accepted", (string)answer.Result["status"]);
        cp.RunUntil(() => cp.Wallbox.BootCount == boots + 1, 30_000, "the restart");
        cp.WaitForCalls("BootNotification", 1, mark);
        cp.WaitForAcceptedBoot();
        JsonObject stop = cp.WaitForCalls("StopTransaction", 1, mark, 60_000)[0];
        Assert.Equal("HardReset", (string)stop["reason"]);
        Assert.Equal(transactionId, (int)stop["transactionId"]);
        cp.Run(30_000);
        Assert.Single(cp.CallsOf("StopTransaction", mark));
        Assert.Equal(TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void UnlockConnector_of_an_idle_socket_is_Unlocked()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "unlock-idle", _output);
        cp.WaitForAcceptedBoot();
        cp.Run(2_000);

        // §5.17: nothing runs, the socket is released: Unlocked.
        var answer = cp.CallPaced("UnlockConnector", new JsonObject { ["connectorId"] = 1 });
        Assert.Equal("Unlocked", (string)answer.Result["status"]);
        Assert.Equal(SocketLockStatus.Unlocked, cp.Wallbox.Firmware.Charging.LockStatus);
        Assert.Empty(cp.CallsOf("StopTransaction"));
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void UnlockConnector_during_a_transaction_stops_it_with_UnlockCommand_and_answers_Unlocked_once_the_socket_is_released()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "unlock-tx", _output);
        StartCharging(cp, "UNLOCK-01");
        Assert.Equal(SocketLockStatus.Locked, cp.Wallbox.Firmware.Charging.LockStatus);

        // §5.17, CPL-92: the transaction stops first (reason UnlockCommand), then the socket unlocks.
        var answer = cp.CallPaced("UnlockConnector", new JsonObject { ["connectorId"] = 1 });
        Assert.Equal("Unlocked", (string)answer.Result["status"]);
        Assert.Equal(SocketLockStatus.Unlocked, cp.Wallbox.Firmware.Charging.LockStatus);
        Assert.False(cp.Hardware.Contactor.ContactsClosed);
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("UnlockCommand", (string)stop["reason"]);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void UnlockConnector_of_a_connector_that_does_not_exist_is_NotSupported()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "unlock-c2", _output);
        cp.WaitForAcceptedBoot();

        var answer = cp.CallPaced("UnlockConnector", new JsonObject { ["connectorId"] = 2 });
        Assert.Equal("NotSupported", (string)answer.Result["status"]);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void UnlockConnector_on_a_tethered_wallbox_is_NotSupported_and_does_not_stop_the_transaction()
    {
        // A fixed cable has no socket lock (ChargingSettings.HasSocket = false): §5.17 NotSupported.
        using var cp = new ScenarioWallbox(_csms.Peer, "unlock-tethered", _output, settings: new ChargingSettings { HasSocket = false });
        StartCharging(cp, "UNLOCK-02");

        var answer = cp.CallPaced("UnlockConnector", new JsonObject { ["connectorId"] = 1 });
        Assert.Equal("NotSupported", (string)answer.Result["status"]);
        cp.Run(5_000);
        Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
        Assert.Empty(cp.CallsOf("StopTransaction"));
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void DataTransfer_from_the_central_system_is_answered_UnknownVendorId()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "datatransfer", _output);
        cp.WaitForAcceptedBoot();

        // §5.6: no vendor extension is defined, so every vendorId is unknown.
        var answer = cp.CallPaced("DataTransfer", new JsonObject { ["vendorId"] = "com.example", ["messageId"] = "Hello", ["data"] = "{\"x\":1}" });
        Assert.False(answer.IsError, answer.ToString());
        Assert.Equal("UnknownVendorId", (string)answer.Result["status"]);
        Assert.Null(answer.Result["data"]);
        cp.AssertNoSchemaViolations();
    }

    /// <summary>Boots, plugs the EV in, presents <paramref name="idTag"/> and runs until the transaction has its id.</summary>
    private static void StartCharging(ScenarioWallbox cp, string idTag)
    {
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard(idTag);
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");
    }
}
