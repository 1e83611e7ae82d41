using System;
using System.Device.Spi;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// One SPI device (System.Device.Spi.SpiDevice) with bus, chip select, clock and mode fixed by the board's
    /// SpiConnectionSettings. A transfer is a synchronous full-duplex exchange; a few bytes at 10 MHz take
    /// microseconds plus the managed-to-native call.
    /// </summary>
    /// <remarks>
    /// <c>SpiDevice.TransferFullDuplex(SpanByte, SpanByte)</c> keeps chip select asserted for the whole exchange;
    /// the SpanByte views avoid copying the caller's buffers. Called from the loop thread only.
    /// </remarks>
    public sealed class Esp32SpiDevice : ISpiDevice
    {
        private readonly SpiDevice _device;

        /// <summary>Wraps a device the board created with its SpiConnectionSettings.</summary>
        public Esp32SpiDevice(SpiDevice device)
        {
            if (device == null)
            {
                throw new ArgumentNullException("device");
            }

            _device = device;
        }

        /// <inheritdoc />
        public void Transfer(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            if (count <= 0)
            {
                return;
            }

            _device.TransferFullDuplex(new SpanByte(writeBuffer, writeOffset, count), new SpanByte(readBuffer, readOffset, count));
        }
    }
}
