using System.Linq;
using Wallbox.Drivers.WebSocket;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>The closing handshake, RFC 6455 §5.5.1 and §7.1.</summary>
public sealed class CloseHandshakeTests
{
    private readonly SimulatedServer _server = new SimulatedServer();

    [Fact]
    public void Close_sends_1000_waits_for_the_servers_close_and_its_TCP_close()
    {
        _server.Open();

        _server.Client.Close();
        _server.Step();

        Assert.Equal(WebSocketClientState.Closing, _server.Client.State);
        Assert.Equal(1000, _server.ClientCloses().Single().CloseCode);
        _server.Send(ServerFrames.CloseFrame(1000));
        _server.Run(50);
        Assert.Equal(WebSocketClientState.Closing, _server.Client.State); // §7.1.1: the server closes TCP first
        Assert.Equal(1000, _server.Client.LastCloseCodeReceived);

        _server.Stream.PeerClose();
        _server.Step();

        Assert.Equal(WebSocketClientState.Closed, _server.Client.State);
        Assert.Equal(WebSocketCloseReason.ClosedLocally, _server.Client.LastCloseReason);
        Assert.Single(_server.ClientCloses());
    }

    [Fact]
    public void Without_an_answer_Close_gives_up_after_the_close_handshake_timeout()
    {
        _server.Open();
        _server.Client.Close();

        _server.Run(StreamWebSocketClient.CloseHandshakeTimeoutMs - 50);
        Assert.Equal(WebSocketClientState.Closing, _server.Client.State);
        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed, 100);

        Assert.Equal(WebSocketCloseReason.ClosedLocally, _server.Client.LastCloseReason);
        Assert.Equal(1, _server.Stream.CloseCalls);
    }

    [Fact]
    public void Messages_still_arriving_after_Close_are_delivered_queued_outgoing_ones_are_not_sent()
    {
        // Room in the stream for exactly the first frame (2 + 4 + 11 bytes).
        var server = new SimulatedServer(sendBufferCapacity: 17);
        server.Open();
        server.Stream.PeerStalled = true;
        server.TrySend("sent-before");
        server.TrySend("never-sent");
        server.Step();
        server.Client.Close();
        server.Send(ServerFrames.TextFrame("late"), ServerFrames.CloseFrame(1000));
        server.Stream.PeerStalled = false;
        server.Run(30);

        Assert.Equal(new[] { "sent-before" }, server.ClientFrames().Where(f => f.Opcode == ServerFrames.Text).Select(f => f.Text));
        Assert.Single(server.ClientCloses());
        Assert.Equal(new[] { ("late", false) }, server.Received());
    }

    [Fact]
    public void A_close_from_the_server_is_echoed_with_its_code_and_reported_as_ClosedByPeer()
    {
        _server.Open();

        _server.Send(ServerFrames.CloseFrame(1001, "going away"));
        _server.Step();

        Assert.Equal(1001, _server.ClientCloses().Single().CloseCode);
        Assert.Equal(2, _server.ClientCloses().Single().Payload.Length);
        Assert.Equal(WebSocketClientState.Closing, _server.Client.State);
        Assert.Equal(WebSocketCloseReason.ClosedByPeer, _server.Client.LastCloseReason);
        Assert.Equal(1001, _server.Client.LastCloseCodeReceived);

        _server.Stream.PeerClose();
        _server.Step();
        Assert.Equal(WebSocketClientState.Closed, _server.Client.State);
        Assert.Equal(WebSocketCloseReason.ClosedByPeer, _server.Client.LastCloseReason);
    }

    [Fact]
    public void A_close_without_a_code_is_echoed_without_a_code()
    {
        _server.Open();

        _server.Send(ServerFrames.Frame(ServerFrames.Close, new byte[0]));
        _server.Step();

        Assert.Empty(_server.ClientCloses().Single().Payload);
        Assert.Equal(1005, _server.Client.LastCloseCodeReceived);
    }

    [Fact]
    public void A_message_before_the_servers_close_frame_stays_receivable_after_Closed()
    {
        _server.Open();

        _server.Send(ServerFrames.TextFrame("[2,\"9\",\"Reset\",{\"type\":\"Hard\"}]"), ServerFrames.CloseFrame(1000));
        _server.Stream.PeerClose();
        _server.Step();

        Assert.Equal(WebSocketClientState.Closed, _server.Client.State);
        Assert.Equal(new[] { ("[2,\"9\",\"Reset\",{\"type\":\"Hard\"}]", false) }, _server.Received());
    }

    [Fact]
    public void A_TCP_close_without_a_close_frame_is_ClosedByPeer()
    {
        _server.Open();

        _server.Stream.PeerClose();
        _server.Step();

        Assert.Equal((WebSocketClientState.Closed, WebSocketCloseReason.ClosedByPeer), (_server.Client.State, _server.Client.LastCloseReason));
        Assert.Contains("without a close frame", _server.Client.LastErrorText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_stream_is_ClosedByPeer()
    {
        _server.Open();

        _server.Stream.PeerFail();
        _server.Step();

        Assert.Equal((WebSocketClientState.Closed, WebSocketCloseReason.ClosedByPeer), (_server.Client.State, _server.Client.LastCloseReason));
        Assert.Contains("I/O error", _server.Client.LastErrorText, System.StringComparison.Ordinal);
    }

    [Fact]
    public void After_Closed_the_client_connects_again_from_scratch()
    {
        _server.Open();
        _server.Send(ServerFrames.TextFrame("first"), ServerFrames.TextFrame("partial", fin: false));
        _server.Stream.PeerClose();
        _server.Step();
        Assert.Equal(WebSocketClientState.Closed, _server.Client.State);

        _server.Open();
        _server.Send(ServerFrames.TextFrame("second"));
        _server.Step();

        Assert.Equal(new[] { ("second", false) }, _server.Received());
        Assert.Equal(WebSocketCloseReason.None, _server.Client.LastCloseReason);
        Assert.Equal(2, _server.Stream.ConnectAttempts);
    }
}
