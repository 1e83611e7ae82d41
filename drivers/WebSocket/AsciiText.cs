namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// ASCII comparisons on raw header bytes, so the handshake answer is checked without decoding it into
    /// strings. HTTP field names and the Upgrade/Connection tokens compare case-insensitively (RFC 7230 §3.2,
    /// RFC 6455 §4.1 items 2 and 3); the Sec-WebSocket-Accept value and subprotocol names exactly.
    /// </summary>
    public static class AsciiText
    {
        /// <summary>Lower-cases A–Z; every other character is returned unchanged.</summary>
        public static char ToLower(char c)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
        }

        /// <summary>True when the bytes equal <paramref name="text"/> exactly.</summary>
        public static bool EqualsExact(byte[] buffer, int offset, int length, string text)
        {
            if (length != text.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (buffer[offset + i] != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the bytes equal <paramref name="text"/> ignoring ASCII case.</summary>
        public static bool EqualsIgnoreCase(byte[] buffer, int offset, int length, string text)
        {
            if (length != text.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                if (ToLower((char)buffer[offset + i]) != ToLower(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when the comma-separated list (RFC 7230 §7, optional whitespace around elements) holds
        /// <paramref name="token"/>, ignoring ASCII case.
        /// </summary>
        public static bool ContainsTokenIgnoreCase(byte[] buffer, int offset, int length, string token)
        {
            int end = offset + length;
            int start = offset;
            for (int i = offset; i <= end; i++)
            {
                if (i < end && buffer[i] != ',')
                {
                    continue;
                }

                int s = start;
                int e = i;
                while (s < e && IsWhitespace(buffer[s]))
                {
                    s++;
                }

                while (e > s && IsWhitespace(buffer[e - 1]))
                {
                    e--;
                }

                if (EqualsIgnoreCase(buffer, s, e - s, token))
                {
                    return true;
                }

                start = i + 1;
            }

            return false;
        }

        /// <summary>SP or HTAB: the optional whitespace of RFC 7230 §3.2.3.</summary>
        public static bool IsWhitespace(byte b)
        {
            return b == (byte)' ' || b == (byte)'\t';
        }
    }
}
