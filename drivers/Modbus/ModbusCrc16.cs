namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// The CRC-16 that closes every Modbus RTU frame (MODBUS over Serial Line Specification and Implementation Guide
    /// V1.02 §2.5.1.2 "CRC Checking" and §6.2.2 "CRC Generation"): polynomial 0xA001 (0x8005 reflected), preset 0xFFFF,
    /// bytes processed least significant bit first, no final XOR. On the wire the low byte goes first.
    /// </summary>
    /// <remarks>
    /// Table-driven (one 512-byte table, built once at start-up): nanoFramework interprets IL, and the bitwise form
    /// takes eight shift/XOR rounds per byte, which for a 255-byte frame is a noticeable share of a 10 ms tick.
    /// </remarks>
    public static class ModbusCrc16
    {
        /// <summary>The CRC register before the first byte (§6.2.2 step 1).</summary>
        private const ushort Preset = 0xFFFF;

        /// <summary>The generator polynomial x^16 + x^15 + x^2 + 1, bit-reversed (§6.2.2 step 3).</summary>
        private const ushort ReflectedPolynomial = 0xA001;

        private static readonly ushort[] Table = BuildTable();

        /// <summary>CRC of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        public static ushort Compute(byte[] buffer, int offset, int count)
        {
            int crc = Preset;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = (crc >> 8) ^ Table[(crc ^ buffer[i]) & 0xFF];
            }

            return (ushort)crc;
        }

        private static ushort[] BuildTable()
        {
            ushort[] table = new ushort[256];
            for (int value = 0; value < 256; value++)
            {
                int crc = value;
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
                }

                table[value] = (ushort)crc;
            }

            return table;
        }
    }
}
