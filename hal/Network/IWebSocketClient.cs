namespace Wallbox.Hal
{
    /// <summary>
    /// A message-oriented WebSocket client (text messages, UTF-8). Connecting, TLS and socket I/O block,
    /// so they run on a HAL-owned worker; the loop sees bounded, non-blocking queues.
    /// </summary>
    /// <remarks>
    /// Bounds: at most <see cref="SendQueueCapacity"/> outgoing and <see cref="ReceiveQueueCapacity"/>
    /// incoming messages are buffered, each at most <see cref="MaxMessageBytes"/> long.
    /// When the send queue is full <see cref="TrySend"/> returns false and the caller keeps its message.
    /// When the receive queue is full, further messages are dropped and counted in <see cref="DroppedReceiveCount"/>.
    /// A longer incoming message is cut to <see cref="MaxMessageBytes"/> and delivered flagged as truncated,
    /// so the protocol layer can still answer it with an error.
    /// </remarks>
    public interface IWebSocketClient
    {
        /// <summary>Connection state.</summary>
        WebSocketClientState State { get; }

        /// <summary>Why the connection last closed (or failed to open).</summary>
        WebSocketCloseReason LastCloseReason { get; }

        /// <summary>HTTP status of the last upgrade attempt (101 when accepted, 0 when none was received).</summary>
        int LastHandshakeStatus { get; }

        /// <summary>Largest message, in bytes, that is sent or delivered whole.</summary>
        int MaxMessageBytes { get; }

        /// <summary>Capacity of the outgoing queue, in messages.</summary>
        int SendQueueCapacity { get; }

        /// <summary>Capacity of the incoming queue, in messages.</summary>
        int ReceiveQueueCapacity { get; }

        /// <summary>Incoming messages dropped because the incoming queue was full, since construction.</summary>
        int DroppedReceiveCount { get; }

        /// <summary>
        /// Starts connecting on the worker. Returns false when not <see cref="WebSocketClientState.Closed"/>.
        /// The options object is read by the worker until the state leaves Connecting.
        /// </summary>
        bool TryConnect(WebSocketConnectOptions options);

        /// <summary>Starts an orderly close (or abandons a connect). Returns at once.</summary>
        void Close();

        /// <summary>
        /// Copies one text message into the outgoing queue. Returns false, queueing nothing, when the
        /// connection is not open, the queue is full, or the message exceeds <see cref="MaxMessageBytes"/>.
        /// </summary>
        bool TrySend(byte[] buffer, int offset, int count);

        /// <summary>
        /// Moves the oldest incoming message into <paramref name="buffer"/>. Returns false when none is waiting.
        /// <paramref name="truncated"/> is set when the message was longer than <see cref="MaxMessageBytes"/>
        /// or than <paramref name="capacity"/>; then only the first bytes are delivered.
        /// </summary>
        bool TryReceive(byte[] buffer, int offset, int capacity, out int length, out bool truncated);
    }
}
