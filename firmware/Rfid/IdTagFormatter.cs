using Wallbox.Firmware.Authorization;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// Turns a card UID (4, 7 or 10 bytes, ISO/IEC 14443-3 single, double, triple size) into the idTag sent in
    /// Authorize and StartTransaction (WBX-14, CPL-31/33; docs/rfid.md). The result depends only on the UID bytes and
    /// the format, so the same card always gives the same idTag. An idTag is never truncated: cutting digits would
    /// give two cards the same idTag, so a UID whose idTag would exceed the OCPP limit of 20 characters
    /// (<see cref="IdTagInfo.MaxIdTagLength"/>) is refused (null). In hex every UID fits (10 bytes = 20 characters);
    /// in decimal a 10-byte UID is refused whatever its value, so that a batch of cards of one type is either
    /// all usable or all not. Work buffers are preallocated: formatting allocates only the idTag string.
    /// </summary>
    public sealed class IdTagFormatter
    {
        /// <summary>Longest UID (triple size, ISO/IEC 14443-3).</summary>
        public const int MaxUidLength = 10;

        /// <summary>Decimal digits of the largest 10-byte number (2^80 − 1 has 25).</summary>
        private const int MaxDecimalDigits = 25;

        private const string HexDigits = "0123456789ABCDEF";

        private readonly byte[] _number = new byte[MaxUidLength];
        private readonly char[] _chars = new char[MaxDecimalDigits];

        /// <summary>True for the UID lengths of ISO/IEC 14443-3: 4, 7 and 10 bytes.</summary>
        public static bool IsUidLength(int length)
        {
            return length == 4 || length == 7 || length == 10;
        }

        /// <summary>
        /// Width of the decimal form of a UID of <paramref name="length"/> bytes: the digits of 2^(8·length) − 1
        /// (4 → 10, 7 → 17, 10 → 25).
        /// </summary>
        public static int DecimalWidth(int length)
        {
            return length == 4 ? 10 : length == 7 ? 17 : length == 10 ? 25 : 0;
        }

        /// <summary>
        /// The idTag of <paramref name="length"/> UID bytes at <paramref name="offset"/> of <paramref name="uid"/>
        /// in <paramref name="format"/>; null when the length is not 4, 7 or 10 or the idTag would exceed 20 characters.
        /// </summary>
        public string Format(byte[] uid, int offset, int length, IdTagFormat format)
        {
            if (uid == null || format == null || !IsUidLength(length) || offset < 0 || offset + length > uid.Length)
            {
                return null;
            }

            // WBX-14: the byte order is the installation's choice; copy in that order once.
            for (int i = 0; i < length; i++)
            {
                _number[i] = format.ByteOrder == IdTagByteOrder.Reversed ? uid[offset + length - 1 - i] : uid[offset + i];
            }

            int count = format.Notation == IdTagNotation.Decimal ? WriteDecimal(length) : WriteHex(length);
            if (count == 0 || count > IdTagInfo.MaxIdTagLength)
            {
                return null;
            }

            return new string(_chars, 0, count);
        }

        private int WriteHex(int length)
        {
            for (int i = 0; i < length; i++)
            {
                _chars[2 * i] = HexDigits[_number[i] >> 4];
                _chars[(2 * i) + 1] = HexDigits[_number[i] & 0x0F];
            }

            return 2 * length;
        }

        /// <summary>Base conversion by repeated division of the big-endian number in _number by 10 (it exceeds ulong at 10 bytes).</summary>
        private int WriteDecimal(int length)
        {
            int width = DecimalWidth(length);
            if (width > IdTagInfo.MaxIdTagLength)
            {
                return 0;
            }

            for (int digit = width - 1; digit >= 0; digit--)
            {
                int remainder = 0;
                for (int i = 0; i < length; i++)
                {
                    int value = (remainder << 8) | _number[i];
                    _number[i] = (byte)(value / 10);
                    remainder = value % 10;
                }

                _chars[digit] = (char)('0' + remainder);
            }

            return width;
        }
    }
}
