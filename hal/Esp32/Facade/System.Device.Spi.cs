// System.Device.Spi (nanoFramework.System.Device.Spi 1.3), System.Device.Spi/SpiDevice.cs.
namespace System.Device.Spi
{
    // T class System.Device.Spi.SpiDevice : System.Object, System.IDisposable
    public class SpiDevice : IDisposable
    {
        // The public constructor (SpiConnectionSettings) is used by the board, not by Wallbox.Hal.Esp32.
        internal SpiDevice() { }

        // M System.Device.Spi.SpiDevice.TransferFullDuplex(System.SpanByte, System.SpanByte) : System.Void
        public void TransferFullDuplex(SpanByte writeBuffer, SpanByte readBuffer) { throw null; }

        // M System.Device.Spi.SpiDevice.Dispose() : System.Void
        public void Dispose() { throw null; }
    }
}
