using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Remote
{
    /// <summary>
    /// DataTransfer from the central system (OCPP 1.6 §5.6): this firmware defines no vendor extensions yet, so every
    /// vendorId is answered UnknownVendorId, as the spec prescribes for a vendor the charge point does not know.
    /// </summary>
    public sealed class DataTransferHandler : IOcppRequestHandler
    {
        private readonly DataTransferRequest _request = new DataTransferRequest();
        private readonly DataTransferConfirmation _confirmation = new DataTransferConfirmation();

        /// <inheritdoc />
        public string Action
        {
            get { return DataTransferRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            _confirmation.Status = DataTransferStatus.UnknownVendorId;
            _confirmation.Data = null;
            return _confirmation;
        }
    }
}
