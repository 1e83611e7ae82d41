using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Tx;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// Mains cuts and restarts during a transaction: resumed (CPL-85 ZE Ready, ResumeSessionAfterPowerLoss) or stopped
/// with reason PowerLoss from the power-loss snapshot, online and offline.
/// </summary>
[Collection(ScenarioCollection.Name)]
public sealed class PowerLossScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public PowerLossScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    // CPL-85: with ResumeSessionAfterPowerLoss the charge goes on after the cut: a new BootNotification, the connector
    // reported Charging, and the same transaction (no StopTransaction PowerLoss) until it is stopped normally.
    [Fact]
    public void A_mains_cut_while_charging_online_resumes_the_same_transaction_after_a_new_BootNotification()
    {
        const string card = "ZE0READY";
        using var cp = new ScenarioWallbox(_csms.Peer, "cut-resume", _output, new Dictionary<string, string>
        {
            [ChargePointConfigKeys.ResumeSessionAfterPowerLoss] = "true",
        });
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard(card);
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");
        int transactionId = cp.ChargePoint.Transactions.TransactionId;
        cp.Run(3 * 60_000);

        int mark = cp.Peer.EventCount;
        int boots = cp.Wallbox.BootCount;
        cp.CutPower();
        cp.Run(30_000);
        Assert.Null(cp.ChargePoint);
        cp.AnswerBootWithWorldTime();
        cp.RestorePower();
        cp.WaitForAcceptedBoot();
        Assert.Equal(boots + 1, cp.Wallbox.BootCount);
        Assert.Single(cp.CallsOf("BootNotification", mark));
        cp.RunUntil(() => cp.StatusesOf(1, mark).Contains("Charging"), 30_000, "StatusNotification Charging after the boot");
        Assert.True(cp.ChargePoint.Transactions.ResumedAfterPowerLoss);
        Assert.Equal(TransactionPhase.Running, cp.ChargePoint.Transactions.Phase);
        Assert.Equal(transactionId, cp.ChargePoint.Transactions.TransactionId);
        Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);

        cp.Run(3 * 60_000);
        cp.PresentCard(card);
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("Local", (string)stop["reason"]);
        Assert.Equal(transactionId, (int)stop["transactionId"]);
        var afterBoot = cp.CallsOf("MeterValues", mark);
        Assert.InRange(afterBoot.Count, 2, 4);
        Assert.All(afterBoot, mv => Assert.Equal(transactionId, (int)mv["transactionId"]));
        Assert.Single(cp.CallsOf("StartTransaction"));
        Assert.Single(cp.CallsOf("StopTransaction"));
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle, 10_000, "the StopTransaction answer");
        AssertDeliveredOnce(cp, 1);
        cp.AssertNoSchemaViolations();
    }

    // CPL-85 with ResumeSessionAfterPowerLoss=false: the transaction ends with reason PowerLoss; meterStop is the register
    // before the cut (nothing flows during it) and the time that of the last power-loss snapshot, not after the cut.
    [Fact]
    public void A_mains_cut_without_resume_stops_the_transaction_with_PowerLoss_the_register_before_the_cut_and_the_snapshot_time()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "cut-stop", _output, new Dictionary<string, string>
        {
            [ChargePointConfigKeys.ResumeSessionAfterPowerLoss] = "false",
        });
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard("0BADC0DE");
        cp.WaitForCharging();
        JsonObject start = cp.WaitForCalls("StartTransaction")[0];
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");
        int transactionId = cp.ChargePoint.Transactions.TransactionId;
        cp.Run(7 * 60_000);

        long meterAtCut = (long)Math.Floor(cp.Hardware.Meter.ImportWh);
        DateTimeOffset clockAtCut = cp.Hardware.WallClock.UtcNow;
        cp.CutPower();
        cp.Run(30_000);
        Assert.Equal(meterAtCut, (long)Math.Floor(cp.Hardware.Meter.ImportWh));
        cp.AnswerBootWithWorldTime();
        cp.RestorePower();
        cp.WaitForAcceptedBoot();

        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("PowerLoss", (string)stop["reason"]);
        Assert.Equal(transactionId, (int)stop["transactionId"]);
        // The SDM630 register is float32 kWh, read over Modbus: exact to its 1 Wh resolution (docs/meters.md).
        Assert.InRange((long)(int)stop["meterStop"], meterAtCut - 1, meterAtCut + 1);
        Assert.True((int)stop["meterStop"] > (int)start["meterStart"]);
        DateTimeOffset stopTime = DateTimeOffset.Parse((string)stop["timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(stopTime <= clockAtCut, "StopTransaction at " + stopTime.ToString("O") + " is after the cut at " + clockAtCut.ToString("O"));
        Assert.True(stopTime >= clockAtCut.AddMilliseconds(-TransactionService.PowerLossSnapshotIntervalMs - 1_000), "StopTransaction time older than the snapshot interval");
        Assert.False(cp.ChargePoint.Transactions.ResumedAfterPowerLoss);
        Assert.NotEqual(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
        Assert.Single(cp.CallsOf("StartTransaction"));
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle, 10_000, "the StopTransaction answer");
        Assert.Single(cp.CallsOf("StopTransaction"));
        cp.AssertNoSchemaViolations();
    }

    // CPL-85 offline, CPL-51: the board loses power (or restarts) during an offline transaction; the transaction is
    // resumed after the boot (no PowerLoss stop), stopped normally, and after reconnection delivered exactly once, in
    // order, with times that increase.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_offline_transaction_survives_a_reboot_and_is_delivered_once_after_reconnection(bool mainsCut)
    {
        const string card = "0FF11E85";
        using var cp = new ScenarioWallbox(_csms.Peer, mainsCut ? "offline-cut" : "offline-restart", _output, new Dictionary<string, string>
        {
            [ChargePointConfigKeys.ResumeSessionAfterPowerLoss] = "true",
            [OcppConfigKeys.LocalAuthorizeOffline] = "true",
        });
        cp.WaitForAcceptedBoot();
        OfflineScenarios.AuthorizeOnlineAndWithdraw(cp, card);
        cp.DisconnectCentralSystem();

        cp.PlugIn();
        cp.Run(2_000);
        cp.PresentCard(card);
        cp.WaitForCharging();
        cp.Run(3 * 60_000);
        Assert.Equal(TransactionPhase.Running, cp.ChargePoint.Transactions.Phase);

        int boots = cp.Wallbox.BootCount;
        if (mainsCut)
        {
            cp.CutPower();
            cp.Run(30_000);
            cp.RestorePower();
        }
        else
        {
            cp.Hardware.ResetController.Restart();
        }

        cp.RunUntil(() => cp.Wallbox.BootCount == boots + 1 && cp.ChargePoint != null && cp.ChargePoint.Transactions.Phase == TransactionPhase.Running, 60_000, "the transaction to resume");
        Assert.True(cp.ChargePoint.Transactions.ResumedAfterPowerLoss);
        cp.WaitForCharging();
        Assert.False(cp.ChargePoint.Session.IsOnline);
        cp.Run(3 * 60_000);
        cp.PresentCard(card);
        cp.RunUntil(() => cp.ChargePoint.Transactions.Phase == TransactionPhase.Idle, 30_000, "the transaction to stop");
        Assert.Equal(1, cp.Wallbox.Firmware.Persistent.Journal.TransactionCount);
        Assert.Empty(cp.TransactionCalls());

        cp.AnswerBootWithWorldTime();
        cp.ReconnectCentralSystem();
        cp.RunUntil(() => cp.ChargePoint.Sender.IsIdle && cp.Wallbox.Firmware.Persistent.Journal.TransactionCount == 0, 200_000, "the transaction to be delivered");
        var calls = cp.TransactionCalls();

        // After a cut the board has no time until the central system gives it: the times after the boot are estimated
        // from the power-loss record, never before what was recorded before the cut and at most one snapshot interval
        // ahead of the real time.
        DateTimeOffset latest = cp.Hardware.WallClock.UtcNow.AddMilliseconds(mainsCut ? TransactionService.PowerLossSnapshotIntervalMs : 0);
        OfflineScenarios.AssertDeliveredInOrder(calls, 1, latest);
        Assert.Equal("Local", (string)calls.Last().Payload["reason"]);
        Assert.InRange(calls.Count(c => c.Action == "MeterValues"), 4, 8);
        AssertDeliveredOnce(cp, 1);
        cp.AssertNoSchemaViolations();
    }

    /// <summary>Every transaction message went out once: no StartTransaction, MeterValues or StopTransaction repeated.</summary>
    private static void AssertDeliveredOnce(ScenarioWallbox cp, int transactions)
    {
        var calls = cp.TransactionCalls();
        Assert.Equal(transactions, calls.Count(c => c.Action == "StartTransaction"));
        Assert.Equal(transactions, calls.Count(c => c.Action == "StopTransaction"));
        var samples = calls.Where(c => c.Action == "MeterValues").Select(c => c.Payload["meterValue"]!.ToJsonString()).ToList();
        Assert.Equal(samples.Count, samples.Distinct().Count());
    }
}
