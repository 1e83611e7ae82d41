namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// The body of a close frame, RFC 6455 §5.5.1: empty, or a 2-byte status code (big-endian) followed by a UTF-8
    /// reason. Checks a received one (§7.4: only codes an endpoint may send; §8.1: the reason must be valid UTF-8).
    /// </summary>
    public static class ClosePayload
    {
        /// <summary>
        /// Checks a received close payload. Returns <see cref="CloseStatusCode.None"/> when it is acceptable, else the
        /// code to close with (1002 for a 1-byte body or a code that must not be sent, 1007 for a reason that is not
        /// UTF-8). <paramref name="code"/> is the received code, or 1005 (no status) when the body was empty.
        /// </summary>
        public static CloseStatusCode Check(byte[] payload, int length, Utf8Validator utf8, out int code)
        {
            if (length == 0)
            {
                code = (int)CloseStatusCode.NoStatusReceived;
                return CloseStatusCode.None;
            }

            if (length == 1)
            {
                code = 0;
                return CloseStatusCode.ProtocolError;
            }

            code = (payload[0] << 8) | payload[1];
            if (!IsSendable(code))
            {
                return CloseStatusCode.ProtocolError;
            }

            return utf8.IsValid(payload, 2, length - 2) ? CloseStatusCode.None : CloseStatusCode.InvalidPayloadData;
        }

        /// <summary>
        /// True for codes an endpoint may put in a close frame: 1000–1003 and 1007–1011 (§7.4.1), 1012–1014 (IANA
        /// registry, §11.7), and 3000–4999 (§7.4.2, registered and private use). 1004–1006 and 1015 are reserved or
        /// must never be sent; anything else below 3000 is unassigned.
        /// </summary>
        public static bool IsSendable(int code)
        {
            if (code >= 1000 && code <= 1003)
            {
                return true;
            }

            if (code >= 1007 && code <= 1014)
            {
                return true;
            }

            return code >= 3000 && code <= 4999;
        }

        /// <summary>Writes a 2-byte status code at <paramref name="offset"/> and returns 2.</summary>
        public static int WriteCode(byte[] destination, int offset, int code)
        {
            destination[offset] = (byte)(code >> 8);
            destination[offset + 1] = (byte)code;
            return 2;
        }
    }
}
