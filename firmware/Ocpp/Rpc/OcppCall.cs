using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// One request the charge point sends and the place its answer lands. Owned and reused by the service that sends
    /// it (no allocation per call): it hands the call to <see cref="OcppRpc.TryEnqueue"/> and polls
    /// <see cref="State"/> in its own tick until <see cref="IsFinished"/>.
    /// </summary>
    public sealed class OcppCall
    {
        /// <summary>Creates a call that sends <paramref name="request"/> and decodes the answer into <paramref name="confirmation"/>.</summary>
        public OcppCall(IOcppPayload request, IOcppPayload confirmation)
        {
            Request = request;
            Confirmation = confirmation;
            Priority = OcppCallPriority.Normal;
            TimeoutMs = OcppRpc.DefaultCallTimeoutMs;
        }

        /// <summary>The request payload, read when the call is sent.</summary>
        public IOcppPayload Request { get; private set; }

        /// <summary>The confirmation payload, valid when <see cref="State"/> is <see cref="OcppCallState.Completed"/>.</summary>
        public IOcppPayload Confirmation { get; private set; }

        /// <summary>Queue order and eviction class.</summary>
        public OcppCallPriority Priority { get; set; }

        /// <summary>How long to wait for the answer once sent, milliseconds.</summary>
        public int TimeoutMs { get; set; }

        /// <summary>Where the call stands.</summary>
        public OcppCallState State { get; internal set; }

        /// <summary>The CALLERROR code (or the validation failure of the answer) when <see cref="OcppCallState.Rejected"/>.</summary>
        public OcppErrorCode ErrorCode { get; internal set; }

        /// <summary>The CALLERROR description, or why the call failed locally.</summary>
        public string ErrorDescription { get; internal set; }

        /// <summary>The messageId of the last transmission (for logs and correlation).</summary>
        public string MessageId { get; internal set; }

        /// <summary>When it was sent (HAL clock), milliseconds.</summary>
        public long SentAtMs { get; internal set; }

        /// <summary>Enqueue order, to keep first-in first-out within a priority.</summary>
        internal long Sequence { get; set; }

        /// <summary>True once the call has a final state.</summary>
        public bool IsFinished
        {
            get { return State >= OcppCallState.Completed; }
        }

        /// <summary>True while the RPC layer holds the call (queued or awaiting its answer).</summary>
        public bool IsPending
        {
            get { return State == OcppCallState.Queued || State == OcppCallState.AwaitingResponse; }
        }

        /// <summary>The owner has read a finished call's outcome: back to <see cref="OcppCallState.Idle"/>, ready for reuse.</summary>
        public void Acknowledge()
        {
            if (IsFinished)
            {
                Finish(OcppCallState.Idle, OcppErrorCode.None, null);
            }
        }

        internal void Finish(OcppCallState state, OcppErrorCode code, string description)
        {
            State = state;
            ErrorCode = code;
            ErrorDescription = description;
        }
    }
}
