using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>
/// <see cref="HostWebSocketClient"/> against the real strict central system (ocpp-rpc in strict mode) over loopback:
/// handshake, Basic auth, closes in both directions and the bounds of <see cref="IWebSocketClient"/>.
/// </summary>
[Collection(StrictCentralSystemCollection.Name)]
public sealed class HostWebSocketClientTests
{
    private readonly CsmsPeer _peer;

    public HostWebSocketClientTests(StrictCentralSystemFixture fixture)
    {
        _peer = fixture.Peer;
    }

    [Fact]
    public void Connects_with_subprotocol_ocpp16_and_a_hand_typed_BootNotification_is_accepted_by_the_strict_central_system()
    {
        const string identity = "CP-boot";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();

        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        Assert.Equal(101, client.LastHandshakeStatus);
        Assert.Equal("ocpp1.6", client.NegotiatedSubProtocol);
        PeerEvent connected = _peer.WaitForConnected(identity, mark);
        Assert.Equal("ocpp1.6", connected.GetString("protocol"));

        // OCPP-J 1.6 §4.2.1: [MessageTypeId 2, UniqueId, Action, Payload]; BootNotification.req needs vendor and model (§6.2).
        Assert.True(WebSocketClientDriver.TrySendText(
            client, "[2,\"boot-1\",\"BootNotification\",{\"chargePointVendor\":\"OpenWallbox\",\"chargePointModel\":\"Virtual\"}]"));

        (string reply, bool truncated) = WebSocketClientDriver.Receive(client);
        Assert.False(truncated);
        JsonArray result = JsonNode.Parse(reply).AsArray();
        Assert.Equal(3, result[0].GetValue<int>());
        Assert.Equal("boot-1", result[1].GetValue<string>());
        Assert.Equal("Accepted", result[2]["status"].GetValue<string>());
        Assert.True(result[2]["interval"].GetValue<int>() > 0);
        PeerEvent call = _peer.WaitForCall(identity, "BootNotification", mark);
        Assert.Equal("boot-1", call.GetString("messageId"));
        Assert.Equal("payload", _peer.WaitForReplied(identity, "boot-1", mark).GetString("mode"));
        _peer.AssertNoValidationFailures(identity);
    }

