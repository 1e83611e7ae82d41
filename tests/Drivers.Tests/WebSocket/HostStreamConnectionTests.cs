using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>
/// <see cref="HostStreamConnection"/> against real TCP peers on 127.0.0.1 (a TcpListener in the test): the
/// <see cref="IStreamConnection"/> contract for connect failures, bounded buffers, end of stream and close.
/// </summary>
public sealed class HostStreamConnectionTests : IDisposable
{
    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);

    public HostStreamConnectionTests()
    {
        _listener.Start();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void A_refused_connect_is_ConnectFailed()
    {
        int port = Port;
        _listener.Stop();
        using var stream = new HostStreamConnection();

        Assert.True(stream.TryConnect("127.0.0.1", port, false, null, 3000));
        WaitFor(() => stream.State == StreamConnectionState.Closed);

        Assert.Equal(StreamConnectionError.ConnectFailed, stream.LastError);
    }

    [Fact]
    public void A_server_that_never_answers_the_TLS_handshake_is_ConnectTimeout()
    {
        using var stream = new HostStreamConnection();
        var clock = Stopwatch.StartNew();

        Assert.True(stream.TryConnect("127.0.0.1", Port, true, null, 500));
        Assert.False(stream.TryConnect("127.0.0.1", Port, true, null, 500));
        using TcpClient peer = _listener.AcceptTcpClient();
        WaitFor(() => stream.State == StreamConnectionState.Closed);

        Assert.Equal(StreamConnectionError.ConnectTimeout, stream.LastError);
        Assert.InRange(clock.ElapsedMilliseconds, 450, 3000);
    }

    [Fact]
    public void Bytes_flow_both_ways_and_what_arrived_before_the_peers_close_stays_readable()
    {
        using var stream = new HostStreamConnection(sendBufferCapacity: 64, receiveBufferCapacity: 64);
        stream.TryConnect("127.0.0.1", Port, false, null, 3000);
        using TcpClient peer = _listener.AcceptTcpClient();
        WaitFor(() => stream.State == StreamConnectionState.Open);

        byte[] hello = "hello server"u8.ToArray();
        Assert.Equal(hello.Length, stream.TryWrite(hello, 0, hello.Length));
        var atPeer = new byte[hello.Length];
        peer.GetStream().ReadExactly(atPeer);
        Assert.Equal(hello, atPeer);

        peer.GetStream().Write("bye client"u8);
        peer.Client.Shutdown(SocketShutdown.Send);
        WaitFor(() => stream.State == StreamConnectionState.Closed);

        Assert.Equal(StreamConnectionError.ClosedByPeer, stream.LastError);
        Assert.Equal("bye client", System.Text.Encoding.ASCII.GetString(ReadAll(stream)));
        Assert.Equal(0, stream.TryWrite(hello, 0, hello.Length));
    }

    [Fact]
    public async Task A_full_receive_buffer_holds_the_peer_back_without_losing_a_byte()
    {
        using var stream = new HostStreamConnection(receiveBufferCapacity: 1000);
        stream.TryConnect("127.0.0.1", Port, false, null, 3000);
        using TcpClient peer = _listener.AcceptTcpClient();
        WaitFor(() => stream.State == StreamConnectionState.Open);
        byte[] sent = Enumerable.Range(0, 1_000_000).Select(i => (byte)(i * 31 + (i >> 8))).ToArray();
        Task writer = Task.Run(() =>
        {
            peer.GetStream().Write(sent);
            peer.Client.Shutdown(SocketShutdown.Send);
        });

        var received = new MemoryStream();
        var chunk = new byte[700];
        var clock = Stopwatch.StartNew();
        while (stream.State != StreamConnectionState.Closed || received.Length < sent.Length)
        {
            Assert.True(clock.ElapsedMilliseconds < 8000, "timeout after " + received.Length + " bytes");
            int n = stream.TryRead(chunk, 0, chunk.Length);
            received.Write(chunk, 0, n);
            if (n == 0)
            {
                Thread.Sleep(1);
            }
        }

        await writer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(sent, received.ToArray());
    }

    [Fact]
    public void A_peer_that_does_not_read_fills_the_send_buffer_until_TryWrite_returns_0()
    {
        using var stream = new HostStreamConnection(sendBufferCapacity: 4096);
        stream.TryConnect("127.0.0.1", Port, false, null, 3000);
        using TcpClient peer = _listener.AcceptTcpClient();
        WaitFor(() => stream.State == StreamConnectionState.Open);
        var block = new byte[4096];
        long accepted = 0;
        var clock = Stopwatch.StartNew();
        int zeroes = 0;

        // Zero from TryWrite for 200 ms in a row: the kernel's socket buffers and ours are full.
        while (zeroes < 200)
        {
            Assert.True(clock.ElapsedMilliseconds < 8000, "never full after " + accepted + " bytes");
            int n = stream.TryWrite(block, 0, block.Length);
            accepted += n;
            zeroes = n == 0 ? zeroes + 1 : 0;
            Thread.Sleep(n == 0 ? 1 : 0);
        }

        Assert.Equal(StreamConnectionState.Open, stream.State);
        var drain = new byte[1 << 16];
        long read = 0;
        while (read < accepted)
        {
            read += peer.GetStream().Read(drain);
        }

        Assert.Equal(accepted, read);
        WaitFor(() => stream.TryWrite(block, 0, 1) == 1);
    }

    [Fact]
    public void Close_sends_what_was_accepted_then_ends_the_stream()
    {
        using var stream = new HostStreamConnection();
        stream.TryConnect("127.0.0.1", Port, false, null, 3000);
        using TcpClient peer = _listener.AcceptTcpClient();
        WaitFor(() => stream.State == StreamConnectionState.Open);
        byte[] last = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();

        Assert.Equal(last.Length, stream.TryWrite(last, 0, last.Length));
        stream.Close();
        Assert.NotEqual(StreamConnectionState.Open, stream.State);

        var atPeer = new MemoryStream();
        peer.GetStream().CopyTo(atPeer); // until end of stream
        Assert.Equal(last, atPeer.ToArray());
        WaitFor(() => stream.State == StreamConnectionState.Closed);
        Assert.Equal(StreamConnectionError.None, stream.LastError);
    }

    [Fact]
    public void Close_during_a_connect_abandons_it()
    {
        using var stream = new HostStreamConnection();
        stream.TryConnect("127.0.0.1", Port, true, null, 5000);
        using TcpClient peer = _listener.AcceptTcpClient();

        stream.Close();
        WaitFor(() => stream.State == StreamConnectionState.Closed, 1000);

        Assert.Equal(StreamConnectionError.None, stream.LastError);
        Assert.True(stream.TryConnect("127.0.0.1", Port, false, null, 3000));
    }

    private static byte[] ReadAll(IStreamConnection stream)
    {
        var all = new MemoryStream();
        var chunk = new byte[16];
        int n;
        while ((n = stream.TryRead(chunk, 0, chunk.Length)) > 0)
        {
            all.Write(chunk, 0, n);
        }

        return all.ToArray();
    }

    private static void WaitFor(Func<bool> condition, int timeoutMs = 5000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.ElapsedMilliseconds < timeoutMs, "not within " + timeoutMs + " ms");
            Thread.Sleep(1);
        }
    }
}
