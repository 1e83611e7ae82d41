using System.Linq;
using System.Text;
using Wallbox.Drivers.WebSocket;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>Ping and pong (RFC 6455 §5.5.2, §5.5.3), keep-alive pings and the peer timeout.</summary>
public sealed class KeepAliveTests
{
    private readonly SimulatedServer _server = new SimulatedServer();

    [Fact]
    public void A_ping_is_answered_with_a_pong_echoing_its_payload()
    {
        _server.Open();

        _server.Send(ServerFrames.Frame(ServerFrames.Ping, Encoding.ASCII.GetBytes("Hello")));
        _server.Step();

        ClientFrame pong = Assert.Single(_server.ClientFrames());
        Assert.Equal((ServerFrames.Pong, "Hello", true), (pong.Opcode, pong.Text, pong.Fin));
        Assert.Equal(1, _server.Client.PongsSent);
    }

    [Fact]
    public void A_ping_with_the_largest_control_payload_is_echoed_whole()
    {
        _server.Open();
        byte[] payload = Enumerable.Range(0, 125).Select(i => (byte)i).ToArray();

        _server.Send(ServerFrames.Frame(ServerFrames.Ping, payload));
        _server.Step();

        Assert.Equal(payload, _server.ClientFrames().Single().Payload);
    }

    [Fact]
    public void The_pong_goes_out_before_queued_messages()
    {
        _server.Open();
        _server.TrySend("queued-1");
        _server.TrySend("queued-2");
        _server.Send(ServerFrames.Frame(ServerFrames.Ping, Encoding.ASCII.GetBytes("p")));

        _server.Step();

        Assert.Equal(new[] { "p", "queued-1", "queued-2" }, _server.ClientFrames().Select(f => f.Text));
    }

    [Fact]
    public void Of_several_pings_before_a_pong_could_be_sent_the_latest_is_answered()
    {
        _server.Open();
        _server.Send(ServerFrames.Frame(ServerFrames.Ping, Encoding.ASCII.GetBytes("1")), ServerFrames.Frame(ServerFrames.Ping, Encoding.ASCII.GetBytes("2")));

        _server.Step();

        Assert.Equal(new[] { "2" }, _server.ClientFrames().Select(f => f.Text));
    }

    [Fact]
    public void An_unsolicited_pong_is_ignored()
    {
        _server.Open();
        _server.Send(ServerFrames.Frame(ServerFrames.Pong, Encoding.ASCII.GetBytes("x")), ServerFrames.TextFrame("still fine"));
        _server.Step();

        Assert.Equal(new[] { ("still fine", false) }, _server.Received());
        Assert.Equal(1, _server.Client.PongsReceived);
        Assert.Empty(_server.ClientFrames());
    }

    [Fact]
    public void After_PingIntervalMs_without_receiving_anything_a_ping_is_sent_and_again_every_interval()
    {
        _server.Options.PingIntervalMs = 1000;
        _server.Open();

        _server.Run(990);
        Assert.Empty(_server.ClientFrames());
        _server.Run(20);
        Assert.Equal(ServerFrames.Ping, _server.ClientFrames().Single().Opcode);
        _server.Run(1000);
        Assert.Equal(2, _server.ClientFrames().Count(f => f.Opcode == ServerFrames.Ping));
        Assert.Equal(2, _server.Client.PingsSent);
    }

    [Fact]
    public void Traffic_from_the_server_postpones_the_ping()
    {
        _server.Options.PingIntervalMs = 1000;
        _server.Open();

        for (int i = 0; i < 10; i++)
        {
            _server.Run(600);
            _server.Send(ServerFrames.TextFrame("tick"));
        }

        Assert.Empty(_server.ClientFrames());
    }

    [Fact]
    public void After_PeerTimeoutMs_without_a_single_byte_the_connection_is_closed_with_PeerTimeout()
    {
        _server.Options.PingIntervalMs = 1000;
        _server.Options.PeerTimeoutMs = 3000;
        _server.Open();

        _server.Run(2950);
        Assert.Equal(WebSocketClientState.Open, _server.Client.State);
        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed, 100);

        Assert.Equal(WebSocketCloseReason.PeerTimeout, _server.Client.LastCloseReason);
        Assert.Equal(StreamConnectionState.Closed, _server.Stream.State);
        Assert.Equal(2, _server.Client.PingsSent);
    }

    [Fact]
    public void Any_received_byte_even_half_a_frame_keeps_the_connection_alive()
    {
        _server.Options.PeerTimeoutMs = 3000;
        _server.Open();
        byte[] frame = ServerFrames.TextFrame("slowly");

        foreach (byte b in frame)
        {
            _server.Run(2500);
            _server.Stream.PeerSend(new[] { b });
        }

        _server.Run(100);
        Assert.Equal(WebSocketClientState.Open, _server.Client.State);
        Assert.Equal(new[] { ("slowly", false) }, _server.Received());
    }

    [Fact]
    public void A_peer_that_stops_reading_and_answering_ends_in_PeerTimeout()
    {
        _server.Options.PingIntervalMs = 500;
        _server.Options.PeerTimeoutMs = 2000;
        _server.Open();
        _server.Stream.PeerStalled = true;

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed, 2100);

        Assert.Equal(WebSocketCloseReason.PeerTimeout, _server.Client.LastCloseReason);
    }
}
