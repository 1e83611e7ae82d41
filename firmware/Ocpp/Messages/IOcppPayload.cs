using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Messages
{
    /// <summary>
    /// The payload of one OCPP 1.6 message: a request (Action.req, the payload of a CALL) or a confirmation
    /// (Action.conf, the payload of a CALLRESULT). Implemented by the classes generated from the OCPP 1.6 JSON schemas
    /// (build/OcppMessageGenerator); <see cref="OcppMessageCatalog"/> creates them by action name.
    /// </summary>
    /// <remarks>
    /// Instances are meant to be reused: <see cref="Read"/> resets the instance first. Decoding allocates the strings,
    /// nested objects and arrays it reads (arrays of exact length, counted before they are made); writing allocates
    /// nothing.
    /// </remarks>
    public interface IOcppPayload
    {
        /// <summary>The action name on the wire, e.g. "BootNotification".</summary>
        string Action { get; }

        /// <summary>True for a request (Action.req), false for a confirmation (Action.conf).</summary>
        bool IsRequest { get; }

        /// <summary>
        /// Writes the whole payload object, braces included, leaving out absent optional fields. Call
        /// <see cref="Validate"/> first: an invalid instance is written as it is (a missing required reference as
        /// null), and the receiver refuses it.
        /// </summary>
        void Write(JsonWriter w);

        /// <summary>
        /// Resets this instance, then reads the payload object the reader is positioned on (its StartObject token)
        /// through its matching EndObject, checking everything the schema says. Returns false with
        /// <paramref name="error"/> set (first error wins; codes as in <see cref="OcppMessageCatalog"/>) when the
        /// payload is not valid; the instance is then partly filled and must not be used.
        /// </summary>
        bool Read(JsonReader r, OcppDecodeError error);

        /// <summary>
        /// Checks this instance before it is sent: required fields present, string lengths, enum values set and
        /// defined, numbers finite and multiples of their multipleOf, arrays long enough, timestamps writable.
        /// False with <paramref name="error"/> set at the first problem.
        /// </summary>
        bool Validate(OcppDecodeError error);
    }
}
