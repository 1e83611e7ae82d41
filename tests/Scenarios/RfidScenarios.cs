using System.Text.Json.Nodes;
using Wallbox.Hal.Simulation;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>A badge on the reader of the virtual wallbox starts a charge at the strict central system (WBX-12, WBX-14).</summary>
[Collection(ScenarioCollection.Name)]
public sealed class RfidScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public RfidScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void A_badge_on_the_reader_is_authorized_with_its_UID_as_idTag_and_starts_the_transaction()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "rfid", _output);
        cp.WaitForAcceptedBoot();
        cp.PlugIn();

        cp.Hardware.RfidField.Present(new VirtualCard(new byte[] { 0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC }, "DESFire EV1 4K"));
        cp.WaitForCharging();

        Assert.Equal("04123456789ABC", (string)cp.WaitForCalls("Authorize")[0]["idTag"]);
        JsonObject start = cp.WaitForCalls("StartTransaction")[0];
        Assert.Equal("04123456789ABC", (string)start["idTag"]);
        cp.AssertNoSchemaViolations();
    }
}
