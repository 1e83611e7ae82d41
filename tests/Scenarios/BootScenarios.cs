using System.Collections.Generic;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Ocpp;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>Cold boot against the strict central system: Accepted, Pending, Rejected (OCPP 1.6 §4.2, CPL-22).</summary>
[Collection(ScenarioCollection.Name)]
public sealed class BootScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public BootScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void Cold_boot_accepted_sets_the_clock_and_heartbeat_interval_and_reports_both_connectors_Available()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "boot-ok", _output);

        cp.WaitForAcceptedBoot();
        JsonObject boot = cp.CallsOf("BootNotification")[0];
        Assert.Equal("OpenWallbox", (string)boot["chargePointVendor"]);
        Assert.Equal("virtual", (string)boot["chargePointModel"]);
        Assert.Equal("VWB-0001", (string)boot["chargePointSerialNumber"]);
        Assert.Equal("SDM630", (string)boot["meterType"]);
        Assert.Equal("20260001", (string)boot["meterSerialNumber"]);
        cp.RunUntil(() => cp.StatusesOf(0).Count >= 1 && cp.StatusesOf(1).Count >= 1, 10000, "StatusNotification of connectors 0 and 1");
        Assert.Equal("Available", cp.StatusesOf(0)[0]);
        Assert.Equal("Available", cp.StatusesOf(1)[0]);
        Assert.True(cp.Hardware.WallClock.IsValid);
        Assert.Equal("300", cp.Wallbox.Firmware.Persistent.Configuration.Get(OcppConfigKeys.HeartbeatInterval));

        // Heartbeats follow the interval the central system gave (300 s) in virtual time.
        cp.Run(301_000);
        cp.WaitForCalls("Heartbeat", 1, virtualTimeoutMs: 310_000);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Cold_boot_pending_retries_after_the_interval_and_sends_nothing_else_until_accepted()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "boot-pending", _output);
        _csms.Peer.SetReply("BootNotification", new JsonObject { ["status"] = "Pending", ["currentTime"] = "2026-11-22T08:00:00.000Z", ["interval"] = 20 }, cp.Identity);

        cp.WaitForCalls("BootNotification", 1, virtualTimeoutMs: 30_000);
        cp.Run(10_000);
        Assert.Single(cp.CallsOf("BootNotification"));
        Assert.Equal(RegistrationState.Pending, cp.ChargePoint.Session.Registration);
        cp.WaitForCalls("BootNotification", 2, virtualTimeoutMs: 15_000);
        Assert.Empty(cp.CallsOf("StatusNotification"));
        Assert.Empty(cp.CallsOf("Heartbeat"));

        _csms.Peer.ResetReply("BootNotification", cp.Identity);
        cp.WaitForAcceptedBoot(30_000);
        cp.WaitForCalls("StatusNotification", 2);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Cold_boot_rejected_retries_after_the_interval_and_a_card_is_decided_offline()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "boot-rejected", _output, new Dictionary<string, string>
        {
            [OcppConfigKeys.AllowOfflineTxForUnknownId] = "false",
        });
        _csms.Peer.SetReply("BootNotification", new JsonObject { ["status"] = "Rejected", ["currentTime"] = "2026-11-22T08:00:00.000Z", ["interval"] = 30 }, cp.Identity);

        cp.WaitForCalls("BootNotification", 1, virtualTimeoutMs: 30_000);
        cp.Run(5_000);
        Assert.Equal(RegistrationState.Rejected, cp.ChargePoint.Session.Registration);

        // CPL-22: no online transaction; an unknown card is refused by the offline rules, no Authorize is sent.
        cp.PresentCard("CAFE0001");
        cp.Run(2_000);
        Assert.Empty(cp.CallsOf("Authorize"));
        Assert.Equal(Wallbox.Firmware.Ocpp.Tx.TransactionPhase.Idle, cp.ChargePoint.Transactions.Phase);

        cp.WaitForCalls("BootNotification", 2, virtualTimeoutMs: 40_000);
        cp.AssertNoSchemaViolations();
    }
}
