using System.Linq;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>StatusNotification: error codes from the fault table and peripheral health, MinimumStatusDuration (OCPP 1.6 §4.9, §7.6, FXP-K14).</summary>
[Collection(ScenarioCollection.Name)]
public sealed class StatusScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public StatusScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void A_DC_residual_current_while_charging_is_reported_with_GroundFailure_and_cleared_after_recovery()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "status-rcd", _output);
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.PresentCard("RCD-TEST-1");
        cp.WaitForCharging();
        int mark = _csms.Peer.EventCount;

        cp.Hardware.Rcd.DcLeakageMa = 60;
        cp.RunUntil(() => Errors(cp, mark).Contains("GroundFailure"), 20_000, "GroundFailure");
        cp.Hardware.Rcd.DcLeakageMa = 0;
        cp.RunUntil(() => Errors(cp, mark).LastOrDefault() == "NoError", 60_000, "NoError again");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Over_temperature_is_reported_with_HighTemperature()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "status-temp", _output);
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.PresentCard("TEMP-TEST-1");
        cp.WaitForCharging();
        int mark = _csms.Peer.EventCount;

        cp.Hardware.TerminalTemperature.DeciCelsius = 900;
        cp.RunUntil(() => Errors(cp, mark).Contains("HighTemperature"), 30_000, "HighTemperature");
        JsonObject status = cp.CallsOf("StatusNotification", mark).Last(p => (string)p["errorCode"] == "HighTemperature");
        Assert.Equal("acb-over-temp", (string)status["vendorErrorCode"]);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_silent_energy_meter_is_reported_with_PowerMeterFailure_without_stopping_the_charge()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "status-meter", _output);
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.PresentCard("METER-TEST-1");
        cp.WaitForCharging();
        int mark = _csms.Peer.EventCount;

        cp.Hardware.ModbusMeter.Silent = true;
        cp.RunUntil(() => Errors(cp, mark).Contains("PowerMeterFailure"), 60_000, "PowerMeterFailure");
        Assert.Equal("Charging", cp.StatusesOf(1, mark).Last());
        cp.Hardware.ModbusMeter.Silent = false;
        cp.RunUntil(() => Errors(cp, mark).LastOrDefault() == "NoError", 30_000, "NoError again");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void A_status_shorter_than_MinimumStatusDuration_is_not_reported()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "status-min", _output);
        cp.WaitForAcceptedBoot();
        cp.RunUntil(() => cp.StatusesOf(1).Count >= 1, 10_000, "the first status");
        int mark = _csms.Peer.EventCount;

        // Plugged for 1 s, under the 2 s default: Preparing never reaches the central system.
        cp.PlugIn();
        cp.Run(1_000);
        cp.Unplug();
        cp.Run(10_000);
        Assert.Empty(cp.StatusesOf(1, mark));

        // Plugged for longer: reported once, stamped when it began.
        cp.PlugIn();
        cp.RunUntil(() => cp.StatusesOf(1, mark).Contains("Preparing"), 10_000, "Preparing");
        cp.AssertNoSchemaViolations();
    }

    private static System.Collections.Generic.List<string> Errors(ScenarioWallbox cp, int mark) => cp.CallsOf("StatusNotification", mark)
        .Where(p => (int)p["connectorId"] == 1)
        .Select(p => (string)p["errorCode"])
        .ToList();
}
