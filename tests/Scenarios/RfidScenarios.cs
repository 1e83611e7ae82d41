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

    [Fact]
    public void With_card_authentication_set_by_the_central_system_a_genuine_DESFire_card_is_authorized_and_its_clone_never_reaches_the_central_system()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "rfid-desfire", _output);
        cp.WaitForAcceptedBoot();
        byte[] key = System.Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        foreach ((string name, string value) in new[]
        {
            ("RfidDesfireApplication", "F54230"),
            ("RfidDesfireKeyNumber", "1"),
            ("RfidDesfireKey", "AES:00112233445566778899AABBCCDDEEFF"),
            ("RfidCardAuthentication", "Required"),
        })
        {
            var answer = cp.Call("ChangeConfiguration", new JsonObject { ["key"] = name, ["value"] = value });
            Assert.Equal("Accepted", (string)answer.Result["status"]);
        }

        byte[] uid = { 0x04, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC };
        var clone = SimulatedDesfireCard.WithAesApplication(uid, 0xF54230, 1, System.Convert.FromHexString("FFEEDDCCBBAA99887766554433221100"));
        cp.Hardware.RfidField.Present(clone);
        cp.Run(2_000);
        cp.Hardware.RfidField.Remove();
        cp.Run(1_000);
        Assert.Empty(cp.CallsOf("Authorize"));
        Assert.Equal(1, cp.Wallbox.Firmware.Rfid.RefusalCount);

        cp.PlugIn();
        cp.Hardware.RfidField.Present(SimulatedDesfireCard.WithAesApplication(uid, 0xF54230, 1, key));
        cp.WaitForCharging();

        Assert.Equal("04123456789ABC", (string)cp.WaitForCalls("Authorize")[0]["idTag"]);
        Assert.Equal("04123456789ABC", (string)cp.WaitForCalls("StartTransaction")[0]["idTag"]);
        Assert.Single(cp.CallsOf("Authorize"));
        cp.AssertNoSchemaViolations();
    }
}
