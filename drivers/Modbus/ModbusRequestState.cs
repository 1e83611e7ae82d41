namespace Wallbox.Drivers.Modbus
{
    /// <summary>Where a <see cref="ModbusRequest"/> is in its transaction with <see cref="ModbusRtuMaster"/>.</summary>
    public enum ModbusRequestState
    {
        /// <summary>Not submitted, or its outcome was acknowledged.</summary>
        Idle = 0,

        /// <summary>Accepted; waiting for the line to be silent for the inter-frame delay before (re)transmission.</summary>
        Queued = 1,

        /// <summary>Transmitted; waiting for the slave's response.</summary>
        AwaitingResponse = 2,

        /// <summary>Finished: a valid response arrived (read registers are in <see cref="ModbusRequest.Registers"/>).</summary>
        Completed = 3,

        /// <summary>Finished: the slave answered with an exception response (<see cref="ModbusRequest.ExceptionCode"/>).</summary>
        Exception = 4,

        /// <summary>Finished: the last attempt got no response within the response timeout.</summary>
        TimedOut = 5,

        /// <summary>
        /// Finished: the last attempt got only a damaged frame (CRC, length, function), the write echo did not match,
        /// the port was closed or refused the frame, or the line never fell silent long enough to transmit.
        /// </summary>
        Failed = 6,
    }
}
