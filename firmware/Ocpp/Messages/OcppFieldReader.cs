using System;
using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Messages
{
    /// <summary>
    /// Reads one field of a payload at the reader's current token (the member's value) and checks it against its
    /// schema keywords; the generated payload classes call it. Each method returns false with the error set
    /// (<see cref="OcppPayloadErrors"/>) when the value is not acceptable, and then leaves the output at its default.
    /// </summary>
    public static class OcppFieldReader
    {
        /// <summary>maxLength argument for strings whose schema has none ("data" of DataTransfer, "value" of SampledValue).</summary>
        public const int NoMaxLength = -1;

        /// <summary>
        /// JSON Schema "integer" (OCPP 1.6: 32-bit). A number without fraction is an integer whatever its spelling
        /// ("5", "5.0", "5e0": JSON Schema draft-07 §6.1.1 counts the value, not the spelling); a fraction is a
        /// TypeConstraintViolation, an integer outside the int range a PropertyConstraintViolation.
        /// </summary>
        public static bool ReadInt32(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, out int value)
        {
            value = 0;
            if (r.TokenType != JsonTokenType.Number)
            {
                return OcppPayloadErrors.WrongType(r, error, path, name, "integer");
            }

            if (r.TryGetInt32(out value))
            {
                return true;
            }

            long wide;
            if (r.TryGetInt64(out wide))
            {
                return OcppPayloadErrors.OutOfRange(error, path, name);
            }

            double number;
            if (!r.TryGetDouble(out number))
            {
                // Beyond the double range: an integer, and far outside 32 bits.
                return OcppPayloadErrors.OutOfRange(error, path, name);
            }

            if (Math.Floor(number) != number)
            {
                return OcppPayloadErrors.Fraction(error, path, name);
            }

            if (number < int.MinValue || number > int.MaxValue)
            {
                return OcppPayloadErrors.OutOfRange(error, path, name);
            }

            value = (int)number;
            return true;
        }

        /// <summary>JSON Schema "number" without multipleOf.</summary>
        public static bool ReadNumber(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, out double value)
        {
            return ReadNumber(r, error, path, name, 0.0, null, out value);
        }

        /// <summary>
        /// JSON Schema "number" with "multipleOf" (<paramref name="multipleOfText"/> is its spelling for the description);
        /// a multipleOf of 0 means none. Multiples are checked as <see cref="OcppFieldCheck.IsMultipleOf"/> says.
        /// </summary>
        public static bool ReadNumber(
            JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, double multipleOf, string multipleOfText, out double value)
        {
            value = 0.0;
            if (r.TokenType != JsonTokenType.Number)
            {
                return OcppPayloadErrors.WrongType(r, error, path, name, "number");
            }

            if (!r.TryGetDouble(out value))
            {
                value = 0.0;
                return OcppPayloadErrors.NotFinite(error, path, name);
            }

            if (multipleOf > 0 && !OcppFieldCheck.IsMultipleOf(value, multipleOf))
            {
                value = 0.0;
                return OcppPayloadErrors.NotMultipleOf(error, path, name, multipleOfText);
            }

            return true;
        }

        /// <summary>JSON Schema "boolean": true or false, nothing else (no "true" strings, no 0/1).</summary>
        public static bool ReadBoolean(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, out bool value)
        {
            value = r.TokenType == JsonTokenType.True;
            if (value || r.TokenType == JsonTokenType.False)
            {
                return true;
            }

            return OcppPayloadErrors.WrongType(r, error, path, name, "boolean");
        }

        /// <summary>
        /// JSON Schema "string" with "format": "date-time", as Unix milliseconds UTC. Accepted spellings:
        /// <see cref="JsonReader.TryGetTimestamp"/> (RFC 3339 §5.6 with a zone, years 1970..9999).
        /// </summary>
        public static bool ReadTimestamp(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, out long unixMs)
        {
            unixMs = 0;
            if (r.TokenType != JsonTokenType.String)
            {
                return OcppPayloadErrors.WrongType(r, error, path, name, "date-time string");
            }

            if (!r.TryGetTimestamp(out unixMs))
            {
                unixMs = 0;
                return OcppPayloadErrors.NotDateTime(error, path, name);
            }

            return true;
        }

        /// <summary>
        /// JSON Schema "string" with an optional "maxLength" (<see cref="NoMaxLength"/> for none), counted in Unicode
        /// code points as JSON Schema does (draft-07 §6.3.1). A string within the limit in UTF-16 units is within it
        /// in code points, so the count is exact without allocating before the string is taken.
        /// </summary>
        public static bool ReadString(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, int maxLength, out string value)
        {
            value = null;
            if (r.TokenType != JsonTokenType.String)
            {
                return OcppPayloadErrors.WrongType(r, error, path, name, "string");
            }

            if (maxLength >= 0 && r.GetStringLength() > maxLength)
            {
                string text = r.GetString();
                if (OcppFieldCheck.CodePointLength(text) > maxLength)
                {
                    return OcppPayloadErrors.TooLong(error, path, name, maxLength);
                }

                value = text;
                return true;
            }

            value = r.GetString();
            return true;
        }

        /// <summary>JSON Schema "string" with "format": "uri": a string as <see cref="ReadString"/>, and a URI (<see cref="OcppFieldCheck.IsUri"/>).</summary>
        public static bool ReadUri(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, int maxLength, out string value)
        {
            if (!ReadString(r, error, path, name, maxLength, out value))
            {
                return false;
            }

            if (!OcppFieldCheck.IsUri(value))
            {
                value = null;
                return OcppPayloadErrors.NotUri(error, path, name);
            }

            return true;
        }

        /// <summary>
        /// JSON Schema "array" with "minItems": checks the current token is a StartArray and counts its items by reading
        /// ahead and rewinding (<see cref="JsonReader.GetState"/>), so the caller can allocate an array of exact length.
        /// The reader is left on the StartArray; read each item with <see cref="JsonReader.Read"/>, then call
        /// <see cref="EndArray"/>. The count is bounded by the frame: every item takes at least two bytes.
        /// </summary>
        public static bool BeginArray(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, int minItems, out int count)
        {
            count = 0;
            if (r.TokenType != JsonTokenType.StartArray)
            {
                return OcppPayloadErrors.WrongType(r, error, path, name, "array");
            }

            JsonReaderState start = r.GetState();
            while (true)
            {
                if (!r.Read())
                {
                    count = 0;
                    return OcppPayloadErrors.Malformed(r, error);
                }

                if (r.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                count++;
                if (!r.Skip())
                {
                    count = 0;
                    return OcppPayloadErrors.Malformed(r, error);
                }
            }

            r.SetState(start);
            if (count < minItems)
            {
                return OcppPayloadErrors.TooFewItems(error, path, name, minItems);
            }

            return true;
        }

        /// <summary>Reads the EndArray after the items counted by <see cref="BeginArray"/>.</summary>
        public static bool EndArray(JsonReader r, OcppDecodeError error)
        {
            if (!r.Read() || r.TokenType != JsonTokenType.EndArray)
            {
                return OcppPayloadErrors.Malformed(r, error);
            }

            return true;
        }
    }
}
