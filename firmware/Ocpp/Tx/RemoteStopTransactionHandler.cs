using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>
    /// RemoteStopTransaction (OCPP 1.6 §5.12): Accepted when transactionId is the running transaction, which then
    /// stops with reason Remote like a local stop (and the socket is released, CPL-93); Rejected otherwise.
    /// </summary>
    public sealed class RemoteStopTransactionHandler : IOcppRequestHandler
    {
        private readonly TransactionService _transactions;
        private readonly RemoteStopTransactionRequest _request = new RemoteStopTransactionRequest();
        private readonly RemoteStopTransactionConfirmation _confirmation = new RemoteStopTransactionConfirmation();

        /// <summary>Creates the handler.</summary>
        public RemoteStopTransactionHandler(TransactionService transactions)
        {
            _transactions = transactions;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return RemoteStopTransactionRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            _confirmation.Status = _transactions.TryRemoteStop(_request.TransactionId, nowMs) ? RemoteStartStopStatus.Accepted : RemoteStartStopStatus.Rejected;
            return _confirmation;
        }
    }
}
