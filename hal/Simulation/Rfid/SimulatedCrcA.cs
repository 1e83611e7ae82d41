namespace Wallbox.Hal.Simulation;

/// <summary>
/// CRC_A (ISO/IEC 14443-3 Annex B) as the simulated MFRC522 coprocessor and cards compute it: table-free
/// byte-wise form of the reflected CRC-16/CCITT with preset <c>0x6363</c>, independent of the driver's implementation.
/// </summary>
public static class SimulatedCrcA
{
    /// <summary>CRC over <paramref name="count"/> bytes starting from <paramref name="preset"/>.</summary>
    public static int Compute(byte[] data, int offset, int count, int preset = 0x6363)
    {
        int crc = preset;
        for (int i = 0; i < count; i++)
        {
            int b = (data[offset + i] ^ crc) & 0xFF;
            b = (b ^ (b << 4)) & 0xFF;
            crc = ((crc >> 8) ^ (b << 8) ^ (b << 3) ^ (b >> 4)) & 0xFFFF;
        }

        return crc;
    }
}
