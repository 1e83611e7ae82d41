using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Messages
{
    /// <summary>
    /// The errors of payload decoding and validation, as CALLERROR codes of OCPP-J 1.6 §4.2.3 with a description that
    /// starts with the JSON path. Each sets the error (first one wins) and returns false, so callers write
    /// <c>return OcppPayloadErrors.Missing(...)</c>. Descriptions are built only here, i.e. only on an error.
    /// </summary>
    /// <remarks>
    /// The mapping follows the §4.2.3 definitions (docs/ocpp-conformance.md, "Decoding errors"):
    /// FormationViolation "not conform the PDU structure" — not an object, malformed JSON, unknown or repeated property;
    /// OccurenceConstraintViolation "violates occurrence constraints" — a required property missing;
    /// TypeConstraintViolation "violates data type constraints" — the wrong JSON type;
    /// PropertyConstraintViolation "a field contains an invalid value" — a value outside enum, maxLength, format,
    /// multipleOf, minItems or the 32-bit integer range.
    /// </remarks>
    public static class OcppPayloadErrors
    {
        /// <summary>FormationViolation: the payload is not a JSON object.</summary>
        public static bool NotAnObject(OcppDecodeError error)
        {
            return error.Set(OcppErrorCode.FormationViolation, "payload: not a JSON object");
        }

        /// <summary>FormationViolation: the JSON is malformed or ends early (the reader's error, if any, is quoted).</summary>
        public static bool Malformed(JsonReader r, OcppDecodeError error)
        {
            string reason = r.HasError ? r.Error : "unexpected end";
            return error.Set(OcppErrorCode.FormationViolation, string.Concat("payload: malformed JSON (", reason, ")"));
        }

        /// <summary>FormationViolation: the current property name is not in the schema ("additionalProperties": false).</summary>
        public static bool UnknownProperty(JsonReader r, OcppDecodeError error, OcppPayloadPath path)
        {
            return error.Set(OcppErrorCode.FormationViolation, string.Concat(path.Describe(r.GetString()), ": unknown property"));
        }

        /// <summary>FormationViolation: the current property name came before in the same object (RFC 8259 §4: names SHOULD be unique).</summary>
        public static bool DuplicateProperty(JsonReader r, OcppDecodeError error, OcppPayloadPath path)
        {
            return error.Set(OcppErrorCode.FormationViolation, string.Concat(path.Describe(r.GetString()), ": duplicate property"));
        }

        /// <summary>OccurenceConstraintViolation: the required property <paramref name="name"/> is missing.</summary>
        public static bool Missing(OcppDecodeError error, OcppPayloadPath path, string name)
        {
            return error.Set(OcppErrorCode.OccurenceConstraintViolation, string.Concat(path.Describe(name), ": required property missing"));
        }

        /// <summary>OccurenceConstraintViolation: the array item at the path's current index is null (validation only).</summary>
        public static bool MissingItem(OcppDecodeError error, OcppPayloadPath path)
        {
            return error.Set(OcppErrorCode.OccurenceConstraintViolation, string.Concat(path.Describe(null), ": missing item"));
        }

        /// <summary>
        /// TypeConstraintViolation: the value at <paramref name="name"/> (null: the path's current array item) has the
        /// wrong JSON type, e.g. "connectorId: expected integer, found string".
        /// </summary>
        public static bool WrongType(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, string expected)
        {
            return error.Set(
                OcppErrorCode.TypeConstraintViolation,
                string.Concat(path.Describe(name), ": expected ", expected, string.Concat(", found ", TokenName(r.TokenType))));
        }

        /// <summary>TypeConstraintViolation: a number with a fraction where the schema says integer.</summary>
        public static bool Fraction(OcppDecodeError error, OcppPayloadPath path, string name)
        {
            return error.Set(OcppErrorCode.TypeConstraintViolation, string.Concat(path.Describe(name), ": expected integer, found a fraction"));
        }

        /// <summary>PropertyConstraintViolation: not one of the enum's values, e.g. "status: not one of Accepted, Rejected".</summary>
        public static bool NotOneOf(OcppDecodeError error, OcppPayloadPath path, string name, string allowedValues)
        {
            return error.Set(OcppErrorCode.PropertyConstraintViolation, string.Concat(path.Describe(name), ": not one of ", allowedValues));
        }

        /// <summary>PropertyConstraintViolation: a string longer than the schema's maxLength.</summary>
        public static bool TooLong(OcppDecodeError error, OcppPayloadPath path, string name, int maxLength)
        {
            return error.Set(
                OcppErrorCode.PropertyConstraintViolation,
                string.Concat(path.Describe(name), ": longer than ", maxLength.ToString(), " characters"));
        }

        /// <summary>PropertyConstraintViolation: a date-time string that is not ISO 8601 with a time zone (RFC 3339 §5.6), or outside 1970..9999.</summary>
        public static bool NotDateTime(OcppDecodeError error, OcppPayloadPath path, string name)
        {
            return error.Set(
                OcppErrorCode.PropertyConstraintViolation,
                string.Concat(path.Describe(name), ": not an ISO 8601 date-time with time zone in 1970..9999"));
        }

        /// <summary>PropertyConstraintViolation: a string that is not a URI (RFC 3986 §3) where the schema says "format": "uri".</summary>
        public static bool NotUri(OcppDecodeError error, OcppPayloadPath path, string name)
        {
            return error.Set(OcppErrorCode.PropertyConstraintViolation, string.Concat(path.Describe(name), ": not a URI (RFC 3986)"));
        }

        /// <summary>PropertyConstraintViolation: a number that is not a multiple of the schema's multipleOf.</summary>
        public static bool NotMultipleOf(OcppDecodeError error, OcppPayloadPath path, string name, string multipleOf)
        {
            return error.Set(OcppErrorCode.PropertyConstraintViolation, string.Concat(path.Describe(name), ": not a multiple of ", multipleOf));
        }

        /// <summary>PropertyConstraintViolation: a number JSON cannot carry (NaN, infinity; validation only).</summary>
        public static bool NotFinite(OcppDecodeError error, OcppPayloadPath path, string name)
        {
            return error.Set(OcppErrorCode.PropertyConstraintViolation, string.Concat(path.Describe(name), ": not a finite number"));
        }

        /// <summary>PropertyConstraintViolation: an integer outside the 32-bit range (OCPP 1.6 integers are 32-bit).</summary>
        public static bool OutOfRange(OcppDecodeError error, OcppPayloadPath path, string name)
        {
            return error.Set(OcppErrorCode.PropertyConstraintViolation, string.Concat(path.Describe(name), ": integer outside the 32-bit range"));
        }

        /// <summary>OccurenceConstraintViolation: an array with fewer items than the schema's minItems (a cardinality, like 1..*).</summary>
        public static bool TooFewItems(OcppDecodeError error, OcppPayloadPath path, string name, int minItems)
        {
            return error.Set(
                OcppErrorCode.OccurenceConstraintViolation,
                string.Concat(path.Describe(name), ": fewer than ", minItems.ToString(), minItems == 1 ? " item" : " items"));
        }

        /// <summary>The JSON type of a token, for descriptions.</summary>
        private static string TokenName(JsonTokenType type)
        {
            switch (type)
            {
                case JsonTokenType.StartObject:
                    return "object";
                case JsonTokenType.StartArray:
                    return "array";
                case JsonTokenType.String:
                    return "string";
                case JsonTokenType.Number:
                    return "number";
                case JsonTokenType.True:
                case JsonTokenType.False:
                    return "boolean";
                case JsonTokenType.Null:
                    return "null";
                default:
                    return "no value";
            }
        }
    }
}
