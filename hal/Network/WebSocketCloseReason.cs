namespace Wallbox.Hal
{
    /// <summary>Why an <see cref="IWebSocketClient"/> is (or went) closed.</summary>
    public enum WebSocketCloseReason
    {
        /// <summary>Never connected, or still open.</summary>
        None = 0,

        /// <summary>Closed by <see cref="IWebSocketClient.Close"/>.</summary>
        ClosedLocally = 1,

        /// <summary>The peer sent a close frame or closed the socket.</summary>
        ClosedByPeer = 2,

        /// <summary>Name resolution or TCP connect failed.</summary>
        ConnectFailed = 3,

        /// <summary>TLS handshake or certificate validation failed.</summary>
        TlsFailed = 4,

        /// <summary>The HTTP upgrade was answered with a non-101 status (e.g. 401 for a wrong password); see <see cref="IWebSocketClient.LastHandshakeStatus"/>.</summary>
        HandshakeRejected = 5,

        /// <summary>The server did not agree to the requested subprotocol.</summary>
        SubProtocolRefused = 6,

        /// <summary>Nothing (not even a pong) arrived within the server timeout: a half-open connection.</summary>
        PeerTimeout = 7,

        /// <summary>The peer violated RFC 6455 framing.</summary>
        ProtocolError = 8,

        /// <summary>Connecting took longer than the connect timeout.</summary>
        ConnectTimeout = 9,
    }
}
