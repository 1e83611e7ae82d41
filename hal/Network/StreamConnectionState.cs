namespace Wallbox.Hal
{
    /// <summary>State of an <see cref="IStreamConnection"/>.</summary>
    public enum StreamConnectionState
    {
        /// <summary>No connection; <see cref="IStreamConnection.TryConnect"/> may be called. <see cref="IStreamConnection.LastError"/> says why.</summary>
        Closed = 0,

        /// <summary>The worker is resolving the host, connecting and (for TLS) negotiating.</summary>
        Connecting = 1,

        /// <summary>Bytes flow in both directions.</summary>
        Open = 2,

        /// <summary><see cref="IStreamConnection.Close"/> was called; the worker is sending what was accepted and shutting the connection down.</summary>
        Closing = 3,
    }
}
