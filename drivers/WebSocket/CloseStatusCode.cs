namespace Wallbox.Drivers.WebSocket
{
    /// <summary>Close frame status codes, RFC 6455 §7.4.1 (and the IANA registry of §11.7 for 1012–1014).</summary>
    public enum CloseStatusCode
    {
        /// <summary>Not a wire code: no close code (no violation, nothing sent or received yet).</summary>
        None = 0,

        /// <summary>1000: normal closure.</summary>
        NormalClosure = 1000,

        /// <summary>1001: endpoint going away.</summary>
        GoingAway = 1001,

        /// <summary>1002: protocol error.</summary>
        ProtocolError = 1002,

        /// <summary>1003: a data type the endpoint cannot accept (binary, for us).</summary>
        UnsupportedData = 1003,

        /// <summary>1005: reserved, never on the wire: the close frame had no status code.</summary>
        NoStatusReceived = 1005,

        /// <summary>1006: reserved, never on the wire: closed without a close frame.</summary>
        AbnormalClosure = 1006,

        /// <summary>1007: data not consistent with the message type (invalid UTF-8 in a text message, §8.1).</summary>
        InvalidPayloadData = 1007,

        /// <summary>1008: policy violation.</summary>
        PolicyViolation = 1008,

        /// <summary>1009: message too big to process.</summary>
        MessageTooBig = 1009,

        /// <summary>1010: the client expected an extension the server did not negotiate.</summary>
        MandatoryExtension = 1010,

        /// <summary>1011: the server met an unexpected condition.</summary>
        InternalError = 1011,
    }
}
