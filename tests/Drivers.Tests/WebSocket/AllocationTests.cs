using System;
using System.Text;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>Steady state allocates nothing: messages both ways, fragments, pings and pongs (docs/architecture.md, rule 5).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Exchanging_messages_pings_and_pongs_allocates_nothing_after_warm_up()
    {
        var server = new SimulatedServer(maxMessageBytes: 2048);
        server.Options.PingIntervalMs = 30;
        server.Open();
        byte[] outgoing = Encoding.UTF8.GetBytes("[2,\"42\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}] ünïcödé");
        byte[] incoming = ServerFrames.Concat(
            ServerFrames.TextFrame("[3,\"42\",{}] " + new string('x', 1500)),
            ServerFrames.TextFrame("[2,\"7\",", fin: false),
            ServerFrames.Frame(ServerFrames.Ping, Encoding.ASCII.GetBytes("ping")),
            ServerFrames.Frame(ServerFrames.Continuation, Encoding.ASCII.GetBytes("\"Heartbeat\",{}]")));
        var buffer = new byte[2048];
        int received = 0;
        long allocated = 0;
        for (int round = 0; round < 600; round++)
        {
            server.Stream.PeerSend(incoming);
            server.Clock.AdvanceMs(10);
            server.Stream.Advance(server.Clock.NowUs);
            server.Stream.PeerReceive();

            long before = GC.GetAllocatedBytesForCurrentThread();
            server.Client.Tick(server.Clock.NowMs);
            server.Client.Tick(server.Clock.NowMs);
            while (server.Client.TryReceive(buffer, 0, buffer.Length, out _, out _))
            {
                received++;
            }

            server.Client.TrySend(outgoing, 0, outgoing.Length);
            server.Client.Tick(server.Clock.NowMs);
            long delta = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round >= 100)
            {
                allocated += delta;
            }
        }

        // Then silence: the client's own keep-alive pings.
        for (int round = 0; round < 100; round++)
        {
            server.Clock.AdvanceMs(10);
            server.Stream.Advance(server.Clock.NowUs);
            server.Stream.PeerReceive();
            long before = GC.GetAllocatedBytesForCurrentThread();
            server.Client.Tick(server.Clock.NowMs);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(1200, received);
        Assert.True(server.Client.PongsSent >= 600);
        Assert.True(server.Client.PingsSent >= 30);
        Assert.Equal(0, allocated);
    }
}
