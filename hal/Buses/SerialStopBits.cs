namespace Wallbox.Hal
{
    /// <summary>UART stop bits.</summary>
    public enum SerialStopBits
    {
        /// <summary>One stop bit.</summary>
        One = 1,

        /// <summary>Two stop bits (Modbus RTU without parity, Modbus over serial line V1.02 §2.5.1).</summary>
        Two = 2,
    }
}
