using System;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Wallbox.Drivers.WebSocket;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>
/// <see cref="StreamWebSocketClient"/> over <see cref="HostStreamConnection"/> against a real server (ASP.NET Core
/// Kestrel in-process), ticked from the test thread with the real clock. Every wait has a timeout below 10 s.
/// </summary>
public sealed class RealServerTests : IDisposable
{
    private const int MaxMessageBytes = 100_000;
    private const string Authorization = "Basic Q1AwMDE6c2VjcmV0";

    private readonly HostStreamConnection _stream = new HostStreamConnection();
    private readonly StreamWebSocketClient _client;
    private readonly RealTimeTicker _ticker;
    private readonly CancellationTokenSource _serverTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));

    public RealServerTests()
    {
        _client = new StreamWebSocketClient(_stream, new Random(), MaxMessageBytes, 8, 8);
        _ticker = new RealTimeTicker(_client);
    }

    private CancellationToken ServerToken => _serverTimeout.Token;

    public void Dispose()
    {
        _stream.Dispose();
        _serverTimeout.Dispose();
    }

    [Fact]
    public async Task The_server_sees_subprotocol_ocpp16_and_the_Authorization_header_and_a_local_close_completes_the_handshake()
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(async context =>
        {
            using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
            byte[] message = await KestrelWebSocketServer.ReceiveMessageAsync(socket, ServerToken);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ServerToken);
            return (message == null ? "close" : "message") + " " + socket.CloseStatus;
        });

        Open(server.Url);
        Assert.Equal(Authorization, server.SeenAuthorization);
        Assert.Equal(new[] { "ocpp1.6" }, server.SeenSubProtocols);
        Assert.Equal(101, _client.LastHandshakeStatus);

        _client.Close();
        _ticker.TickUntil(() => _client.State == WebSocketClientState.Closed, what: "closed");

        Assert.Equal("close NormalClosure", await server.HandlerResult.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(WebSocketCloseReason.ClosedLocally, _client.LastCloseReason);
        Assert.Equal(1000, _client.LastCloseCodeReceived);
    }

    [Fact]
    public async Task Messages_of_every_length_form_up_to_MaxMessageBytes_are_echoed_intact()
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(EchoAsync);
        Open(server.Url);
        int[] lengths = { 0, 125, 126, 65535, 65536, MaxMessageBytes };
        string[] texts = lengths.Select((n, i) => string.Concat(Enumerable.Repeat("0123456789ABCDEF"[i].ToString(), n))).ToArray();
        foreach (string text in texts)
        {
            Assert.True(TrySend(text));
        }

        var echoes = new System.Collections.Generic.List<string>();
        _ticker.TickUntil(() => Drain(echoes) == texts.Length, 8000, "echoes");

        Assert.Equal(texts, echoes);
        Assert.Equal(WebSocketClientState.Open, _client.State);
    }

    [Fact]
    public async Task A_message_the_server_sends_in_fragments_arrives_whole_and_a_longer_one_truncated()
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(async context =>
        {
            using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
            byte[] whole = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 1000).Select(i => "é" + i)));
            for (int offset = 0; offset < whole.Length; offset += 777)
            {
                int n = Math.Min(777, whole.Length - offset);
                await socket.SendAsync(whole.AsMemory(offset, n), WebSocketMessageType.Text, offset + n == whole.Length, ServerToken);
            }

            await socket.SendAsync(Encoding.ASCII.GetBytes(new string('L', MaxMessageBytes + 1)), WebSocketMessageType.Text, true, ServerToken);
            await KestrelWebSocketServer.ReceiveMessageAsync(socket, ServerToken);
            return "done";
        });
        Open(server.Url);

        var messages = new System.Collections.Generic.List<(string Text, bool Truncated)>();
        var buffer = new byte[MaxMessageBytes];
        _ticker.TickUntil(() =>
        {
            while (_client.TryReceive(buffer, 0, buffer.Length, out int length, out bool truncated))
            {
                messages.Add((Encoding.UTF8.GetString(buffer, 0, length), truncated));
            }

            return messages.Count == 2;
        }, 8000, "two messages");

        Assert.Equal((string.Concat(Enumerable.Range(0, 1000).Select(i => "é" + i)), false), messages[0]);
        Assert.Equal((new string('L', MaxMessageBytes), true), messages[1]);
    }

    [Fact]
    public async Task The_servers_pings_are_answered_so_its_keep_alive_timeout_never_fires()
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(async context =>
        {
            var accept = new WebSocketAcceptContext
            {
                SubProtocol = "ocpp1.6",
                KeepAliveInterval = TimeSpan.FromMilliseconds(100),
                KeepAliveTimeout = TimeSpan.FromMilliseconds(400),
            };
            using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync(accept);
            return await EchoLoopAsync(socket);
        });
        Open(server.Url, pingIntervalMs: 0, peerTimeoutMs: 0);

        _ticker.TickFor(1500);

        Assert.Equal(WebSocketClientState.Open, _client.State);
        Assert.True(_client.PongsSent >= 3, _client.PongsSent + " pongs");
        Assert.Equal(0, _client.PingsSent);
        Assert.True(TrySend("still alive"));
        var echoes = new System.Collections.Generic.List<string>();
        _ticker.TickUntil(() => Drain(echoes) == 1, what: "echo");
    }

    [Fact]
    public async Task A_close_from_the_server_is_echoed_and_reported_as_ClosedByPeer()
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(async context =>
        {
            using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
            await socket.SendAsync(Encoding.ASCII.GetBytes("bye"), WebSocketMessageType.Text, true, ServerToken);
            await socket.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "restart", ServerToken);
            return socket.State + " " + socket.CloseStatus;
        });
        Connect(server.Url);

        _ticker.TickUntil(() => _client.State == WebSocketClientState.Closed, what: "closed");

        Assert.Equal(WebSocketCloseReason.ClosedByPeer, _client.LastCloseReason);
        Assert.Equal(1001, _client.LastCloseCodeReceived);
        Assert.Equal(1001, _client.LastCloseCodeSent);
        Assert.Equal("Closed EndpointUnavailable", await server.HandlerResult.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        var received = new System.Collections.Generic.List<string>();
        Assert.Equal(1, Drain(received));
        Assert.Equal("bye", received[0]);
    }

    [Fact]
    public async Task A_server_that_stops_reading_and_answering_ends_in_PeerTimeout()
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(async context =>
        {
            using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
            await Task.Delay(TimeSpan.FromSeconds(8), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return "gone";
        });
        Open(server.Url, pingIntervalMs: 200, peerTimeoutMs: 1000);
        long openedAt = _ticker.NowMs;

        _ticker.TickUntil(() => _client.State == WebSocketClientState.Closed, 4000, "peer timeout");

        Assert.Equal(WebSocketCloseReason.PeerTimeout, _client.LastCloseReason);
        // Open() returns a little after the last byte arrived, so only the upper bound is tight.
        Assert.InRange(_ticker.NowMs - openedAt, 500, 3000);
        Assert.True(_client.PingsSent >= 2, _client.PingsSent + " pings");
    }

    [Theory]
    [InlineData("ocpp2.0.1")]
    [InlineData(null)]
    public async Task A_server_answering_another_or_no_subprotocol_is_SubProtocolRefused(string answered)
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(async context =>
        {
            using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync(answered);
            await KestrelWebSocketServer.ReceiveMessageAsync(socket, ServerToken);
            return "done";
        });

        Connect(server.Url);
        _ticker.TickUntil(() => _client.State == WebSocketClientState.Closed, what: "refused");

        Assert.Equal(WebSocketCloseReason.SubProtocolRefused, _client.LastCloseReason);
        Assert.Equal(101, _client.LastHandshakeStatus);
    }

    [Fact]
    public async Task A_401_answer_is_HandshakeRejected_with_status_401()
    {
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"ocpp\"";
            return Task.FromResult("refused");
        });

        Connect(server.Url);
        _ticker.TickUntil(() => _client.State == WebSocketClientState.Closed, what: "rejected");

        Assert.Equal(WebSocketCloseReason.HandshakeRejected, _client.LastCloseReason);
        Assert.Equal(401, _client.LastHandshakeStatus);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Wss_with_the_servers_own_root_opens_and_echoes(bool pem)
    {
        using var certificates = new TestCertificates("Wallbox Test Root");
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(EchoAsync, certificates.Server);

        Open(server.Url, trustedRoot: pem ? certificates.RootPem : certificates.RootDer);
        Assert.True(TrySend("[2,\"1\",\"BootNotification\",{}]"));
        var echoes = new System.Collections.Generic.List<string>();
        _ticker.TickUntil(() => Drain(echoes) == 1, what: "echo over TLS");

        Assert.Equal("[2,\"1\",\"BootNotification\",{}]", echoes[0]);
        Assert.StartsWith("wss://", server.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wss_with_another_root_is_TlsFailed()
    {
        using var certificates = new TestCertificates("Wallbox Test Root");
        using var other = new TestCertificates("Somebody Else's Root");
        await using KestrelWebSocketServer server = await KestrelWebSocketServer.StartAsync(EchoAsync, certificates.Server);

        Connect(server.Url, trustedRoot: other.RootDer);
        _ticker.TickUntil(() => _client.State == WebSocketClientState.Closed, what: "TLS refused");

        Assert.Equal(WebSocketCloseReason.TlsFailed, _client.LastCloseReason);
        Assert.Equal(0, _client.LastHandshakeStatus);
    }

    private static async Task<string> EchoAsync(HttpContext context)
    {
        using System.Net.WebSockets.WebSocket socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
        return await EchoLoopAsync(socket);
    }

    private static async Task<string> EchoLoopAsync(System.Net.WebSockets.WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            byte[] message = await KestrelWebSocketServer.ReceiveMessageAsync(socket, timeout.Token);
            if (message == null)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                return "closed";
            }

            await socket.SendAsync(message, WebSocketMessageType.Text, true, timeout.Token);
        }
    }

    private void Connect(string url, byte[] trustedRoot = null, int pingIntervalMs = 0, int peerTimeoutMs = 0)
    {
        var options = new WebSocketConnectOptions
        {
            Url = url,
            SubProtocol = "ocpp1.6",
            Authorization = Authorization,
            TrustedRootCertificate = trustedRoot,
            ConnectTimeoutMs = 5000,
            PingIntervalMs = pingIntervalMs,
            PeerTimeoutMs = peerTimeoutMs,
        };
        Assert.True(_client.TryConnect(options));
    }

    private void Open(string url, byte[] trustedRoot = null, int pingIntervalMs = 0, int peerTimeoutMs = 0)
    {
        Connect(url, trustedRoot, pingIntervalMs, peerTimeoutMs);
        _ticker.TickUntil(() => _client.State != WebSocketClientState.Connecting, what: "connect");
        Assert.True(_client.State == WebSocketClientState.Open, "not open: " + _client.LastCloseReason + " " + _client.LastErrorText + " " + _stream.LastError);
    }

    private bool TrySend(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return _client.TrySend(bytes, 0, bytes.Length);
    }

    private int Drain(System.Collections.Generic.List<string> into)
    {
        var buffer = new byte[MaxMessageBytes];
        while (_client.TryReceive(buffer, 0, buffer.Length, out int length, out bool truncated))
        {
            Assert.False(truncated);
            into.Add(Encoding.UTF8.GetString(buffer, 0, length));
        }

        return into.Count;
    }
}
