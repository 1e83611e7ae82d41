using System;
using System.Text;
using Wallbox.Hal;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>Drives an <see cref="IWebSocketClient"/> the way the firmware loop does (polling), in real time.</summary>
internal static class WebSocketClientDriver
{
    /// <summary>Generous wait for a connect or a message over loopback, milliseconds.</summary>
    public const int TimeoutMs = 5000;

    /// <summary>The options the tests start from: ocpp1.6, 5 s connect timeout, no pings, no peer timeout.</summary>
    public static WebSocketConnectOptions Options(string url, string authorization = null) => new WebSocketConnectOptions
    {
        Url = url,
        SubProtocol = "ocpp1.6",
        Authorization = authorization,
        ConnectTimeoutMs = 5000,
    };

    /// <summary>The Authorization header value of HTTP Basic auth (RFC 7617): user = identity (OCPP 1.6 security profile 1).</summary>
    public static string BasicAuthorization(string identity, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(identity + ":" + password));

    /// <summary>Starts connecting and waits until the state leaves Connecting.</summary>
    public static WebSocketClientState ConnectAndWait(IWebSocketClient client, WebSocketConnectOptions options, int timeoutMs = TimeoutMs)
    {
        if (!client.TryConnect(options))
        {
            throw new InvalidOperationException("TryConnect refused: state " + client.State);
        }

        RealTime.WaitUntil(() => client.State != WebSocketClientState.Connecting, timeoutMs, "the connect to " + options.Url + " to end");
        return client.State;
    }

    /// <summary>Waits until the client is Closed.</summary>
    public static TimeSpan WaitClosed(IWebSocketClient client, int timeoutMs = TimeoutMs) =>
        RealTime.WaitUntil(() => client.State == WebSocketClientState.Closed, timeoutMs, "the client to be Closed");

    /// <summary>Queues <paramref name="text"/> (UTF-8); true when accepted.</summary>
    public static bool TrySendText(IWebSocketClient client, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return client.TrySend(bytes, 0, bytes.Length);
    }

    /// <summary>Waits for the next incoming message and returns it as text with its truncation flag.</summary>
    public static (string Text, bool Truncated) Receive(IWebSocketClient client, int capacity = 65536, int timeoutMs = TimeoutMs)
    {
        byte[] buffer = new byte[capacity];
        int length = 0;
        bool truncated = false;
        RealTime.WaitUntil(() => client.TryReceive(buffer, 0, capacity, out length, out truncated), timeoutMs, "an incoming message");
        return (Encoding.UTF8.GetString(buffer, 0, length), truncated);
    }
}
