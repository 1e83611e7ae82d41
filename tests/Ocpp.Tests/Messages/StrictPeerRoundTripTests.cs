using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Tests.Ocpp.Messages;
using Wallbox.Ocpp.Tests.Transport;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;

namespace Wallbox.Ocpp.Tests.Messages;

/// <summary>
/// Every OCPP 1.6 message (and the security extension's), fully populated, through the firmware's RPC endpoint and
/// a real socket to the strict central system (ocpp-rpc, strict mode): its schema validation of every CALL and
/// CALLRESULT, in both directions, is the oracle. Strings are at their maxLength, every optional field is present.
/// </summary>
[Collection(StrictCentralSystemCollection.Name)]
public sealed class StrictPeerRoundTripTests
{
    /// <summary>
    /// Frames up to 16 KiB: CertificateSigned.req carries a certificate chain of up to 10,000 characters
    /// (docs/ocpp-transport.md, "Bounds").
    /// </summary>
    private const int MaxMessageBytes = 16 * 1024;

    private readonly CsmsPeer _peer;
    private readonly ITestOutputHelper _output;

    public StrictPeerRoundTripTests(StrictCentralSystemFixture fixture, ITestOutputHelper output)
    {
        _peer = fixture.Peer;
        _output = output;
    }

    [Fact]
    public void Every_charge_point_request_and_its_confirmation_pass_the_strict_central_system_and_decode_back()
    {
        string identity = "RT-CP-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        int mark = _peer.EventCount;
        using var driver = new RpcDriver(_peer.UrlFor(identity), MaxMessageBytes);
        var checkedActions = new List<string>();
        foreach (string action in ActionsSentBy(OcppMessageDirection.ChargePointToCentralSystem))
        {
            IOcppPayload request = PayloadFiller.Fill(OcppMessageCatalog.CreateRequest(action));
            IOcppPayload answer = PayloadFiller.Fill(OcppMessageCatalog.CreateConfirmation(action));
            _peer.SetReply(action, JsonNode.Parse(PayloadCodec.Write(answer)), identity);
            var call = new OcppCall(request, OcppMessageCatalog.CreateConfirmation(action));

            driver.Enqueue(call);
            driver.WaitFinished(call);

            Assert.True(call.State == OcppCallState.Completed, action + ": " + call.State + " " + call.ErrorCode + " " + call.ErrorDescription);
            PeerEvent received = _peer.WaitForCall(identity, action, mark);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PayloadCodec.Write(request)), received["payload"]), action + ": the central system received something else");
            Assert.Equal(PayloadCodec.Write(answer), PayloadCodec.Write(call.Confirmation));
            checkedActions.Add(action);
        }

        _peer.AssertNoValidationFailures(identity);
        _output.WriteLine("report: strict peer round trip, charge point -> central system: " + checkedActions.Count + " actions, 0 validation failures");
        Assert.Equal(ActionsSentBy(OcppMessageDirection.ChargePointToCentralSystem).Count, checkedActions.Count);
    }

    [Fact]
    public void Every_central_system_request_is_decoded_and_answered_with_a_confirmation_the_strict_central_system_accepts()
    {
        string identity = "RT-CS-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        var handlers = new Dictionary<string, FilledHandler>();
        foreach (string action in ActionsSentBy(OcppMessageDirection.CentralSystemToChargePoint))
        {
            handlers[action] = new FilledHandler(action);
        }

        using var driver = new RpcDriver(_peer.UrlFor(identity), MaxMessageBytes, rpc =>
        {
            foreach (FilledHandler handler in handlers.Values)
            {
                Assert.True(rpc.RegisterHandler(handler));
            }
        });
        _peer.WaitForConnected(identity);

        foreach (FilledHandler handler in handlers.Values)
        {
            IOcppPayload sent = PayloadFiller.Fill(OcppMessageCatalog.CreateRequest(handler.Action));
            byte[] sentJson = PayloadCodec.Write(sent);

            CsmsPeerCallOutcome outcome = _peer.Call(identity, handler.Action, JsonNode.Parse(sentJson), 10_000);

            Assert.False(outcome.IsError, handler.Action + ": " + outcome.ErrorCode + " " + outcome.ErrorMessage);
            Assert.Equal(sentJson, handler.LastRequestJson);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(PayloadCodec.Write(handler.Confirmation)), outcome.Result), handler.Action + ": the central system received another confirmation");
        }

        _peer.AssertNoValidationFailures(identity);
        _output.WriteLine("report: strict peer round trip, central system -> charge point: " + handlers.Count + " actions, 0 validation failures");
    }

    /// <summary>Actions the given side sends (DataTransfer, sent by both, is in both lists).</summary>
    private static List<string> ActionsSentBy(OcppMessageDirection side)
    {
        var actions = new List<string>();
        for (int i = 0; i < OcppMessageCatalog.ActionCount; i++)
        {
            OcppMessageDirection direction = OcppMessageCatalog.DirectionAt(i);
            if (direction == side || direction == OcppMessageDirection.Both)
            {
                actions.Add(OcppMessageCatalog.ActionAt(i));
            }
        }

        return actions;
    }

    /// <summary>Answers an action with a fully populated confirmation and keeps what it decoded.</summary>
    private sealed class FilledHandler : IOcppRequestHandler
    {
        public FilledHandler(string action)
        {
            Action = action;
            Request = OcppMessageCatalog.CreateRequest(action);
            Confirmation = PayloadFiller.Fill(OcppMessageCatalog.CreateConfirmation(action));
        }

        public string Action { get; }

        public IOcppPayload Request { get; }

        public IOcppPayload Confirmation { get; }

        public byte[] LastRequestJson { get; private set; }

        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            LastRequestJson = PayloadCodec.Write(Request);
            return Confirmation;
        }
    }
}
