using System;
using System.Text;

namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// The opening handshake's key proof, RFC 6455 §4.2.2 item 5.4 and §4.1 item 4 of the client's checks:
    /// Sec-WebSocket-Accept = base64(SHA-1(Sec-WebSocket-Key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
    /// </summary>
    public static class AcceptKey
    {
        /// <summary>The GUID of RFC 6455 §1.3 appended to the key.</summary>
        public const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

        /// <summary>Sec-WebSocket-Key value: base64 of 16 random bytes (§4.1 item 7).</summary>
        public static string CreateKey(Random random, byte[] nonce16)
        {
            if (nonce16 == null || nonce16.Length != 16)
            {
                throw new ArgumentException("the nonce buffer must be 16 bytes", "nonce16");
            }

            random.NextBytes(nonce16);
            return Convert.ToBase64String(nonce16);
        }

        /// <summary>The Sec-WebSocket-Accept value a server must answer to <paramref name="key"/>. Allocates (once per connect).</summary>
        public static string Compute(string key)
        {
            byte[] text = Encoding.UTF8.GetBytes(key + WebSocketGuid);
            byte[] digest = new byte[Sha1.DigestBytes];
            Sha1 sha1 = new Sha1();
            sha1.Update(text, 0, text.Length);
            sha1.Finish(digest, 0);
            return Convert.ToBase64String(digest);
        }
    }
}
