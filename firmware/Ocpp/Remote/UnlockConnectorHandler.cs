using Wallbox.Drivers.SocketLock;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Ocpp.Tx;

namespace Wallbox.Firmware.Ocpp.Remote
{
    /// <summary>
    /// UnlockConnector (OCPP 1.6 §5.17, CPL-92): stops a running transaction with reason UnlockCommand, then answers
    /// from the lock's feedback once the motor has run: Unlocked, or UnlockFailed when the feedback does not show the
    /// socket unlocked within <see cref="UnlockWaitMs"/> (the lock driver retries first). NotSupported on a tethered
    /// cable or another connector. The answer is deferred, the loop never waits for the motor.
    /// </summary>
    public sealed class UnlockConnectorHandler : IOcppDeferredRequestHandler
    {
        /// <summary>
        /// Longest wait for the unlock, ms: up to 6 s for the EV to leave state C after PWM off (Table A.6 seq. 10.2),
        /// then the motor; well below the central system's call timeout.
        /// </summary>
        public const int UnlockWaitMs = 15000;

        private readonly ChargingController _charging;
        private readonly TransactionService _transactions;
        private readonly UnlockConnectorRequest _request = new UnlockConnectorRequest();
        private readonly UnlockConnectorConfirmation _confirmation = new UnlockConnectorConfirmation();
        private long _startedMs;

        /// <summary>Creates the handler.</summary>
        public UnlockConnectorHandler(ChargingController charging, TransactionService transactions)
        {
            _charging = charging;
            _transactions = transactions;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return UnlockConnectorRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            if (_request.ConnectorId != TransactionService.ConnectorId || !_charging.HasSocketLock)
            {
                _confirmation.Status = UnlockStatus.NotSupported;
                return _confirmation;
            }

            // Stopping also re-drives a lock whose last unlock failed (CPH-22); an idle socket is already released.
            _transactions.StopFor(StopReason.UnlockCommand, nowMs);
            _startedMs = nowMs;
            return OcppRpc.AnswerLater;
        }

        /// <inheritdoc />
        public bool TryFinish(long nowMs, OcppDecodeError error, out IOcppPayload confirmation)
        {
            confirmation = _confirmation;
            SocketLockStatus status = _charging.LockStatus;
            if (status == SocketLockStatus.Unlocked && !_charging.IsContactorCommandedClosed && !_transactions.IsBusy)
            {
                _confirmation.Status = UnlockStatus.Unlocked;
                return true;
            }

            if (nowMs - _startedMs >= UnlockWaitMs)
            {
                _confirmation.Status = UnlockStatus.UnlockFailed;
                return true;
            }

            return false;
        }
    }
}
