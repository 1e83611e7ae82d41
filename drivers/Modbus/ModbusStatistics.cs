namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// Counters of one <see cref="ModbusRtuMaster"/> since construction, for diagnostics and the meter fault decision
    /// (communication loss, CPH-47/58). Plain fields: the master is the only writer, the loop the only reader.
    /// </summary>
    public sealed class ModbusStatistics
    {
        /// <summary>Request frames transmitted, retries included.</summary>
        public int RequestsSent;

        /// <summary>Requests finished with a valid response.</summary>
        public int Completed;

        /// <summary>Exception responses received (a retried Server Device Busy counts each time).</summary>
        public int Exceptions;

        /// <summary>Attempts that ended without any response within the response timeout.</summary>
        public int Timeouts;

        /// <summary>Retransmissions (attempts after the first of a request).</summary>
        public int Retries;

        /// <summary>Frames whose first byte was another slave's address (ignored; the response timeout kept running).</summary>
        public int DiscardedWrongSlave;

        /// <summary>Frames of the expected length whose CRC did not match (Serial Line V1.02 §2.5.1.2).</summary>
        public int DiscardedBadCrc;

        /// <summary>Frames with a wrong byte count, or cut short by a 1.5-character silence (Serial Line V1.02 §2.5.1.1).</summary>
        public int DiscardedBadLength;

        /// <summary>Frames from the addressed slave with a function code other than the request's (or its exception code).</summary>
        public int DiscardedWrongFunction;

        /// <summary>Received bytes thrown away: stale bytes flushed before a request, and the bytes of every discarded frame.</summary>
        public int BytesDiscarded;
    }
}
