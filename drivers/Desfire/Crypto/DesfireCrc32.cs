namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// The CRC32 that DESFire EV1 appends to enciphered data in AES / 3K3DES / ISO-authenticated sessions: the
    /// IEEE 802.3 CRC-32 polynomial (ISO/IEC 8802-3 §3.2.9, 0x04C11DB7, processed reflected as 0xEDB88320), preset
    /// 0xFFFFFFFF, and — unlike Ethernet's FCS — no final complement; transmitted least significant byte first. In the
    /// CRC catalogue this parameter set is CRC-32/JAMCRC (check value 0x340BC6D9 for "123456789").
    /// </summary>
    public static class DesfireCrc32
    {
        /// <summary>Bytes appended to the data on the wire.</summary>
        public const int Size = 4;

        private const uint Preset = 0xFFFFFFFF;
        private const uint ReflectedPolynomial = 0xEDB88320;

        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            uint crc = Preset;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (crc >> 8) ^ Table[(crc ^ buffer[i]) & 0xFF];
            }

            return crc;
        }

        /// <summary>Writes the CRC of the range little-endian at <paramref name="destinationOffset"/>.</summary>
        public static void Write(byte[] buffer, int offset, int count, byte[] destination, int destinationOffset)
        {
            uint crc = Compute(buffer, offset, count);
            destination[destinationOffset] = (byte)crc;
            destination[destinationOffset + 1] = (byte)(crc >> 8);
            destination[destinationOffset + 2] = (byte)(crc >> 16);
            destination[destinationOffset + 3] = (byte)(crc >> 24);
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint value = 0; value < 256; value++)
            {
                uint crc = value;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
                }

                table[value] = crc;
            }

            return table;
        }
    }
}
