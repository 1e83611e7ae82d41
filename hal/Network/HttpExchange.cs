namespace Wallbox.Hal
{
    /// <summary>
    /// One HTTP request waiting for the loop's answer. The HTTP server owns a fixed pool of these; the
    /// loop gets one from <see cref="IHttpServer.TryAccept"/> and must give it back with
    /// <see cref="IHttpServer.Respond"/>. Request fields are read-only for the loop.
    /// </summary>
    public sealed class HttpExchange
    {
        /// <summary>Creates an exchange whose body buffer holds <paramref name="maxBodyBytes"/> bytes.</summary>
        public HttpExchange(int maxBodyBytes)
        {
            Body = new byte[maxBodyBytes];
        }

        /// <summary>Request method (<c>GET</c>, <c>POST</c>, …).</summary>
        public string Method { get; private set; }

        /// <summary>Request path without the query, e.g. <c>/config</c>.</summary>
        public string Path { get; private set; }

        /// <summary>Raw query string without the <c>?</c>; empty when none.</summary>
        public string Query { get; private set; }

        /// <summary>Value of the <c>Authorization</c> header, or null.</summary>
        public string Authorization { get; private set; }

        /// <summary>Value of the <c>Content-Type</c> header, or null.</summary>
        public string ContentType { get; private set; }

        /// <summary>Request body storage (capacity fixed at construction).</summary>
        public byte[] Body { get; private set; }

        /// <summary>Bytes of <see cref="Body"/> in use.</summary>
        public int BodyLength { get; private set; }

        /// <summary>Monotonic time the request was queued, milliseconds; answers later than the server's deadline are dropped.</summary>
        public long ReceivedAtMs { get; private set; }

        /// <summary>Incremented each time the slot is reused, so a late answer to an earlier request is detected.</summary>
        public int Generation { get; private set; }

        /// <summary>For server implementations: fills the request part and starts a new generation.</summary>
        public void SetRequest(string method, string path, string query, string authorization, string contentType, byte[] body, int bodyOffset, int bodyLength, long receivedAtMs)
        {
            if (bodyLength > Body.Length)
            {
                throw new System.ArgumentOutOfRangeException("bodyLength");
            }

            Method = method;
            Path = path;
            Query = query == null ? string.Empty : query;
            Authorization = authorization;
            ContentType = contentType;
            if (bodyLength > 0)
            {
                System.Array.Copy(body, bodyOffset, Body, 0, bodyLength);
            }

            BodyLength = bodyLength;
            ReceivedAtMs = receivedAtMs;
            Generation++;
        }
    }
}
