using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>Writes CALL, CALLRESULT and CALLERROR frames (OCPP-J 1.6 §4.2) into a caller's buffer.</summary>
    public sealed class OcppFrameWriter
    {
        /// <summary>Longest errorDescription we send, characters (the spec sets no limit; a bound keeps frames small).</summary>
        public const int MaxErrorDescriptionLength = 255;

        private readonly JsonWriter _writer = new JsonWriter();

        /// <summary>[2, id, action, payload]; returns the frame length, or -1 when it does not fit or holds a value JSON cannot carry (NaN, a timestamp outside 1970..9999).</summary>
        public int WriteCall(byte[] buffer, string messageId, IOcppPayload payload)
        {
            _writer.Reset(buffer, 0, buffer.Length);
            _writer.BeginArray();
            _writer.Int(OcppMessageTypeId.Call);
            _writer.String(messageId);
            _writer.String(payload.Action);
            payload.Write(_writer);
            _writer.EndArray();
            return _writer.IsComplete ? _writer.Length : -1;
        }

        /// <summary>[3, id, payload]; returns the frame length, or -1 when it does not fit or holds a value JSON cannot carry.</summary>
        public int WriteCallResult(byte[] buffer, string messageId, IOcppPayload payload)
        {
            _writer.Reset(buffer, 0, buffer.Length);
            _writer.BeginArray();
            _writer.Int(OcppMessageTypeId.CallResult);
            _writer.String(messageId);
            payload.Write(_writer);
            _writer.EndArray();
            return _writer.IsComplete ? _writer.Length : -1;
        }

        /// <summary>[4, id, code, description, {}]; returns the frame length (fits any buffer of 2 KiB or more: id and description are bounded).</summary>
        public int WriteCallError(byte[] buffer, string messageId, OcppErrorCode code, string description)
        {
            if (description == null)
            {
                description = string.Empty;
            }
            else if (description.Length > MaxErrorDescriptionLength)
            {
                description = description.Substring(0, MaxErrorDescriptionLength);
            }

            _writer.Reset(buffer, 0, buffer.Length);
            _writer.BeginArray();
            _writer.Int(OcppMessageTypeId.CallError);
            _writer.String(messageId);
            _writer.String(OcppErrorCodes.WireName(code));
            _writer.String(description);
            _writer.BeginObject();
            _writer.EndObject();
            _writer.EndArray();
            return _writer.IsComplete ? _writer.Length : -1;
        }
    }
}
