namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>Where an outgoing <see cref="OcppCall"/> stands. Everything from <see cref="Completed"/> on is final.</summary>
    public enum OcppCallState
    {
        /// <summary>Not handed to the RPC layer (or taken back).</summary>
        Idle = 0,

        /// <summary>Waiting in the outgoing queue.</summary>
        Queued = 1,

        /// <summary>Sent; waiting for the CALLRESULT or CALLERROR.</summary>
        AwaitingResponse = 2,

        /// <summary>The CALLRESULT arrived and its payload is valid: it is in <see cref="OcppCall.Confirmation"/>.</summary>
        Completed = 3,

        /// <summary>
        /// The central system answered with a CALLERROR, or with a CALLRESULT whose payload failed validation;
        /// <see cref="OcppCall.ErrorCode"/> and <see cref="OcppCall.ErrorDescription"/> say which.
        /// </summary>
        Rejected = 4,

        /// <summary>No answer within <see cref="OcppCall.TimeoutMs"/>.</summary>
        TimedOut = 5,

        /// <summary>The connection closed while the answer was awaited: the central system may or may not have it.</summary>
        ConnectionLost = 6,

        /// <summary>Never sent: evicted from a full queue for a more important call, or invalid/too large to send.</summary>
        NotSent = 7,
    }
}
