namespace Wallbox.Drivers.Desfire.Crypto
{
    /// <summary>
    /// The CRC16 that DESFire appends to enciphered data in legacy (Authenticate 0x0A) sessions: CRC_A of
    /// ISO/IEC 14443-3 Annex B (reflected CRC-16/CCITT polynomial 0x8408, preset 0x6363, no final XOR), transmitted
    /// least significant byte first, computed over the data only (libfreefare mifare_desfire_crypto.c draws the same
    /// layout: DES/3DES → crc16 over the data, 3K3DES/AES → crc32).
    /// </summary>
    public static class DesfireCrc16
    {
        /// <summary>Bytes appended to the data on the wire.</summary>
        public const int Size = 2;

        /// <summary>CRC_A of the range.</summary>
        public static int Compute(byte[] buffer, int offset, int count)
        {
            int crc = 0x6363;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc ^= buffer[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x8408 : crc >> 1;
                }
            }

            return crc;
        }
    }
}
