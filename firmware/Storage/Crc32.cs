namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF), the CRC of
    /// zlib and Ethernet: check value 0xCBF43926 for the ASCII string "123456789". Table-driven, no allocation
    /// after the one-time table.
    /// </summary>
    public static class Crc32
    {
        private const uint Polynomial = 0xEDB88320;
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(Start(), data, offset, count));
        }

        /// <summary>Initial register value for an incremental computation.</summary>
        public static uint Start()
        {
            return 0xFFFFFFFF;
        }

        /// <summary>Feeds bytes into a running register.</summary>
        public static uint Update(uint crc, byte[] data, int offset, int count)
        {
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>Final XOR of a running register.</summary>
        public static uint Finish(uint crc)
        {
            return crc ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
