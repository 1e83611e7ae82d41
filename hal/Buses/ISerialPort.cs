namespace Wallbox.Hal
{
    /// <summary>
    /// A UART with a receive buffer, used for RS-485 (Modbus meters) and the cellular modem.
    /// Nothing here waits: reads return what has arrived, writes queue the bytes for the transmitter.
    /// </summary>
    /// <remarks>
    /// RS-485 direction control belongs to the implementation: the driver-enable line is asserted while
    /// bytes are on the wire and released after the last stop bit (ESP32 UART RS-485 half-duplex mode on the
    /// RTS pin, or a GPIO driven by the HAL), so protocol code never toggles it.
    /// </remarks>
    public interface ISerialPort
    {
        /// <summary>True between a successful <see cref="Open"/> and <see cref="Close"/>.</summary>
        bool IsOpen { get; }

        /// <summary>Settings of the last successful <see cref="Open"/>.</summary>
        SerialSettings Settings { get; }

        /// <summary>Configures the line completely (nothing is inherited from earlier opens) and opens it.</summary>
        /// <returns>False when the hardware refuses the settings or the port cannot be opened.</returns>
        bool Open(SerialSettings settings);

        /// <summary>Closes the port; pending received bytes are discarded.</summary>
        void Close();

        /// <summary>Size of the receive buffer in bytes. Bytes arriving while it is full are dropped and counted.</summary>
        int ReceiveBufferCapacity { get; }

        /// <summary>Bytes waiting in the receive buffer.</summary>
        int BytesToRead { get; }

        /// <summary>Number of received bytes dropped because the receive buffer was full, since open.</summary>
        int ReceiveOverflowCount { get; }

        /// <summary>
        /// Monotonic time the most recent byte arrived, in microseconds (the same time base as
        /// <see cref="IMonotonicClock.NowUs"/>); 0 before the first byte. Protocol code measures line
        /// silences with it (Modbus RTU 3.5-character frame gap).
        /// </summary>
        long LastReceiveUs { get; }

        /// <summary>Moves up to <paramref name="count"/> received bytes into <paramref name="buffer"/>; returns how many.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Drops everything in the receive buffer.</summary>
        void DiscardReceiveBuffer();

        /// <summary>
        /// Queues a whole frame for transmission. Returns false, sending nothing, when the transmit buffer
        /// cannot take all of it or the port is closed.
        /// </summary>
        bool Write(byte[] buffer, int offset, int count);

        /// <summary>True while queued bytes are still being shifted out (RS-485 driver enabled).</summary>
        bool IsTransmitting { get; }
    }
}
