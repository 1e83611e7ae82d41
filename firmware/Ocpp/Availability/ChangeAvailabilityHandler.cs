using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Availability
{
    /// <summary>ChangeAvailability (OCPP 1.6 §5.2): Accepted, Scheduled (a transaction runs) or Rejected (no such connector).</summary>
    public sealed class ChangeAvailabilityHandler : IOcppRequestHandler
    {
        private readonly AvailabilityService _availability;
        private readonly ChangeAvailabilityRequest _request = new ChangeAvailabilityRequest();
        private readonly ChangeAvailabilityConfirmation _confirmation = new ChangeAvailabilityConfirmation();

        /// <summary>Creates the handler.</summary>
        public ChangeAvailabilityHandler(AvailabilityService availability)
        {
            _availability = availability;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return ChangeAvailabilityRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            bool scheduled;
            bool ok = _availability.TryChange(_request.ConnectorId, _request.Type == AvailabilityType.Operative, out scheduled);
            _confirmation.Status = !ok ? AvailabilityStatus.Rejected : scheduled ? AvailabilityStatus.Scheduled : AvailabilityStatus.Accepted;
            return _confirmation;
        }
    }
}
