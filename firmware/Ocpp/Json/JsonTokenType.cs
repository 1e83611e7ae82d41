namespace Wallbox.Firmware.Ocpp.Json
{
    /// <summary>The tokens of a JSON text (RFC 8259 §2–§7) as <see cref="JsonReader"/> reports them.</summary>
    public enum JsonTokenType
    {
        /// <summary>No token: before the first <see cref="JsonReader.Read"/>, after the end of the document, or after an error.</summary>
        None,

        /// <summary>"{": begin-object (RFC 8259 §4).</summary>
        StartObject,

        /// <summary>"}": end-object.</summary>
        EndObject,

        /// <summary>"[": begin-array (RFC 8259 §5).</summary>
        StartArray,

        /// <summary>"]": end-array.</summary>
        EndArray,

        /// <summary>The name of a member: a string followed by ":" (RFC 8259 §4).</summary>
        PropertyName,

        /// <summary>A string value (RFC 8259 §7).</summary>
        String,

        /// <summary>A number value (RFC 8259 §6).</summary>
        Number,

        /// <summary>The literal true (RFC 8259 §3).</summary>
        True,

        /// <summary>The literal false.</summary>
        False,

        /// <summary>The literal null.</summary>
        Null,
    }
}
