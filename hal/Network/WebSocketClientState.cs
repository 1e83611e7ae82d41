namespace Wallbox.Hal
{
    /// <summary>State of an <see cref="IWebSocketClient"/>.</summary>
    public enum WebSocketClientState
    {
        /// <summary>No connection; <see cref="IWebSocketClient.TryConnect"/> may be called.</summary>
        Closed = 0,

        /// <summary>The worker is resolving, connecting, negotiating TLS or doing the HTTP upgrade.</summary>
        Connecting = 1,

        /// <summary>Upgrade accepted with the requested subprotocol; messages flow.</summary>
        Open = 2,

        /// <summary>A close was requested or detected; the worker is tearing the connection down.</summary>
        Closing = 3,
    }
}
