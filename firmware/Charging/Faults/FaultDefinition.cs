namespace Wallbox.Firmware.Charging.Faults
{
    /// <summary>How one <see cref="ChargingFault"/> is classified, reported and cleared.</summary>
    public sealed class FaultDefinition
    {
        /// <summary>Creates a definition.</summary>
        public FaultDefinition(ChargingFault fault, FaultSeverity severity, string ocppErrorCode, string vendorErrorCode, string reaction, string recovery)
        {
            Fault = fault;
            Severity = severity;
            OcppErrorCode = ocppErrorCode;
            VendorErrorCode = vendorErrorCode;
            Reaction = reaction;
            Recovery = recovery;
        }

        /// <summary>The fault.</summary>
        public ChargingFault Fault { get; private set; }

        /// <summary>Severity class.</summary>
        public FaultSeverity Severity { get; private set; }

        /// <summary>OCPP 1.6 ChargePointErrorCode sent in StatusNotification.errorCode.</summary>
        public string OcppErrorCode { get; private set; }

        /// <summary>StatusNotification.vendorErrorCode: the fault id of the CPH catalogue where one exists.</summary>
        public string VendorErrorCode { get; private set; }

        /// <summary>What the controller does (for docs and logs).</summary>
        public string Reaction { get; private set; }

        /// <summary>When the fault clears (for docs and logs).</summary>
        public string Recovery { get; private set; }
    }
}
