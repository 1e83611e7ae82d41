namespace Wallbox.Firmware.Config
{
    /// <summary>
    /// Byte strings written as hexadecimal text in configuration values (DESFire keys, application identifiers): two
    /// digits per byte, upper or lower case, no separators.
    /// </summary>
    public static class HexText
    {
        /// <summary>Value of one hex digit, or -1.</summary>
        public static int DigitValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return -1;
        }

        /// <summary>
        /// Number of bytes <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/>
        /// encode, or -1 when they are not an even number of hex digits.
        /// </summary>
        public static int ByteCount(string text, int start, int count)
        {
            if (count % 2 != 0)
            {
                return -1;
            }

            for (int i = 0; i < count; i++)
            {
                if (DigitValue(text[start + i]) < 0)
                {
                    return -1;
                }
            }

            return count / 2;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> characters of <paramref name="text"/> from <paramref name="start"/> into a
        /// new array; null when they are not an even number of hex digits.
        /// </summary>
        public static byte[] Decode(string text, int start, int count)
        {
            int length = ByteCount(text, start, count);
            if (length < 0)
            {
                return null;
            }

            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++)
            {
                bytes[i] = (byte)((DigitValue(text[start + 2 * i]) << 4) | DigitValue(text[start + 2 * i + 1]));
            }

            return bytes;
        }
    }
}
