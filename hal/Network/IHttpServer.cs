namespace Wallbox.Hal
{
    /// <summary>
    /// A small HTTP/1.1 server for the local configuration page. Accepting connections and socket I/O run on
    /// a HAL-owned worker; complete requests wait in a bounded queue for the loop.
    /// </summary>
    /// <remarks>
    /// Bounds: <see cref="MaxPendingRequests"/> requests wait at once; the worker answers
    /// <c>503 Service Unavailable</c> itself when the queue is full, <c>413</c> when a body exceeds
    /// <see cref="MaxBodyBytes"/>, and <c>503</c> when the loop has not answered within <see cref="ResponseDeadlineMs"/>.
    /// </remarks>
    public interface IHttpServer
    {
        /// <summary>True while listening.</summary>
        bool IsRunning { get; }

        /// <summary>Largest accepted request body, in bytes.</summary>
        int MaxBodyBytes { get; }

        /// <summary>Requests that can wait for the loop at once.</summary>
        int MaxPendingRequests { get; }

        /// <summary>Time the loop has to answer a request before the worker answers 503, in milliseconds.</summary>
        int ResponseDeadlineMs { get; }

        /// <summary>Starts listening on <paramref name="port"/> (on the worker). False when already running.</summary>
        bool Start(int port);

        /// <summary>Stops listening and drops pending requests.</summary>
        void Stop();

        /// <summary>Takes the oldest pending request. False when none is waiting.</summary>
        bool TryAccept(out HttpExchange exchange);

        /// <summary>
        /// Answers a request taken with <see cref="TryAccept"/>. The body is copied, so the caller may reuse its
        /// buffer at once. <paramref name="extraHeaders"/> holds complete header lines (<c>Name: value\r\n</c>) or null.
        /// Returns false when the answer came too late (the worker already answered 503) or the exchange is unknown.
        /// </summary>
        bool Respond(HttpExchange exchange, int generation, int statusCode, string contentType, string extraHeaders, byte[] body, int offset, int count);
    }
}
