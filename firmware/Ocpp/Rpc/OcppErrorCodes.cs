namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>Wire names of <see cref="OcppErrorCode"/>.</summary>
    /// <remarks>
    /// We send the names of the OCPP-J 1.6 specification text (§4.2.3), including its spellings
    /// "FormationViolation" and "OccurenceConstraintViolation": the OCPP-J 1.6 errata sheet v1.0 §5.1–5.2 lists both
    /// as "known issues that will not be fixed" in 1.6 (a message-level change would break implementations). We
    /// accept on receipt the spellings central systems actually send as well: "FormatViolation" (OCPP 2.0.1) and
    /// "OccurrenceConstraintViolation" (OCPP 2.1, and ocpp-rpc).
    /// </remarks>
    public static class OcppErrorCodes
    {
        private static readonly string[] Names = new string[]
        {
            string.Empty,
            "NotImplemented",
            "NotSupported",
            "InternalError",
            "ProtocolError",
            "SecurityError",
            "FormationViolation",
            "PropertyConstraintViolation",
            "OccurenceConstraintViolation",
            "TypeConstraintViolation",
            "GenericError",
        };

        /// <summary>The name sent on the wire.</summary>
        public static string WireName(OcppErrorCode code)
        {
            int index = (int)code;
            return index >= 0 && index < Names.Length ? Names[index] : "GenericError";
        }

        /// <summary>Parses a received error code; an unknown one reads as <see cref="OcppErrorCode.GenericError"/>.</summary>
        public static OcppErrorCode Parse(string name)
        {
            if (name == null)
            {
                return OcppErrorCode.GenericError;
            }

            for (int i = 1; i < Names.Length; i++)
            {
                if (name == Names[i])
                {
                    return (OcppErrorCode)i;
                }
            }

            if (name == "FormatViolation")
            {
                return OcppErrorCode.FormationViolation;
            }

            if (name == "OccurrenceConstraintViolation")
            {
                return OcppErrorCode.OccurenceConstraintViolation;
            }

            return OcppErrorCode.GenericError;
        }
    }
}
