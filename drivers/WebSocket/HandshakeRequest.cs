using System.Text;

namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// The client's opening handshake, RFC 6455 §4.1: an HTTP/1.1 GET with Host, Upgrade: websocket,
    /// Connection: Upgrade, Sec-WebSocket-Key, Sec-WebSocket-Version: 13, and Sec-WebSocket-Protocol and
    /// Authorization when given. No Origin (only browser clients send it, §4.1 item 8) and no extensions.
    /// </summary>
    public static class HandshakeRequest
    {
        /// <summary>The only protocol version of RFC 6455 (§4.1 item 9).</summary>
        public const int WebSocketVersion = 13;

        /// <summary>
        /// Writes the request into <paramref name="destination"/> and returns its length, or -1 with a reason in
        /// <paramref name="error"/> when a field is unusable or the request does not fit. Allocates (once per connect).
        /// </summary>
        /// <param name="destination">Buffer for the request bytes; its length bounds the request.</param>
        /// <param name="url">Target; gives the request line and the Host header.</param>
        /// <param name="key">Sec-WebSocket-Key value (<see cref="AcceptKey.CreateKey"/>).</param>
        /// <param name="subProtocol">Subprotocol to request (e.g. <c>ocpp1.6</c>), or null.</param>
        /// <param name="authorization">Authorization header value, or null.</param>
        /// <param name="error">Why the request could not be built, or null.</param>
        public static int Write(byte[] destination, WebSocketUrl url, string key, string subProtocol, string authorization, out string error)
        {
            if (subProtocol != null && !IsToken(subProtocol))
            {
                error = "the subprotocol must be a non-empty token of printable ASCII without separators (RFC 6455 §4.1 item 10)";
                return -1;
            }

            if (authorization != null && !IsFieldValue(authorization))
            {
                error = "the Authorization value may contain only printable ASCII, spaces and tabs";
                return -1;
            }

            StringBuilder request = new StringBuilder(256);
            request.Append("GET ").Append(url.Resource).Append(" HTTP/1.1\r\n");
            request.Append("Host: ").Append(url.Host);
            if (!url.HasDefaultPort)
            {
                request.Append(':').Append(url.Port);
            }

            request.Append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ").Append(key);
            request.Append("\r\nSec-WebSocket-Version: ").Append(WebSocketVersion).Append("\r\n");
            if (subProtocol != null)
            {
                request.Append("Sec-WebSocket-Protocol: ").Append(subProtocol).Append("\r\n");
            }

            if (authorization != null)
            {
                request.Append("Authorization: ").Append(authorization).Append("\r\n");
            }

            request.Append("\r\n");
            string text = request.ToString();

            // Every part is ASCII (checked here and by WebSocketUrl), so one character is one byte.
            if (text.Length > destination.Length)
            {
                error = "the upgrade request is longer than the handshake buffer";
                return -1;
            }

            error = null;
            return Encoding.UTF8.GetBytes(text, 0, text.Length, destination, 0);
        }

        // RFC 7230 §3.2.6 token: tchar = any VCHAR except the delimiters.
        private static bool IsToken(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c <= ' ' || c > '~' || "\"(),/:;<=>?@[\\]{}".IndexOf(c) >= 0)
                {
                    return false;
                }
            }

            return true;
        }

        // RFC 7230 §3.2: field-value = VCHAR, SP, HTAB (no CR/LF: that would inject header lines).
        private static bool IsFieldValue(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if ((c < ' ' && c != '\t') || c > '~')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
