namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// The error codes of a CALLERROR (OCPP-J 1.6 §4.2.3). The wire names are those of the 1.6 specification text,
    /// spelling mistakes included (see <see cref="OcppErrorCodes"/>).
    /// </summary>
    public enum OcppErrorCode
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>Requested Action is not known by receiver.</summary>
        NotImplemented = 1,

        /// <summary>Requested Action is recognized but not supported by the receiver.</summary>
        NotSupported = 2,

        /// <summary>An internal error occurred and the receiver was not able to process the requested Action successfully.</summary>
        InternalError = 3,

        /// <summary>Payload for Action is incomplete.</summary>
        ProtocolError = 4,

        /// <summary>During the processing of Action a security issue occurred preventing receiver from completing the Action successfully.</summary>
        SecurityError = 5,

        /// <summary>Payload for Action is syntactically incorrect or not conform the PDU structure for Action.</summary>
        FormationViolation = 6,

        /// <summary>Payload is syntactically correct but at least one field contains an invalid value.</summary>
        PropertyConstraintViolation = 7,

        /// <summary>Payload for Action is syntactically correct but at least one of the fields violates occurrence constraints.</summary>
        OccurenceConstraintViolation = 8,

        /// <summary>Payload for Action is syntactically correct but at least one of the fields violates data type constraints (e.g. "somestring": 12).</summary>
        TypeConstraintViolation = 9,

        /// <summary>Any other error not covered by the previous ones.</summary>
        GenericError = 10,
    }
}
