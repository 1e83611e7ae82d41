namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// Why a payload was refused: the CALLERROR code and a description for the peer. One instance is reused by its
    /// owner; the first error set wins, so the description names the first offending field.
    /// </summary>
    public sealed class OcppDecodeError
    {
        /// <summary>The error code; <see cref="OcppErrorCode.None"/> while no error was set.</summary>
        public OcppErrorCode Code { get; private set; }

        /// <summary>Human-readable description (the CALLERROR errorDescription), e.g. "idTag: longer than 20 characters".</summary>
        public string Description { get; private set; }

        /// <summary>True once an error was set.</summary>
        public bool IsSet
        {
            get { return Code != OcppErrorCode.None; }
        }

        /// <summary>Records the error unless one is already set; always returns false, so decoders can <c>return error.Set(...)</c>.</summary>
        public bool Set(OcppErrorCode code, string description)
        {
            if (Code == OcppErrorCode.None)
            {
                Code = code;
                Description = description;
            }

            return false;
        }

        /// <summary>Clears the error for reuse.</summary>
        public void Clear()
        {
            Code = OcppErrorCode.None;
            Description = null;
        }
    }
}
