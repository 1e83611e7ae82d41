namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>Counters of the RPC layer since construction (for the status page, SMS status and tests).</summary>
    public sealed class OcppRpcStatistics
    {
        /// <summary>CALLs handed to the transport.</summary>
        public int CallsSent;

        /// <summary>CALLs answered with a valid CALLRESULT.</summary>
        public int CallsCompleted;

        /// <summary>CALLs answered with a CALLERROR or an invalid CALLRESULT.</summary>
        public int CallsRejected;

        /// <summary>CALLs that got no answer in time.</summary>
        public int CallsTimedOut;

        /// <summary>CALLs whose answer was lost with the connection.</summary>
        public int CallsLostWithConnection;

        /// <summary>CALLs evicted from the full queue, refused as invalid or too large.</summary>
        public int CallsNotSent;

        /// <summary>Requests from the central system answered with a CALLRESULT.</summary>
        public int RequestsAnswered;

        /// <summary>Requests from the central system answered with a CALLERROR.</summary>
        public int CallErrorsSent;

        /// <summary>Frames that could not be answered (no readable messageId, or not a request) and were dropped.</summary>
        public int FramesDropped;

        /// <summary>CALLRESULT/CALLERROR frames that matched no outstanding CALL (late, duplicate or bogus).</summary>
        public int UnexpectedResponses;
    }
}
