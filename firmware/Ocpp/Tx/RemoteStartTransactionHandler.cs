using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>
    /// RemoteStartTransaction (OCPP 1.6 §5.11): Accepted when connector 1 (or no connector given) is free and may
    /// charge; the transaction then starts like a local one (authorised first when AuthorizeRemoteTxRequests is set;
    /// the cable stays locked until a stop, CPL-93). A charging profile is not applied: Smart Charging is not
    /// implemented yet (SupportedFeatureProfiles does not list it), so the transaction runs with the local limits.
    /// </summary>
    public sealed class RemoteStartTransactionHandler : IOcppRequestHandler
    {
        private readonly TransactionService _transactions;
        private readonly RemoteStartTransactionRequest _request = new RemoteStartTransactionRequest();
        private readonly RemoteStartTransactionConfirmation _confirmation = new RemoteStartTransactionConfirmation();

        /// <summary>Creates the handler.</summary>
        public RemoteStartTransactionHandler(TransactionService transactions)
        {
            _transactions = transactions;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return RemoteStartTransactionRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            bool connectorOk = !_request.HasConnectorId || _request.ConnectorId == TransactionService.ConnectorId;
            _confirmation.Status = connectorOk && Authorization.IdTagInfo.IsValidIdTag(_request.IdTag) && _transactions.TryRemoteStart(_request.IdTag, nowMs)
                ? RemoteStartStopStatus.Accepted
                : RemoteStartStopStatus.Rejected;
            return _confirmation;
        }
    }
}
