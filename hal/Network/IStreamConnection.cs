namespace Wallbox.Hal
{
    /// <summary>
    /// A non-blocking byte-stream connection (TCP, optionally TLS) to one server. Resolving, connecting, the TLS
    /// handshake and socket I/O block, so a HAL worker does them; the loop only moves bytes in and out of two
    /// bounded buffers and polls <see cref="State"/>. Used by protocol layers that frame their own messages
    /// (the portable WebSocket client), so that a transport without a WebSocket library (a cellular modem driven
    /// by AT commands) only has to provide this.
    /// </summary>
    /// <remarks>
    /// <para>Bounds: the send buffer holds <see cref="SendBufferCapacity"/> bytes; <see cref="TryWrite"/> accepts only
    /// what fits and returns 0 when it is full (the caller keeps the rest and tries again on a later tick). The
    /// receive buffer holds <see cref="ReceiveBufferCapacity"/> bytes; while it is full the worker stops reading
    /// the network, so the peer is held back by TCP flow control and nothing is lost.</para>
    /// <para>Ordering: bytes are delivered in order, without loss or duplication, as long as the state is Open. When
    /// the peer ends the stream the state becomes <see cref="StreamConnectionState.Closed"/> with
    /// <see cref="StreamConnectionError.ClosedByPeer"/>, and the bytes received before that stay readable with
    /// <see cref="TryRead"/> until they are read or the next <see cref="TryConnect"/>; an implementation publishes
    /// the last bytes before the Closed state, so a caller that reads <see cref="State"/> first and then reads
    /// until <see cref="TryRead"/> returns 0 has seen everything.</para>
    /// <para>No member blocks or throws for network conditions; failures are values in <see cref="LastError"/>.</para>
    /// </remarks>
    public interface IStreamConnection
    {
        /// <summary>Connection state.</summary>
        StreamConnectionState State { get; }

        /// <summary>Why the connection last closed or failed to open (<see cref="StreamConnectionError.None"/> after a local close).</summary>
        StreamConnectionError LastError { get; }

        /// <summary>Capacity of the send buffer, bytes.</summary>
        int SendBufferCapacity { get; }

        /// <summary>Capacity of the receive buffer, bytes.</summary>
        int ReceiveBufferCapacity { get; }

        /// <summary>
        /// Starts connecting on the worker and returns at once. Returns false, doing nothing, when the state is not
        /// <see cref="StreamConnectionState.Closed"/>. Clears both buffers and <see cref="LastError"/>.
        /// </summary>
        /// <param name="host">Host name or IPv4 address in dotted form.</param>
        /// <param name="port">TCP port, 1 to 65535.</param>
        /// <param name="useTls">Negotiate TLS after the TCP connect; the server name is <paramref name="host"/>.</param>
        /// <param name="trustedRootCertificate">Root certificate (PEM or DER) the server's chain must end in; only this root is trusted. Null: the platform's trust store.</param>
        /// <param name="connectTimeoutMs">Gives up (<see cref="StreamConnectionError.ConnectTimeout"/>) when TCP and TLS together take longer, milliseconds; 0: the platform's own timeouts.</param>
        bool TryConnect(string host, int port, bool useTls, byte[] trustedRootCertificate, int connectTimeoutMs);

        /// <summary>
        /// Copies up to <paramref name="count"/> bytes into the send buffer and returns how many were accepted: all,
        /// some, or 0 when the buffer is full or the state is not <see cref="StreamConnectionState.Open"/>. Never blocks.
        /// </summary>
        int TryWrite(byte[] buffer, int offset, int count);

        /// <summary>
        /// Moves up to <paramref name="capacity"/> received bytes into <paramref name="buffer"/> and returns how many;
        /// 0 when none are waiting. Never blocks. Works in every state while received bytes remain.
        /// </summary>
        int TryRead(byte[] buffer, int offset, int capacity);

        /// <summary>
        /// Starts an orderly close (or abandons a connect) and returns at once: bytes already accepted by
        /// <see cref="TryWrite"/> are still sent, within a bound the implementation states, then the connection is
        /// shut down and the state becomes Closed; received bytes not yet read are discarded. Nothing when Closed.
        /// </summary>
        void Close();
    }
}
