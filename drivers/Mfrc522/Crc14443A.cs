namespace Wallbox.Drivers.Mfrc522
{
    /// <summary>
    /// CRC_A of ISO/IEC 14443-3 (6.2.4 and Annex B): CRC-16/CCITT polynomial x^16 + x^12 + x^5 + 1 processed
    /// LSB first (reflected, 0x8408), preset 0x6363, no final XOR; transmitted low byte first.
    /// Annex B examples: 00 00 gives 0x1EA0 (sent A0 1E), 12 34 gives 0xCF26 (sent 26 CF);
    /// check value of ASCII "123456789" 0xBF05.
    /// </summary>
    public static class Crc14443A
    {
        /// <summary>CRC_A over <paramref name="count"/> bytes; the low byte is sent first.</summary>
        public static int Compute(byte[] data, int offset, int count)
        {
            int crc = 0x6363;
            for (int i = 0; i < count; i++)
            {
                crc ^= data[offset + i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
                }
            }

            return crc;
        }

        /// <summary>Writes the CRC_A of <paramref name="count"/> bytes right after them (low byte first).</summary>
        public static void Append(byte[] data, int offset, int count)
        {
            int crc = Compute(data, offset, count);
            data[offset + count] = (byte)(crc & 0xFF);
            data[offset + count + 1] = (byte)(crc >> 8);
        }

        /// <summary>True when the last two of <paramref name="count"/> bytes are the CRC_A of the ones before.</summary>
        public static bool Check(byte[] data, int offset, int count)
        {
            if (count < 3)
            {
                return false;
            }

            int crc = Compute(data, offset, count - 2);
            return data[offset + count - 2] == (byte)(crc & 0xFF) && data[offset + count - 1] == (byte)(crc >> 8);
        }
    }
}
