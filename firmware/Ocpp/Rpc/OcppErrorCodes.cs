namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>Wire names of <see cref="OcppErrorCode"/>.</summary>
    /// <remarks>
    /// We send the names of the OCPP-J 1.6 specification text (§4.2.3), including its spellings
    /// "FormationViolation" and "OccurenceConstraintViolation". We accept on receipt the spellings central systems
    /// actually use as well: "FormatViolation" (OCPP 2.0) and "OccurrenceConstraintViolation" (the corrected spelling,
    /// sent for instance by ocpp-rpc).
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
