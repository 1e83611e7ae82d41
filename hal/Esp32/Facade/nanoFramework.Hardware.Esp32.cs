// nanoFramework.Hardware.Esp32 (nanoFramework.Hardware.Esp32 1.6), HighResTimer.cs.
namespace nanoFramework.Hardware.Esp32
{
    // T class nanoFramework.Hardware.Esp32.HighResTimer : System.Object, System.IDisposable
    public class HighResTimer : System.IDisposable
    {
        // C nanoFramework.Hardware.Esp32.HighResTimer..ctor()
        public HighResTimer() { throw null; }

        // M nanoFramework.Hardware.Esp32.HighResTimer.GetCurrent() : System.UInt64 static
        public static ulong GetCurrent() { throw null; }

        // M nanoFramework.Hardware.Esp32.HighResTimer.Dispose() : System.Void
        public void Dispose() { throw null; }
    }
}
