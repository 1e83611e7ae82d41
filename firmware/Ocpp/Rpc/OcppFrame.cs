using Wallbox.Firmware.Ocpp.Json;

namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// The envelope of one received OCPP-J frame (OCPP-J 1.6 §4.1.3–4.2.3), as parsed by
    /// <see cref="OcppFrameParser"/>. One instance is reused for every frame.
    /// </summary>
    public sealed class OcppFrame
    {
        /// <summary>2, 3 or 4 (<see cref="OcppMessageTypeId"/>); 0 when the frame did not get that far.</summary>
        public int MessageTypeId;

        /// <summary>The messageId, or null when it could not be read (then nobody can be answered).</summary>
        public string MessageId;

        /// <summary>CALL: the action.</summary>
        public string Action;

        /// <summary>CALLERROR: the error code as sent.</summary>
        public string ErrorCode;

        /// <summary>CALLERROR: the description.</summary>
        public string ErrorDescription;

        /// <summary>CALL and CALLRESULT: the reader positioned on the payload's StartObject.</summary>
        public JsonReaderState PayloadStart;

        /// <summary>True when the envelope is complete and well formed (the payload itself is checked by its decoder).</summary>
        public bool IsValid;

        /// <summary>What is wrong with the envelope (when not <see cref="IsValid"/>), for the CALLERROR or the log.</summary>
        public string Problem;

        /// <summary>The error code to answer a CALL-shaped frame that failed (FormationViolation or ProtocolError).</summary>
        public OcppErrorCode ProblemCode;

        internal void Clear()
        {
            MessageTypeId = 0;
            MessageId = null;
            Action = null;
            ErrorCode = null;
            ErrorDescription = null;
            IsValid = false;
            Problem = null;
            ProblemCode = OcppErrorCode.None;
        }

        /// <summary>True when this is a request we can answer: type 2 with a readable messageId.</summary>
        public bool IsAnswerableCall
        {
            get { return MessageTypeId == OcppMessageTypeId.Call && MessageId != null; }
        }
    }
}
