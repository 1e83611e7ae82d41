namespace Wallbox.Hal
{
    /// <summary>Why an <see cref="IStreamConnection"/> is (or went) closed.</summary>
    public enum StreamConnectionError
    {
        /// <summary>Never connected, still connected, or closed by <see cref="IStreamConnection.Close"/>.</summary>
        None = 0,

        /// <summary>Name resolution or the TCP connect failed (refused, unreachable, no such host).</summary>
        ConnectFailed = 1,

        /// <summary>The TLS handshake failed or the server's certificate did not chain to the trusted root.</summary>
        TlsFailed = 2,

        /// <summary>Connecting (including the TLS handshake) took longer than the connect timeout.</summary>
        ConnectTimeout = 3,

        /// <summary>The peer ended the stream (TCP FIN, or TLS close_notify).</summary>
        ClosedByPeer = 4,

        /// <summary>A read or write failed on an open connection (reset, modem error, link lost).</summary>
        IoError = 5,
    }
}
