namespace Wallbox.Hal
{
    /// <summary>
    /// One device on an SPI bus (bus, chip select, clock and mode fixed by the board at construction).
    /// A transfer of a few bytes takes microseconds at the MFRC522's 10 MHz, so it is synchronous;
    /// anything that waits on the device (a card answer) is polled by the driver over several ticks.
    /// </summary>
    public interface ISpiDevice
    {
        /// <summary>
        /// Full-duplex transfer of <paramref name="count"/> bytes with chip select asserted throughout:
        /// byte i of <paramref name="writeBuffer"/> goes out while byte i of <paramref name="readBuffer"/> comes in.
        /// </summary>
        void Transfer(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count);
    }
}
