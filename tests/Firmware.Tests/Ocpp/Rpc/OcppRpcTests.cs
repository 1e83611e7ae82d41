using System.Collections.Generic;
using System.Text.Json;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Tests.Ocpp.Rpc;

/// <summary>The OCPP-J RPC layer (OCPP-J 1.6 §4) in virtual time against a scripted central system.</summary>
public sealed class OcppRpcTests
{
    [Fact]
    public void A_call_is_sent_as_a_CALL_frame_and_completes_with_the_decoded_CALLRESULT()
    {
        var bench = new RpcBench();
        var call = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());

        Assert.True(bench.Rpc.TryEnqueue(call));
        bench.Run(10);

        string sent = Assert.Single(bench.Sent());
        Assert.Equal("[2,\"t-1\",\"Heartbeat\",{}]", sent);
        Assert.Equal(OcppCallState.AwaitingResponse, call.State);
        bench.Socket.PeerSend("[3,\"t-1\",{\"currentTime\":\"2026-11-22T04:05:06.123Z\"}]");
        bench.Run(10);

        Assert.Equal(OcppCallState.Completed, call.State);
        Assert.Equal(1795320306123, ((HeartbeatConfirmation)call.Confirmation).CurrentTime);
    }

    [Fact]
    public void Only_one_call_is_outstanding_and_the_next_goes_out_when_the_first_is_answered()
    {
        var bench = new RpcBench();
        var first = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
        var second = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
        bench.Rpc.TryEnqueue(first);
        bench.Rpc.TryEnqueue(second);

        bench.Run(100);
        Assert.Single(bench.Sent());
        Assert.Equal(OcppCallState.Queued, second.State);

        bench.Socket.PeerSend("[3,\"t-1\",{\"currentTime\":\"2026-11-22T04:05:06Z\"}]");
        bench.Run(10);

        Assert.Equal("[2,\"t-2\",\"Heartbeat\",{}]", Assert.Single(bench.Sent()));
        Assert.Equal(OcppCallState.AwaitingResponse, second.State);
    }

    [Fact]
    public void A_call_without_answer_times_out_and_a_late_answer_is_ignored()
    {
        var bench = new RpcBench();
        var call = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation()) { TimeoutMs = 5000 };
        bench.Rpc.TryEnqueue(call);

        bench.Run(4990);
        Assert.Equal(OcppCallState.AwaitingResponse, call.State);
        bench.Run(20);
        Assert.Equal(OcppCallState.TimedOut, call.State);

        bench.Socket.PeerSend("[3,\"t-1\",{\"currentTime\":\"2026-11-22T04:05:06Z\"}]");
        bench.Run(10);
        Assert.Equal(OcppCallState.TimedOut, call.State);
        Assert.Equal(1, bench.Rpc.Statistics.UnexpectedResponses);
    }

    [Fact]
    public void A_CALLERROR_rejects_the_call_with_its_code_in_either_spelling()
    {
        var bench = new RpcBench();
        var call = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
        bench.Rpc.TryEnqueue(call);
        bench.Run(10);

        bench.Socket.PeerSend("[4,\"t-1\",\"OccurrenceConstraintViolation\",\"missing field\",{}]");
        bench.Run(10);

        Assert.Equal(OcppCallState.Rejected, call.State);
        Assert.Equal(OcppErrorCode.OccurenceConstraintViolation, call.ErrorCode);
        Assert.Equal("missing field", call.ErrorDescription);
    }

    [Fact]
    public void An_invalid_CALLRESULT_rejects_the_call_instead_of_passing_garbage_on()
    {
        var bench = new RpcBench();
        var call = new OcppCall(new BootNotificationRequest { ChargePointVendor = "V", ChargePointModel = "M" }, new BootNotificationConfirmation());
        bench.Rpc.TryEnqueue(call);
        bench.Run(10);

        bench.Socket.PeerSend("[3,\"t-1\",{\"status\":\"Maybe\",\"currentTime\":\"2026-11-22T04:05:06Z\",\"interval\":300}]");
        bench.Run(10);

        Assert.Equal(OcppCallState.Rejected, call.State);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, call.ErrorCode);
        Assert.Contains("status", call.ErrorDescription);
    }

    [Fact]
    public void The_outstanding_call_is_lost_with_the_connection_and_queued_calls_wait_for_the_next_one()
    {
        var bench = new RpcBench();
        var outstanding = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
        var queued = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
        bench.Rpc.TryEnqueue(outstanding);
        bench.Run(10);
        bench.Rpc.TryEnqueue(queued);

        bench.Socket.PeerClose();
        bench.Run(10);

        Assert.Equal(OcppCallState.ConnectionLost, outstanding.State);
        Assert.Equal(OcppCallState.Queued, queued.State);
    }

    [Fact]
    public void An_invalid_request_is_never_put_on_the_wire()
    {
        var bench = new RpcBench();
        var call = new OcppCall(new AuthorizeRequest { IdTag = "an-idTag-longer-than-twenty" }, new AuthorizeConfirmation());
        bench.Rpc.TryEnqueue(call);
        bench.Run(10);

        Assert.Empty(bench.Sent());
        Assert.Equal(OcppCallState.NotSent, call.State);
        Assert.Contains("idTag", call.ErrorDescription);
    }

    [Fact]
    public void When_the_queue_is_full_a_lower_priority_call_gives_way_and_transaction_calls_never_do()
    {
        var bench = new RpcBench(queueCapacity: 2);
        var blocker = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
        bench.Rpc.TryEnqueue(blocker);
        bench.Run(10); // outstanding: the queue is now empty again
        var heartbeat = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation()) { Priority = OcppCallPriority.Low };
        var start = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation()) { Priority = OcppCallPriority.Transaction };
        var stop = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation()) { Priority = OcppCallPriority.Transaction };
        var status = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation()) { Priority = OcppCallPriority.Normal };

        Assert.True(bench.Rpc.TryEnqueue(heartbeat));
        Assert.True(bench.Rpc.TryEnqueue(start));
        Assert.True(bench.Rpc.TryEnqueue(stop)); // evicts the heartbeat
        Assert.False(bench.Rpc.TryEnqueue(status)); // nothing below Normal left: refused, the owner keeps it

        Assert.Equal(OcppCallState.NotSent, heartbeat.State);
        Assert.Equal("evicted from the full queue", heartbeat.ErrorDescription);
        Assert.Equal(OcppCallState.Queued, start.State);
        Assert.Equal(OcppCallState.Queued, stop.State);
        Assert.Equal(OcppCallState.Idle, status.State);
    }

    [Fact]
    public void Higher_priority_calls_go_first_and_calls_of_equal_priority_keep_their_order()
    {
        var bench = new RpcBench(queueCapacity: 4);
        bench.Rpc.TryEnqueue(new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation()) { Priority = OcppCallPriority.Low });
        bench.Rpc.TryEnqueue(new OcppCall(new AuthorizeRequest { IdTag = "A" }, new AuthorizeConfirmation()) { Priority = OcppCallPriority.Normal });
        bench.Rpc.TryEnqueue(new OcppCall(new AuthorizeRequest { IdTag = "B" }, new AuthorizeConfirmation()) { Priority = OcppCallPriority.Normal });
        bench.Rpc.TryEnqueue(new OcppCall(new BootNotificationRequest { ChargePointVendor = "V", ChargePointModel = "M" }, new BootNotificationConfirmation()) { Priority = OcppCallPriority.Boot });
        var order = new List<string>();
        for (int i = 1; i <= 4; i++)
        {
            bench.Run(10);
            string frame = Assert.Single(bench.Sent());
            using JsonDocument doc = JsonDocument.Parse(frame);
            order.Add(doc.RootElement[2].GetString() + (doc.RootElement[2].GetString() == "Authorize" ? ":" + doc.RootElement[3].GetProperty("idTag").GetString() : string.Empty));
            bench.Rpc.Cancel(bench.Rpc.Outstanding);
        }

        Assert.Equal(new[] { "BootNotification", "Authorize:A", "Authorize:B", "Heartbeat" }, order);
    }

    [Fact]
    public void An_incoming_call_is_decoded_handed_to_its_handler_and_answered_with_its_confirmation()
    {
        var bench = new RpcBench();
        var handler = new ResetHandler();
        Assert.True(bench.Rpc.RegisterHandler(handler));

        List<string> replies = bench.Exchange("[2,\"cs-17\",\"Reset\",{\"type\":\"Soft\"}]");

        Assert.Equal("[3,\"cs-17\",{\"status\":\"Accepted\"}]", Assert.Single(replies));
        Assert.Equal(ResetType.Soft, handler.Seen);
    }

    [Theory]
    [InlineData("[2,\"a1\",\"FlyToTheMoon\",{}]", "NotImplemented")]
    [InlineData("[2,\"a2\",\"UnlockConnector\",{\"connectorId\":1}]", "NotSupported")]
    [InlineData("[2,\"a3\",\"Reset\",{}]", "OccurenceConstraintViolation")]
    [InlineData("[2,\"a4\",\"Reset\",{\"type\":\"Gentle\"}]", "PropertyConstraintViolation")]
    [InlineData("[2,\"a5\",\"Reset\",{\"type\":7}]", "TypeConstraintViolation")]
    [InlineData("[2,\"a6\",\"Reset\",{\"type\":\"Soft\",\"when\":\"now\"}]", "FormationViolation")]
    [InlineData("[2,\"a7\",\"Reset\",[\"Soft\"]]", "FormationViolation")]
    [InlineData("[2,\"a8\",\"Reset\",{\"type\":\"Soft\"},42]", "FormationViolation")]
    [InlineData("[2,\"a9\",\"Reset\",{\"type\":\"Soft\"", "FormationViolation")]
    [InlineData("[2,\"a10\",\"Reset\"]", "FormationViolation")]
    [InlineData("[2,\"a11\",7,{}]", "FormationViolation")]
    [InlineData("[2,\"a-messageId-that-is-longer-than-36-chars\",\"Reset\",{\"type\":\"Soft\"}]", "FormationViolation")]
    public void A_bad_incoming_call_is_answered_with_the_matching_CALLERROR(string frame, string expectedCode)
    {
        var bench = new RpcBench();
        bench.Rpc.RegisterHandler(new ResetHandler());

        string reply = Assert.Single(bench.Exchange(frame));

        using JsonDocument doc = JsonDocument.Parse(reply);
        Assert.Equal(4, doc.RootElement[0].GetInt32());
        string expectedId = System.Text.RegularExpressions.Regex.Match(frame, "^\\[2,\"([^\"]*)\"").Groups[1].Value;
        Assert.Equal(expectedId, doc.RootElement[1].GetString());
        Assert.Equal(expectedCode, doc.RootElement[2].GetString());
        Assert.False(string.IsNullOrEmpty(doc.RootElement[3].GetString()));
        Assert.Equal(JsonValueKind.Object, doc.RootElement[4].ValueKind);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"a\":1}")]
    [InlineData("[]")]
    [InlineData("[2]")]
    [InlineData("[2,17,\"Reset\",{}]")]
    [InlineData("[9,\"x\",{}]")]
    [InlineData("")]
    public void A_frame_without_a_readable_messageId_or_not_a_request_gets_no_answer_and_is_counted(string frame)
    {
        var bench = new RpcBench();

        Assert.Empty(bench.Exchange(frame));
        Assert.Equal(1, bench.Rpc.Statistics.FramesDropped);
    }

    [Fact]
    public void A_frame_longer_than_the_limit_is_answered_with_ProtocolError()
    {
        var bench = new RpcBench(maxMessageBytes: 256);
        bench.Rpc.RegisterHandler(new ResetHandler());

        string reply = Assert.Single(bench.Exchange("[2,\"big\",\"Reset\",{\"type\":\"Soft\",\"padding\":\"" + new string('x', 400) + "\"}]"));

        Assert.StartsWith("[4,\"big\",\"ProtocolError\",\"frame longer than 256 bytes", reply);
    }

    [Fact]
    public void A_handler_that_throws_is_answered_with_InternalError_and_the_loop_goes_on()
    {
        var bench = new RpcBench();
        bench.Rpc.RegisterHandler(new ResetHandler { Throw = true });

        string reply = Assert.Single(bench.Exchange("[2,\"x1\",\"Reset\",{\"type\":\"Hard\"}]"));

        Assert.StartsWith("[4,\"x1\",\"InternalError\"", reply);
        Assert.True(bench.Log.Contains("Reset handler failed"));
    }

    [Fact]
    public void A_confirmation_JSON_cannot_carry_is_never_sent_broken_but_answered_with_InternalError()
    {
        var bench = new RpcBench();
        var confirmation = new GetCompositeScheduleConfirmation { Status = GetCompositeScheduleStatus.Accepted, HasScheduleStart = true, ScheduleStart = long.MaxValue };
        bench.Rpc.RegisterHandler(new FixedHandler("GetCompositeSchedule", new GetCompositeScheduleRequest(), confirmation));

        string reply = Assert.Single(bench.Exchange("[2,\"g1\",\"GetCompositeSchedule\",{\"connectorId\":1,\"duration\":60}]"));

        Assert.StartsWith("[4,\"g1\",\"InternalError\"", reply);
        Assert.True(bench.Log.Contains("GetCompositeSchedule confirmation not sendable"));
    }

    [Fact]
    public void An_answer_the_transport_cannot_take_yet_is_held_and_sent_later_never_lost()
    {
        var bench = new RpcBench(sendQueueCapacity: 1);
        bench.Rpc.RegisterHandler(new ResetHandler());
        bench.Socket.MessageLatencyMs = 20; // the transport drains slowly

        bench.Socket.PeerSend("[2,\"r1\",\"Reset\",{\"type\":\"Soft\"}]");
        bench.Socket.PeerSend("[2,\"r2\",\"Reset\",{\"type\":\"Soft\"}]");
        bench.Socket.PeerSend("[2,\"r3\",\"Reset\",{\"type\":\"Soft\"}]");
        bench.Run(200);

        List<string> replies = bench.Sent();
        Assert.Equal(new[] { "[3,\"r1\",{\"status\":\"Accepted\"}]", "[3,\"r2\",{\"status\":\"Accepted\"}]", "[3,\"r3\",{\"status\":\"Accepted\"}]" }, replies);
    }

    [Fact]
    public void Message_ids_are_unique_per_call()
    {
        var bench = new RpcBench();
        var ids = new HashSet<string>();
        for (int i = 0; i < 50; i++)
        {
            var call = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
            bench.Rpc.TryEnqueue(call);
            bench.Run(5);
            Assert.True(ids.Add(call.MessageId));
            bench.Socket.PeerSend("[3,\"" + call.MessageId + "\",{\"currentTime\":\"2026-11-22T04:05:06Z\"}]");
            bench.Run(5);
            Assert.Equal(OcppCallState.Completed, call.State);
        }
    }

    private sealed class FixedHandler : IOcppRequestHandler
    {
        private readonly IOcppPayload _confirmation;

        public FixedHandler(string action, IOcppPayload request, IOcppPayload confirmation)
        {
            Action = action;
            Request = request;
            _confirmation = confirmation;
        }

        public string Action { get; }

        public IOcppPayload Request { get; }

        public IOcppPayload Handle(long nowMs, OcppDecodeError error) => _confirmation;
    }

    private sealed class ResetHandler : IOcppRequestHandler
    {
        private readonly ResetRequest _request = new ResetRequest();
        private readonly ResetConfirmation _confirmation = new ResetConfirmation();

        public bool Throw { get; set; }

        public ResetType Seen { get; private set; }

        public string Action => "Reset";

        public IOcppPayload Request => _request;

        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            if (Throw)
            {
                throw new System.InvalidOperationException("boom");
            }

            Seen = _request.Type;
            _confirmation.Status = ResetStatus.Accepted;
            return _confirmation;
        }
    }
}
