using System;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>
/// A central system that stops answering while its TCP connection stays open (its process SIGSTOPped: the kernel
/// still acknowledges data) or that dies. Each test has its own peer, since suspending it would stall any other.
/// </summary>
public sealed class HostWebSocketClientDeadPeerTests
{
    private const int PingIntervalMs = 500;
    private const int PeerTimeoutMs = 2000;

    // Scheduling slack on a loaded 2-core machine.
    private const int DetectionMarginMs = 1500;

    private readonly ITestOutputHelper _output;

    public HostWebSocketClientDeadPeerTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void A_suspended_central_system_is_PeerTimeout_within_PeerTimeoutMs()
    {
        const string identity = "CP-suspended";
        using CsmsPeer peer = new CsmsPeer();
        peer.Start();
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(peer.UrlFor(identity));
        options.PingIntervalMs = PingIntervalMs;
        options.PeerTimeoutMs = PeerTimeoutMs;
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));
        peer.WaitForConnected(identity);

        peer.Suspend();
        Stopwatch sinceSuspended = Stopwatch.StartNew();
        WebSocketClientDriver.WaitClosed(client, PeerTimeoutMs + DetectionMarginMs);

        Assert.Equal(WebSocketCloseReason.PeerTimeout, client.LastCloseReason);
        _output.WriteLine("report: host WebSocket client: SIGSTOPped central system detected as PeerTimeout after "
            + sinceSuspended.ElapsedMilliseconds + " ms (PingIntervalMs " + PingIntervalMs + ", PeerTimeoutMs " + PeerTimeoutMs + ")");
        // Not before a ping went unanswered for the pong timeout (PeerTimeoutMs - PingIntervalMs).
        Assert.True(sinceSuspended.ElapsedMilliseconds >= PeerTimeoutMs - PingIntervalMs - 100, "detected after " + sinceSuspended.ElapsedMilliseconds + " ms");
    }

    [Fact]
    public void A_suspended_central_system_is_PeerTimeout_also_while_a_send_is_stuck()
    {
        const string identity = "CP-suspended-sending";
        using CsmsPeer peer = new CsmsPeer();
        peer.Start();
        using HostWebSocketClient client = new HostWebSocketClient(maxMessageBytes: 65536);
        WebSocketConnectOptions options = WebSocketClientDriver.Options(peer.UrlFor(identity));
        options.PingIntervalMs = PingIntervalMs;
        options.PeerTimeoutMs = PeerTimeoutMs;
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));
        peer.WaitForConnected(identity);

        peer.Suspend();
        Stopwatch sinceSuspended = Stopwatch.StartNew();
        (int accepted, bool refused) = FillSendQueue(client);
        Assert.True(refused && accepted > 0, "TrySend never refused after " + accepted + " messages");
        WebSocketClientDriver.WaitClosed(client, PeerTimeoutMs + DetectionMarginMs);

        Assert.Equal(WebSocketCloseReason.PeerTimeout, client.LastCloseReason);
        _output.WriteLine("report: host WebSocket client: SIGSTOPped central system with a stuck send detected as PeerTimeout after "
            + sinceSuspended.ElapsedMilliseconds + " ms (PingIntervalMs " + PingIntervalMs + ", PeerTimeoutMs " + PeerTimeoutMs + ")");
    }

    [Fact]
    public void A_responsive_central_system_answering_pings_is_not_timed_out()
    {
        const string identity = "CP-alive";
        using CsmsPeer peer = new CsmsPeer();
        peer.Start();
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(peer.UrlFor(identity));
        options.PingIntervalMs = 200;
        options.PeerTimeoutMs = 1000;
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));

        // Nothing but pings and pongs cross for three peer timeouts.
        Assert.False(RealTime.Within(() => client.State != WebSocketClientState.Open, 3 * options.PeerTimeoutMs));
        Assert.Equal(WebSocketCloseReason.None, client.LastCloseReason);
    }

    [Fact]
    public void Without_pings_silence_for_PeerTimeoutMs_is_PeerTimeout()
    {
        const string identity = "CP-silent";
        using CsmsPeer peer = new CsmsPeer();
        peer.Start();
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(peer.UrlFor(identity));
        options.PingIntervalMs = 0;
        options.PeerTimeoutMs = 1000;
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));
        Stopwatch sinceOpen = Stopwatch.StartNew();

        peer.Suspend();
        WebSocketClientDriver.WaitClosed(client, options.PeerTimeoutMs + DetectionMarginMs);

        Assert.Equal(WebSocketCloseReason.PeerTimeout, client.LastCloseReason);
        Assert.True(sinceOpen.ElapsedMilliseconds >= options.PeerTimeoutMs - 100, "detected after " + sinceOpen.ElapsedMilliseconds + " ms");
    }

    [Fact]
    public void A_killed_central_system_is_ClosedByPeer()
    {
        const string identity = "CP-killed";
        using CsmsPeer peer = new CsmsPeer();
        peer.Start();
        using HostWebSocketClient client = new HostWebSocketClient();
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(peer.UrlFor(identity))));
        peer.WaitForConnected(identity);

        peer.Kill();

        WebSocketClientDriver.WaitClosed(client);
        Assert.Equal(WebSocketCloseReason.ClosedByPeer, client.LastCloseReason);
    }

    [Fact]
    public void When_the_send_queue_is_full_TrySend_returns_false_and_nothing_queued_is_lost()
    {
        const string identity = "CP-send-full";
        const int maxMessageBytes = 65536;
        using CsmsPeer peer = new CsmsPeer();
        peer.Start();
        using HostWebSocketClient client = new HostWebSocketClient(maxMessageBytes: maxMessageBytes, sendQueueCapacity: 4, receiveQueueCapacity: 4);
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, WebSocketClientDriver.Options(peer.UrlFor(identity))));
        peer.WaitForConnected(identity);

        // A stalled peer: the socket buffers fill (a few MB over loopback), then the worker's send blocks and the
        // queue fills behind it.
        peer.Suspend();
        (int accepted, bool refused) = FillSendQueue(client);
        Assert.True(refused, "TrySend never refused after " + accepted + " messages");
        _output.WriteLine("report: host WebSocket client: send queue full after " + accepted + " messages of 60 kB to a SIGSTOPped central system");
        Assert.True(accepted >= client.SendQueueCapacity);
        Assert.Equal(WebSocketClientState.Open, client.State);

        // Nothing accepted is lost once the peer goes on.
        int mark = 0;
        peer.Resume();
        for (int i = 0; i < accepted; i++)
        {
            string id = "dt-" + i;
            mark = peer.WaitFor(e => e.Is("call", identity) && e.GetString("messageId") == id, "CALL " + id, mark, 10000).Index;
        }

        peer.AssertNoValidationFailures(identity);
        Assert.True(RealTime.Within(() => WebSocketClientDriver.TrySendText(client, "[2,\"hb\",\"Heartbeat\",{}]"), WebSocketClientDriver.TimeoutMs));
    }

    // Sends 60 kB DataTransfer CALLs until TrySend refuses (or 2000 were taken): against a stalled peer the socket
    // buffers fill (a few MB over loopback), the worker's send blocks and the queue fills behind it.
    private static (int Accepted, bool Refused) FillSendQueue(HostWebSocketClient client)
    {
        int accepted = 0;
        for (int i = 0; i < 2000; i++)
        {
            string text = "[2,\"dt-" + i + "\",\"DataTransfer\",{\"vendorId\":\"org.openwallbox.test\",\"data\":\"" + new string('x', 60000) + "\"}]";
            byte[] bytes = Encoding.UTF8.GetBytes(text);

            // A moment of grace: the worker may not have taken the previous message to the socket yet.
            if (!client.TrySend(bytes, 0, bytes.Length) && !RealTime.Within(() => client.TrySend(bytes, 0, bytes.Length), 500))
            {
                return (accepted, true);
            }

            accepted++;
        }

        return (accepted, false);
    }
}
