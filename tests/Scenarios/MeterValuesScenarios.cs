using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Ocpp;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>Clock-aligned MeterValues (OCPP 1.6 §9.1.2 ClockAlignedDataInterval, MeterValuesAlignedData; FXP-K04, FXP-47).</summary>
[Collection(ScenarioCollection.Name)]
public sealed class MeterValuesScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public MeterValuesScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void Clock_aligned_values_come_at_every_interval_boundary_stamped_with_it_idle_without_and_in_a_transaction_with_the_transactionId()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "aligned", _output, new Dictionary<string, string>
        {
            [OcppConfigKeys.ClockAlignedDataInterval] = "60",
            [OcppConfigKeys.MeterValuesAlignedData] = "Energy.Active.Import.Register,Voltage.L1",
            [OcppConfigKeys.MeterValueSampleInterval] = "0",
        });
        cp.WaitForAcceptedBoot();

        List<JsonObject> idle = cp.WaitForCalls("MeterValues", 2, virtualTimeoutMs: 200_000);
        foreach (JsonObject mv in idle)
        {
            Assert.Null(mv["transactionId"]);
            AssertAligned(mv, 60);
        }

        cp.PlugIn();
        cp.PresentCard("ALIGNED-01");
        cp.WaitForCharging();
        cp.RunUntil(() => cp.ChargePoint.Transactions.TransactionId != 0, 10_000, "the transactionId");
        int mark = _csms.Peer.EventCount;
        List<JsonObject> inTransaction = cp.WaitForCalls("MeterValues", 2, mark, 200_000);
        foreach (JsonObject mv in inTransaction)
        {
            Assert.Equal(cp.ChargePoint.Transactions.TransactionId, (int)mv["transactionId"]);
            AssertAligned(mv, 60);
        }

        cp.AssertNoSchemaViolations();
    }

    private static void AssertAligned(JsonObject meterValues, int intervalS)
    {
        JsonObject value = (JsonObject)meterValues["meterValue"]![0]!;
        DateTime stamp = DateTime.Parse((string)value["timestamp"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.Equal(0, (long)(stamp - DateTime.UnixEpoch).TotalMilliseconds % (intervalS * 1000L));
        JsonArray samples = (JsonArray)value["sampledValue"]!;
        Assert.Equal(new[] { "Energy.Active.Import.Register", "Voltage" }, samples.Select(s => (string)s!["measurand"]).ToArray());
        Assert.All(samples, s => Assert.Equal("Sample.Clock", (string)s!["context"]));
        Assert.Equal("L1-N", (string)samples[1]!["phase"]);
    }
}
