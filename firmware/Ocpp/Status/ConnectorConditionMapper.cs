using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Faults;
using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Status
{
    /// <summary>
    /// Maps the charging controller's state and faults onto the OCPP 1.6 connector statuses (§7.7, one-to-one as
    /// <see cref="ChargingState"/> documents) and error codes (§7.6, from the fault table, docs/charging-control.md),
    /// for connector 1 and for the charge point as a whole (connector 0).
    /// </summary>
    public static class ConnectorConditionMapper
    {
        /// <summary>Fills <paramref name="into"/> for connector 1.</summary>
        public static void MapConnector(ChargingController charging, bool meterFailed, bool readerFailed, ConnectorCondition into)
        {
            into.Status = StatusOf(charging.State);
            into.ErrorCode = ChargePointErrorCode.NoError;
            into.VendorErrorCode = null;
            ChargingFault fault;
            if (charging.Faults.TryGetPrimary(out fault))
            {
                FaultDefinition definition = FaultCatalog.Get(fault);
                ChargePointErrorCode code;
                into.ErrorCode = ChargePointErrorCodeNames.TryParse(definition.OcppErrorCode, out code) ? code : ChargePointErrorCode.OtherError;
                into.VendorErrorCode = definition.VendorErrorCode;
            }
            else if (meterFailed)
            {
                // The meter is not needed to charge safely, only to bill: an error code, not a Faulted status (§7.6).
                into.ErrorCode = ChargePointErrorCode.PowerMeterFailure;
            }
            else if (readerFailed)
            {
                into.ErrorCode = ChargePointErrorCode.ReaderFailure;
            }
        }

        /// <summary>
        /// Fills <paramref name="into"/> for connector 0, the charge point: Unavailable when set inoperative, Faulted
        /// when a critical fault (one that blocks every session: welded contactor, failed RCD or pilot self-test) is
        /// active, otherwise Available.
        /// </summary>
        public static void MapChargePoint(ChargingController charging, bool chargePointOperative, ConnectorCondition into)
        {
            into.ErrorCode = ChargePointErrorCode.NoError;
            into.VendorErrorCode = null;
            into.Status = chargePointOperative ? ChargePointStatus.Available : ChargePointStatus.Unavailable;
            ChargingFault fault;
            if (charging.Faults.TryGetPrimary(out fault) && FaultCatalog.Get(fault).Severity == FaultSeverity.Critical)
            {
                FaultDefinition definition = FaultCatalog.Get(fault);
                ChargePointErrorCode code;
                into.Status = ChargePointStatus.Faulted;
                into.ErrorCode = ChargePointErrorCodeNames.TryParse(definition.OcppErrorCode, out code) ? code : ChargePointErrorCode.OtherError;
                into.VendorErrorCode = definition.VendorErrorCode;
            }
        }

        /// <summary>The OCPP status of a controller state.</summary>
        public static ChargePointStatus StatusOf(ChargingState state)
        {
            switch (state)
            {
                case ChargingState.Available:
                    return ChargePointStatus.Available;
                case ChargingState.Preparing:
                    return ChargePointStatus.Preparing;
                case ChargingState.Charging:
                    return ChargePointStatus.Charging;
                case ChargingState.SuspendedEv:
                    return ChargePointStatus.SuspendedEV;
                case ChargingState.SuspendedEvse:
                    return ChargePointStatus.SuspendedEVSE;
                case ChargingState.Finishing:
                    return ChargePointStatus.Finishing;
                case ChargingState.Faulted:
                    return ChargePointStatus.Faulted;
                default:
                    // SelfTest and Unavailable.
                    return ChargePointStatus.Unavailable;
            }
        }
    }
}
