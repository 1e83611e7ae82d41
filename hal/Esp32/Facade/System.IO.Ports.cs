// System.IO.Ports (nanoFramework.System.IO.Ports 1.1), System.IO.Ports/*.cs.
// net10.0 has no System.IO.Ports in its shared framework, so there is no clash.
namespace System.IO.Ports
{
    // T sealed class System.IO.Ports.SerialPort : System.Object, System.IDisposable
    public sealed class SerialPort : IDisposable
    {
        // C System.IO.Ports.SerialPort..ctor(System.String, System.Int32 = 9600, System.IO.Ports.Parity = Parity.None, System.Int32 = 8, System.IO.Ports.StopBits = StopBits.One)
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw null; }

        // P System.IO.Ports.SerialPort.BytesToRead : System.Int32 {get} extern
        public int BytesToRead { get { throw null; } }

        // P System.IO.Ports.SerialPort.Handshake : System.IO.Ports.Handshake {get;set}
        public Handshake Handshake { get { throw null; } set { throw null; } }

        // P System.IO.Ports.SerialPort.Mode : System.IO.Ports.SerialMode {get;set}
        public SerialMode Mode { get { throw null; } set { throw null; } }

        // P System.IO.Ports.SerialPort.ReadBufferSize : System.Int32 {get;set}
        public int ReadBufferSize { get { throw null; } set { throw null; } }

        // P System.IO.Ports.SerialPort.WriteTimeout : System.Int32 {get;set}
        public int WriteTimeout { get { throw null; } set { throw null; } }

        // E System.IO.Ports.SerialPort.DataReceived : System.IO.Ports.SerialDataReceivedEventHandler
        public event SerialDataReceivedEventHandler DataReceived { add { throw null; } remove { throw null; } }

        // M System.IO.Ports.SerialPort.Open() : System.Void
        public void Open() { throw null; }

        // M System.IO.Ports.SerialPort.Read(System.Byte[], System.Int32, System.Int32) : System.Int32 extern
        public int Read(byte[] buffer, int offset, int count) { throw null; }

        // M System.IO.Ports.SerialPort.Write(System.Byte[], System.Int32, System.Int32) : System.Void extern
        public void Write(byte[] buffer, int offset, int count) { throw null; }

        // M System.IO.Ports.SerialPort.Dispose() : System.Void
        public void Dispose() { throw null; }
    }

    // T enum System.IO.Ports.Parity : System.Int32 (values from System.IO.Ports/Parity.cs)
    public enum Parity
    {
        None = 0,
        Odd = 1,
        Even = 2,
    }

    // T enum System.IO.Ports.StopBits : System.Int32 (values from System.IO.Ports/StopBits.cs)
    public enum StopBits
    {
        One = 1,
        Two = 2,
    }

    // T enum System.IO.Ports.SerialMode : System.Int32 (values from System.IO.Ports/SerialMode.cs)
    public enum SerialMode
    {
        RS485 = 1,
    }

    // T enum System.IO.Ports.Handshake : System.Int32 (values from System.IO.Ports/Handshake.cs)
    public enum Handshake
    {
        None = 0,
    }

    // T delegate System.IO.Ports.SerialDataReceivedEventHandler(System.Object, System.IO.Ports.SerialDataReceivedEventArgs) : System.Void
    public delegate void SerialDataReceivedEventHandler(object sender, SerialDataReceivedEventArgs e);

    // T class System.IO.Ports.SerialDataReceivedEventArgs : System.EventArgs
    public class SerialDataReceivedEventArgs : EventArgs
    {
        // No public constructor in nanoFramework: the runtime creates the arguments.
        internal SerialDataReceivedEventArgs() { }
    }
}
