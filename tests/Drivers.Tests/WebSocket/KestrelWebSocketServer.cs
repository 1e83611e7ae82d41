using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>
/// A real WebSocket server: ASP.NET Core Kestrel in-process on 127.0.0.1 with an ephemeral port, plain or TLS.
/// Each test gives the handler that plays the central system; what the server saw is recorded.
/// </summary>
internal sealed class KestrelWebSocketServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelWebSocketServer(WebApplication app, int port, bool tls)
    {
        _app = app;
        Port = port;
        Url = (tls ? "wss" : "ws") + "://127.0.0.1:" + port + "/ocpp/CP001";
    }

    public int Port { get; }

    public string Url { get; }

    /// <summary>Authorization header of the last upgrade request.</summary>
    public string SeenAuthorization { get; private set; }

    /// <summary>Subprotocols the last upgrade request offered.</summary>
    public string[] SeenSubProtocols { get; private set; } = Array.Empty<string>();

    /// <summary>Completes with the handler's result (its exception when it failed).</summary>
    public TaskCompletionSource<string> HandlerResult { get; } = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<KestrelWebSocketServer> StartAsync(Func<HttpContext, Task<string>> handler, X509Certificate2 certificate = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.Logging.ClearProviders();
        if (certificate != null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate != null)
            {
                listen.UseHttps(certificate);
            }
        }));
        WebApplication app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        KestrelWebSocketServer server = null;
        app.Run(async context =>
        {
            server.SeenAuthorization = context.Request.Headers.Authorization.ToString();
            server.SeenSubProtocols = context.WebSockets.WebSocketRequestedProtocols.ToArray();
            try
            {
                server.HandlerResult.TrySetResult(await handler(context));
            }
            catch (Exception ex)
            {
                server.HandlerResult.TrySetException(ex);
            }
        });
        await app.StartAsync();
        int port = new Uri(app.Urls.First()).Port;
        server = new KestrelWebSocketServer(app, port, certificate != null);
        return server;
    }

    /// <summary>Reads one whole message (all fragments); null when the client sent a close frame.</summary>
    public static async Task<byte[]> ReceiveMessageAsync(System.Net.WebSockets.WebSocket socket, CancellationToken token)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            WebSocketReceiveResult result = await socket.ReceiveAsync(buffer, token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Upgraded connections still open are aborted when the graceful stop period ends; the test is over by then.
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(250)))
        {
            await _app.StopAsync(stopTimeout.Token);
        }

        await _app.DisposeAsync();
    }
}
