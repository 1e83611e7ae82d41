using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Reset
{
    /// <summary>Reset (OCPP 1.6 §5.13): Accepted, and the reset follows (<see cref="ResetService"/>); Rejected while one is under way.</summary>
    public sealed class ResetHandler : IOcppRequestHandler
    {
        private readonly ResetService _reset;
        private readonly ResetRequest _request = new ResetRequest();
        private readonly ResetConfirmation _confirmation = new ResetConfirmation();

        /// <summary>Creates the handler.</summary>
        public ResetHandler(ResetService reset)
        {
            _reset = reset;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return ResetRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            _confirmation.Status = _reset.Request(_request.Type == ResetType.Hard, nowMs) ? ResetStatus.Accepted : ResetStatus.Rejected;
            return _confirmation;
        }
    }
}
