namespace Wallbox.Hal
{
    /// <summary>UART parity.</summary>
    public enum SerialParity
    {
        /// <summary>No parity bit.</summary>
        None = 0,

        /// <summary>Even parity (the Modbus RTU default, Modbus over serial line V1.02 §2.5.1).</summary>
        Even = 1,

        /// <summary>Odd parity.</summary>
        Odd = 2,
    }
}
