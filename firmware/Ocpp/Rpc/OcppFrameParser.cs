using Wallbox.Firmware.Ocpp.Json;

namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// Reads the envelope of a received frame — [2, id, action, {..}], [3, id, {..}] or [4, id, code, description,
    /// {..}] — and leaves the payload to the message decoders. It reads as far as it can, so that a broken CALL can
    /// still be answered with its messageId (OCPP-J 1.6 §4.2.3).
    /// </summary>
    public sealed class OcppFrameParser
    {
        /// <summary>Longest messageId (OCPP-J 1.6 §4.1.4: "maximum of 36 characters").</summary>
        public const int MaxMessageIdLength = 36;

        private readonly JsonReader _reader;

        /// <summary>Creates a parser that reads with <paramref name="reader"/> (shared with the payload decoders).</summary>
        public OcppFrameParser(JsonReader reader)
        {
            _reader = reader;
        }

        /// <summary>
        /// Parses the envelope of <paramref name="count"/> bytes at <paramref name="offset"/> into <paramref name="frame"/>.
        /// <paramref name="truncated"/> says the transport cut a longer frame: it is then refused as ProtocolError
        /// ("incomplete") once its messageId is known.
        /// </summary>
        public void Parse(byte[] buffer, int offset, int count, bool truncated, int maxFrameBytes, OcppFrame frame)
        {
            frame.Clear();
            _reader.Reset(buffer, offset, count);
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.StartArray)
            {
                Fail(frame, OcppErrorCode.FormationViolation, "a frame is a JSON array");
                return;
            }

            int typeId;
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.Number || !_reader.TryGetInt32(out typeId))
            {
                Fail(frame, OcppErrorCode.FormationViolation, "the first element must be the message type 2, 3 or 4");
                return;
            }

            frame.MessageTypeId = typeId;
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.String)
            {
                Fail(frame, OcppErrorCode.FormationViolation, "the second element must be the messageId string");
                return;
            }

            if (_reader.GetStringLength() > MaxMessageIdLength)
            {
                // Still answerable: the peer correlates by this id.
                frame.MessageId = _reader.GetString();
                Fail(frame, OcppErrorCode.FormationViolation, "messageId longer than 36 characters");
                return;
            }

            frame.MessageId = _reader.GetString();
            if (truncated)
            {
                Fail(frame, OcppErrorCode.ProtocolError, "frame longer than " + maxFrameBytes.ToString() + " bytes, not processed");
                return;
            }

            switch (typeId)
            {
                case OcppMessageTypeId.Call:
                    ParseCall(frame);
                    break;
                case OcppMessageTypeId.CallResult:
                    ParsePayloadStart(frame);
                    break;
                case OcppMessageTypeId.CallError:
                    ParseCallError(frame);
                    break;
                default:
                    Fail(frame, OcppErrorCode.FormationViolation, "unknown message type " + typeId.ToString());
                    break;
            }
        }

        /// <summary>
        /// After the payload's decoder consumed its object: true when only the closing bracket of the frame follows.
        /// </summary>
        public bool FinishFrame(OcppFrame frame)
        {
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.EndArray || _reader.Read() || !_reader.IsComplete)
            {
                Fail(frame, OcppErrorCode.FormationViolation, _reader.HasError ? _reader.Error : "unexpected element after the payload");
                return false;
            }

            return true;
        }

        private void ParseCall(OcppFrame frame)
        {
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.String)
            {
                Fail(frame, OcppErrorCode.FormationViolation, "the third element of a CALL must be the action string");
                return;
            }

            frame.Action = _reader.GetString();
            ParsePayloadStart(frame);
        }

        private void ParsePayloadStart(OcppFrame frame)
        {
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.StartObject)
            {
                Fail(frame, OcppErrorCode.FormationViolation, _reader.HasError ? _reader.Error : "the payload must be a JSON object");
                return;
            }

            // The whole frame must be JSON before anything in it is acted on: a syntax error anywhere is a
            // FormationViolation, whatever the action or the fields before it (§4.2.3).
            frame.PayloadStart = _reader.GetState();
            if (!_reader.Skip() || !FinishFrame(frame))
            {
                Fail(frame, OcppErrorCode.FormationViolation, _reader.HasError ? _reader.Error : "the frame does not end after the payload");
                return;
            }

            _reader.SetState(frame.PayloadStart);
            frame.IsValid = true;
        }

        private void ParseCallError(OcppFrame frame)
        {
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.String)
            {
                Fail(frame, OcppErrorCode.FormationViolation, "the third element of a CALLERROR must be the error code");
                return;
            }

            frame.ErrorCode = _reader.GetString();
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.String)
            {
                Fail(frame, OcppErrorCode.FormationViolation, "the fourth element of a CALLERROR must be the description");
                return;
            }

            frame.ErrorDescription = _reader.GetString();
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.StartObject || !_reader.Skip())
            {
                Fail(frame, OcppErrorCode.FormationViolation, "the fifth element of a CALLERROR must be the details object");
                return;
            }

            frame.IsValid = FinishFrame(frame);
        }

        private static void Fail(OcppFrame frame, OcppErrorCode code, string problem)
        {
            frame.IsValid = false;
            if (frame.Problem == null)
            {
                frame.Problem = problem;
                frame.ProblemCode = code;
            }
        }

        /// <summary>The reader, positioned after the envelope (for payload decoders).</summary>
        public JsonReader Reader
        {
            get { return _reader; }
        }
    }
}
