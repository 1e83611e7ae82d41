using System.Collections.Generic;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>Who may start and stop: group cards (FXP-36/37), the unlock badge (CPL-90), free-vend (CPL-34, FXP-40..44).</summary>
[Collection(ScenarioCollection.Name)]
public sealed class AuthorizationScenarios
{
    private readonly ScenarioCentralSystem _csms;
    private readonly ITestOutputHelper _output;

    public AuthorizationScenarios(ScenarioCentralSystem csms, ITestOutputHelper output)
    {
        _csms = csms;
        _output = output;
    }

    [Fact]
    public void A_card_of_the_same_group_stops_the_session_and_a_card_of_another_group_does_not()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "group", _output);
        cp.WaitForAcceptedBoot();
        var group = new JsonObject { ["idTagInfo"] = new JsonObject { ["status"] = "Accepted", ["parentIdTag"] = "FLEET-7" } };
        _csms.Peer.SetReply("Authorize", group, cp.Identity);
        cp.PlugIn();
        cp.PresentCard("DRIVER-A");
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");

        // FXP-37 rule 3 fails: another group.
        _csms.Peer.SetReply("Authorize", new JsonObject { ["idTagInfo"] = new JsonObject { ["status"] = "Accepted", ["parentIdTag"] = "FLEET-9" } }, cp.Identity);
        cp.PresentCard("DRIVER-X");
        cp.WaitForCalls("Authorize", 2);
        cp.Run(3_000);
        Assert.Equal(ChargingState.Charging, cp.Wallbox.Firmware.Charging.State);
        Assert.Empty(cp.CallsOf("StopTransaction"));

        // FXP-37 rule 3 holds: same parent.
        _csms.Peer.SetReply("Authorize", group, cp.Identity);
        cp.PresentCard("DRIVER-B");
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("DRIVER-B", (string)stop["idTag"]);
        Assert.Equal("Local", (string)stop["reason"]);
        _csms.Peer.ResetReply("Authorize", cp.Identity);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void The_group_card_itself_stops_a_session_of_its_group_without_asking_the_central_system()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "group-own", _output);
        cp.WaitForAcceptedBoot();
        _csms.Peer.SetReply("Authorize", new JsonObject { ["idTagInfo"] = new JsonObject { ["status"] = "Accepted", ["parentIdTag"] = "FLEET-7" } }, cp.Identity);
        cp.PlugIn();
        cp.PresentCard("DRIVER-A");
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");
        int authorizes = cp.CallsOf("Authorize").Count;

        // FXP-37 rule 2: $Stop_id == $Start_parent.
        cp.PresentCard("FLEET-7");
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("FLEET-7", (string)stop["idTag"]);
        Assert.Equal(authorizes, cp.CallsOf("Authorize").Count);
        _csms.Peer.ResetReply("Authorize", cp.Identity);
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void The_unlock_badge_stops_a_running_session_without_an_Authorize()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "badge", _output, new Dictionary<string, string> { [OcppConfigKeys.UnlockBadgeIdTag] = "UNLOCK-01" });
        cp.WaitForAcceptedBoot();
        cp.PlugIn();
        cp.PresentCard("DRIVER-A");
        cp.WaitForCharging();
        cp.WaitForCalls("StartTransaction");

        cp.PresentCard("UNLOCK-01");
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("UNLOCK-01", (string)stop["idTag"]);
        Assert.DoesNotContain(cp.CallsOf("Authorize"), a => (string)a["idTag"] == "UNLOCK-01");
        cp.RunUntil(() => cp.Wallbox.Firmware.Charging.LockStatus == Wallbox.Drivers.SocketLock.SocketLockStatus.Unlocked, 10_000, "the socket unlocked");
        cp.AssertNoSchemaViolations();
    }

    [Fact]
    public void Free_vend_starts_on_plug_in_with_the_configured_idTag_and_switching_it_off_stops_the_session()
    {
        using var cp = new ScenarioWallbox(_csms.Peer, "freevend", _output, new Dictionary<string, string>
        {
            [ChargePointConfigKeys.FreeVend] = "true",
            [OcppConfigKeys.FreeVendIdTag] = "COMMAND",
        });
        cp.WaitForAcceptedBoot();

        cp.PlugIn();
        cp.WaitForCharging();
        JsonObject start = cp.WaitForCalls("StartTransaction")[0];
        Assert.Equal("COMMAND", (string)start["idTag"]);
        Assert.Empty(cp.CallsOf("Authorize"));

        // FXP-44: switching the mode during a session stops that session, then changes the mode.
        var changed = cp.Call("ChangeConfiguration", new JsonObject { ["key"] = ChargePointConfigKeys.FreeVend, ["value"] = "false" });
        Assert.Equal("Accepted", (string)changed.Result["status"]);
        JsonObject stop = cp.WaitForCalls("StopTransaction")[0];
        Assert.Equal("Local", (string)stop["reason"]);
        cp.Run(5_000);
        Assert.Single(cp.CallsOf("StartTransaction"));
        cp.AssertNoSchemaViolations();
    }
}
