using System.Text;

namespace Wallbox.Hal.Simulation.Tests;

public sealed class SimulatedWebSocketClientTests
{
    private readonly VirtualClock _clock = new VirtualClock();
    private readonly SimulatedWebSocketClient _ws;
    private readonly WebSocketConnectOptions _options = new WebSocketConnectOptions
    {
        Url = "ws://127.0.0.1:9000/ocpp/CP001",
        SubProtocol = "ocpp1.6",
        ConnectTimeoutMs = 10_000,
        PeerTimeoutMs = 30_000,
    };

    public SimulatedWebSocketClientTests()
    {
        _ws = new SimulatedWebSocketClient(_clock, maxMessageBytes: 16, sendQueueCapacity: 2, receiveQueueCapacity: 2);
    }

    [Fact]
    public void Connects_after_the_connect_latency_with_status_101()
    {
        Assert.True(_ws.TryConnect(_options));
        Assert.Equal(WebSocketClientState.Connecting, _ws.State);
        Assert.False(_ws.TryConnect(_options));

        AdvanceMs(_ws.ConnectLatencyMs);

        Assert.Equal(WebSocketClientState.Open, _ws.State);
        Assert.Equal(101, _ws.LastHandshakeStatus);
    }

    [Fact]
    public void Messages_flow_both_ways_with_latency()
    {
        Open();
        byte[] call = Encoding.UTF8.GetBytes("[2,\"1\",\"Hb\",{}]");
        Assert.True(_ws.TrySend(call, 0, call.Length));
        AdvanceMs(_ws.MessageLatencyMs);
        Assert.True(_ws.TryPeerReceive(out string atPeer));
        Assert.Equal("[2,\"1\",\"Hb\",{}]", atPeer);

        _ws.PeerSend("[3,\"1\",{}]");
        AdvanceMs(_ws.MessageLatencyMs);
        var buffer = new byte[32];
        Assert.True(_ws.TryReceive(buffer, 0, buffer.Length, out int length, out bool truncated));
        Assert.Equal("[3,\"1\",{}]", Encoding.UTF8.GetString(buffer, 0, length));
        Assert.False(truncated);
    }

    [Fact]
    public void A_wrong_password_is_refused_with_401()
    {
        _ws.PeerRequiredAuthorization = "Basic Q1AwMDE6c2VjcmV0";
        _options.Authorization = "Basic Q1AwMDE6d3Jvbmc=";
        _ws.TryConnect(_options);
        AdvanceMs(_ws.ConnectLatencyMs);

        Assert.Equal(WebSocketClientState.Closed, _ws.State);
        Assert.Equal((WebSocketCloseReason.HandshakeRejected, 401), (_ws.LastCloseReason, _ws.LastHandshakeStatus));
    }

    [Fact]
    public void A_server_without_the_subprotocol_is_refused()
    {
        _ws.PeerSubProtocols = new[] { "ocpp2.0.1" };
        _ws.TryConnect(_options);
        AdvanceMs(_ws.ConnectLatencyMs);

        Assert.Equal(WebSocketCloseReason.SubProtocolRefused, _ws.LastCloseReason);
    }

    [Fact]
    public void A_connect_into_silence_times_out()
    {
        _ws.Silent = true;
        _ws.TryConnect(_options);
        AdvanceMs(_options.ConnectTimeoutMs);

        Assert.Equal(WebSocketCloseReason.ConnectTimeout, _ws.LastCloseReason);
        Assert.Equal(WebSocketClientState.Closed, _ws.State);
    }

    [Fact]
    public void A_half_open_connection_is_detected_by_the_peer_timeout()
    {
        Open();
        _ws.Silent = true;
        AdvanceMs(_options.PeerTimeoutMs - 1);
        Assert.Equal(WebSocketClientState.Open, _ws.State);

        AdvanceMs(1);

        Assert.Equal(WebSocketCloseReason.PeerTimeout, _ws.LastCloseReason);
    }

    [Fact]
    public void The_send_queue_refuses_messages_when_full_or_too_long()
    {
        Open();
        byte[] msg = new byte[8];

        Assert.True(_ws.TrySend(msg, 0, 8));
        Assert.True(_ws.TrySend(msg, 0, 8));
        Assert.False(_ws.TrySend(msg, 0, 8));
        Assert.False(_ws.TrySend(new byte[17], 0, 17));
    }

    [Fact]
    public void Incoming_messages_beyond_the_queue_are_dropped_and_counted_and_long_ones_are_cut_and_flagged()
    {
        Open();
        _ws.PeerSend("0123456789abcdefXYZ");
        _ws.PeerSend("b");
        _ws.PeerSend("c");
        AdvanceMs(_ws.MessageLatencyMs);

        Assert.Equal(1, _ws.DroppedReceiveCount);
        var buffer = new byte[64];
        Assert.True(_ws.TryReceive(buffer, 0, 64, out int length, out bool truncated));
        Assert.Equal((16, true), (length, truncated));
        Assert.Equal("0123456789abcdef", Encoding.UTF8.GetString(buffer, 0, length));
    }

    [Fact]
    public void A_hung_worker_stays_connecting_forever()
    {
        _ws.Hung = true;
        _ws.TryConnect(_options);
        AdvanceMs(600_000);

        Assert.Equal(WebSocketClientState.Connecting, _ws.State);
    }

    [Fact]
    public void Local_close_ends_in_closed_with_its_reason()
    {
        Open();
        _ws.Close();
        AdvanceMs(1);

        Assert.Equal((WebSocketClientState.Closed, WebSocketCloseReason.ClosedLocally), (_ws.State, _ws.LastCloseReason));
    }

    private void Open()
    {
        _ws.TryConnect(_options);
        AdvanceMs(_ws.ConnectLatencyMs);
        Assert.Equal(WebSocketClientState.Open, _ws.State);
    }

    private void AdvanceMs(int ms)
    {
        for (int i = 0; i < ms; i++)
        {
            _clock.AdvanceMs(1);
            _ws.Advance(_clock.NowUs);
        }
    }
}