    [Fact]
    public void The_oracle_catches_a_CALL_that_violates_the_OCPP_16_schema()
    {
        const string identity = "CP-oracle";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));

        // chargePointModel is required (OCPP 1.6 §6.2).
        Assert.True(WebSocketClientDriver.TrySendText(client, "[2,\"boot-bad\",\"BootNotification\",{\"chargePointVendor\":\"OpenWallbox\"}]"));

        JsonArray error = JsonNode.Parse(WebSocketClientDriver.Receive(client).Text).AsArray();
        Assert.Equal(4, error[0].GetValue<int>());
        Assert.Equal("boot-bad", error[1].GetValue<string>());
        // The 1.6 errata spelling on the wire (the spec text says OccurenceConstraintViolation).
        Assert.Equal("OccurrenceConstraintViolation", error[2].GetValue<string>());
        _peer.WaitFor(e => e.Is("strictValidationFailure", identity), "the validation failure", mark);
        Assert.Throws<PeerException>(() => _peer.AssertNoValidationFailures(identity));
    }

    [Fact]
    public void A_call_from_the_central_system_is_validated_in_its_answer_too()
    {
        const string identity = "CP-server-call";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        _peer.WaitForConnected(identity, mark);

        // A valid GetConfiguration.conf (OCPP 1.6 §6.33): the server's call resolves.
        string first = _peer.BeginCall(identity, "GetConfiguration", new JsonObject());
        JsonArray call = JsonNode.Parse(WebSocketClientDriver.Receive(client).Text).AsArray();
        Assert.Equal(2, call[0].GetValue<int>());
        Assert.Equal("GetConfiguration", call[2].GetValue<string>());
        Assert.True(WebSocketClientDriver.TrySendText(client, "[3,\"" + call[1].GetValue<string>() + "\",{\"configurationKey\":[],\"unknownKey\":[]}]"));
        CsmsPeerCallOutcome accepted = _peer.WaitForCallOutcome(first);
        Assert.False(accepted.IsError, accepted.ToString());
        _peer.AssertNoValidationFailures(identity);

        // configurationKey must be an array: the strict server rejects the CALLRESULT (and sends nothing back).
        string second = _peer.BeginCall(identity, "GetConfiguration", new JsonObject());
        call = JsonNode.Parse(WebSocketClientDriver.Receive(client).Text).AsArray();
        Assert.True(WebSocketClientDriver.TrySendText(client, "[3,\"" + call[1].GetValue<string>() + "\",{\"configurationKey\":\"all\"}]"));
        CsmsPeerCallOutcome rejected = _peer.WaitForCallOutcome(second);
        Assert.True(rejected.IsError);
        Assert.Equal("TypeConstraintViolation", rejected.ErrorCode);
        Assert.Throws<PeerException>(() => _peer.AssertNoValidationFailures(identity));
        Assert.False(RealTime.Within(() => client.TryReceive(new byte[256], 0, 256, out _, out _), 300));
    }

    [Fact]
    public void The_right_Basic_auth_password_is_accepted()
    {
        const string identity = "CP-auth-ok";
        _peer.SetPassword(identity, "s3cret-key");
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        string authorization = WebSocketClientDriver.BasicAuthorization(identity, "s3cret-key");

        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity), authorization)));
        Assert.Equal(authorization, _peer.WaitForConnected(identity, mark).GetString("authorization"));
    }

    [Fact]
    public void A_wrong_Basic_auth_password_is_rejected_with_401_as_HandshakeRejected()
    {
        const string identity = "CP-auth-bad";
        _peer.SetPassword(identity, "s3cret-key");
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        string authorization = WebSocketClientDriver.BasicAuthorization(identity, "wrong");

        Assert.Equal(WebSocketClientState.Closed, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity), authorization)));
        Assert.Equal(WebSocketCloseReason.HandshakeRejected, client.LastCloseReason);
        Assert.Equal(401, client.LastHandshakeStatus);
        Assert.Equal(401, _peer.WaitForRejected(identity, mark).GetInteger("status"));
    }

    [Fact]
    public void A_client_that_offers_no_subprotocol_is_refused_by_the_strict_central_system()
    {
        // The peer must never run a connection with strict validation off.
        const string identity = "CP-no-protocol";
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(_peer.UrlFor(identity));
        options.SubProtocol = null;

        Assert.Equal(WebSocketClientState.Closed, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.Equal(WebSocketCloseReason.HandshakeRejected, client.LastCloseReason);
        Assert.Equal(400, client.LastHandshakeStatus);
    }

    [Fact]
    public void A_close_by_the_central_system_is_ClosedByPeer()
    {
        const string identity = "CP-peer-close";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        _peer.WaitForConnected(identity, mark);

        _peer.CloseConnection(identity, 1000, "bye");

        WebSocketClientDriver.WaitClosed(client);
        Assert.Equal(WebSocketCloseReason.ClosedByPeer, client.LastCloseReason);
        // The close handshake completed (RFC 6455 §5.5.1: the client answered the close frame).
        Assert.Equal(1000, _peer.WaitForDisconnected(identity, mark).GetInteger("code"));
    }

    [Fact]
    public void A_connection_the_central_system_drops_without_a_close_frame_is_ClosedByPeer()
    {
        const string identity = "CP-peer-drop";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        _peer.WaitForConnected(identity, mark);

        _peer.CloseConnection(identity, force: true);

        WebSocketClientDriver.WaitClosed(client);
        Assert.Equal(WebSocketCloseReason.ClosedByPeer, client.LastCloseReason);
    }

    [Fact]
    public void Close_sends_a_close_frame_and_ends_ClosedLocally()
    {
        const string identity = "CP-local-close";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        _peer.WaitForConnected(identity, mark);

        client.Close();

        Assert.NotEqual(WebSocketClientState.Open, client.State);
        Assert.False(WebSocketClientDriver.TrySendText(client, "[2,\"hb\",\"Heartbeat\",{}]"));
        WebSocketClientDriver.WaitClosed(client);
        Assert.Equal(WebSocketCloseReason.ClosedLocally, client.LastCloseReason);
        Assert.Equal(1000, _peer.WaitForDisconnected(identity, mark).GetInteger("code"));
    }

    [Fact]
    public void The_client_connects_again_after_a_close()
    {
        const string identity = "CP-reconnect";
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(_peer.UrlFor(identity));
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.False(client.TryConnect(options));
        client.Close();
        WebSocketClientDriver.WaitClosed(client);

        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.Equal(WebSocketCloseReason.None, client.LastCloseReason);
        Assert.True(WebSocketClientDriver.TrySendText(client, "[2,\"hb-1\",\"Heartbeat\",{}]"));
        JsonArray reply = JsonNode.Parse(WebSocketClientDriver.Receive(client).Text).AsArray();
        Assert.Equal("hb-1", reply[1].GetValue<string>());
        _peer.AssertNoValidationFailures(identity);
    }

    [Fact]
    public void A_message_longer_than_MaxMessageBytes_is_delivered_truncated()
    {
        const string identity = "CP-long-in";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient(maxMessageBytes: 256);
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        _peer.WaitForConnected(identity, mark);
        string exact = new string('a', 256);
        string longer = new string('b', 1000);

        _peer.SendRaw(identity, exact);
        _peer.SendRaw(identity, longer);

        (string first, bool firstTruncated) = WebSocketClientDriver.Receive(client);
        Assert.Equal(exact, first);
        Assert.False(firstTruncated);
        (string second, bool secondTruncated) = WebSocketClientDriver.Receive(client);
        Assert.Equal(longer.Substring(0, 256), second);
        Assert.True(secondTruncated);
    }

    [Fact]
    public void A_receive_buffer_smaller_than_the_message_gets_its_first_bytes_flagged_truncated()
    {
        const string identity = "CP-small-buffer";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        _peer.WaitForConnected(identity, mark);

        _peer.SendRaw(identity, "0123456789");

        (string text, bool truncated) = WebSocketClientDriver.Receive(client, capacity: 4);
        Assert.Equal("0123", text);
        Assert.True(truncated);
    }

    [Fact]
    public void Messages_arriving_while_the_receive_queue_is_full_are_dropped_and_counted()
    {
        const string identity = "CP-receive-full";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient(receiveQueueCapacity: 2);
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        _peer.WaitForConnected(identity, mark);

        for (int i = 1; i <= 5; i++)
        {
            _peer.SendRaw(identity, "message " + i);
        }

        RealTime.WaitUntil(() => client.DroppedReceiveCount == 3, WebSocketClientDriver.TimeoutMs, "3 dropped messages");
        Assert.Equal("message 1", WebSocketClientDriver.Receive(client).Text);
        Assert.Equal("message 2", WebSocketClientDriver.Receive(client).Text);
        Assert.False(client.TryReceive(new byte[64], 0, 64, out _, out _));
        Assert.Equal(WebSocketClientState.Open, client.State);
    }

    [Fact]
    public void A_message_longer_than_MaxMessageBytes_is_not_queued_for_sending()
    {
        const string identity = "CP-long-out";
        using HostWebSocketClient client = new HostWebSocketClient(maxMessageBytes: 64);
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(_peer.UrlFor(identity))));

        Assert.False(client.TrySend(new byte[65], 0, 65));
        Assert.True(WebSocketClientDriver.TrySendText(client, "[2,\"hb\",\"Heartbeat\",{}]"));
    }

    [Fact]
    public void TrySend_returns_false_before_the_connection_is_open()
    {
        using HostWebSocketClient client = new HostWebSocketClient();

        Assert.False(WebSocketClientDriver.TrySendText(client, "[2,\"hb\",\"Heartbeat\",{}]"));
        Assert.Equal(WebSocketClientState.Closed, client.State);
        Assert.Equal(WebSocketCloseReason.None, client.LastCloseReason);
    }

    [Fact]
    public void Connecting_to_a_closed_port_is_ConnectFailed()
    {
        TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using HostWebSocketClient client = new HostWebSocketClient();

        Assert.Equal(WebSocketClientState.Closed, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options("ws://127.0.0.1:" + port + "/CP")));
        Assert.Equal(WebSocketCloseReason.ConnectFailed, client.LastCloseReason);
        Assert.Equal(0, client.LastHandshakeStatus);
    }

    [Fact]
    public void A_URL_that_is_not_ws_or_wss_is_ConnectFailed()
    {
        using HostWebSocketClient client = new HostWebSocketClient();

        Assert.Equal(WebSocketClientState.Closed, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options("http://127.0.0.1:1/CP")));
        Assert.Equal(WebSocketCloseReason.ConnectFailed, client.LastCloseReason);
    }

    [Fact]
    public void An_upgrade_that_is_never_answered_is_ConnectTimeout_after_ConnectTimeoutMs()
    {
        using RawWebSocketServer server = RawWebSocketServer.NeverAnswering();
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(server.Url);
        options.ConnectTimeoutMs = 500;

        Assert.True(client.TryConnect(options));
        TimeSpan took = WebSocketClientDriver.WaitClosed(client);

        Assert.Equal(WebSocketCloseReason.ConnectTimeout, client.LastCloseReason);
        Assert.InRange(took.TotalMilliseconds, 400, 3000);
    }

    [Fact]
    public void Close_while_connecting_abandons_the_attempt_as_ClosedLocally()
    {
        using RawWebSocketServer server = RawWebSocketServer.NeverAnswering();
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.True(client.TryConnect(WebSocketClientDriver.Options(server.Url)));

        client.Close();

        WebSocketClientDriver.WaitClosed(client);
        Assert.Equal(WebSocketCloseReason.ClosedLocally, client.LastCloseReason);
    }

    [Fact]
    public void A_frame_with_reserved_bits_set_is_ProtocolError()
    {
        // RFC 6455 §5.2: RSV1 set without a negotiated extension: the client must fail the connection.
        using RawWebSocketServer server = RawWebSocketServer.AcceptingThenSending(new byte[] { 0xC1, 0x02, (byte)'h', (byte)'i' });
        using HostWebSocketClient client = new HostWebSocketClient();

        Assert.True(client.TryConnect(WebSocketClientDriver.Options(server.Url)));
        WebSocketClientDriver.WaitClosed(client);

        Assert.Equal(WebSocketCloseReason.ProtocolError, client.LastCloseReason);
        Assert.Equal(101, client.LastHandshakeStatus);
    }
}
