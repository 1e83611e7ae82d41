using Wallbox.Firmware.Application;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Ocpp.Tx;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp.Reset
{
    /// <summary>
    /// Reset (OCPP 1.6 §5.13). Both kinds first stop a running transaction (reason SoftReset or HardReset), wait for
    /// the contactor to open and for its StopTransaction and every store to be on flash, then restart the board.
    /// A soft reset also waits up to <see cref="SoftResetDeliveryWaitMs"/> for the journal to reach the central
    /// system; a hard reset does not wait for delivery (the journal replays it after the restart, as §5.13 allows).
    /// Nothing is ever lost: the restart waits for durability up to <see cref="MaxWaitMs"/>, and only an unwritable
    /// flash lets it go without (logged).
    /// </summary>
    public sealed class ResetService : ITickable
    {
        /// <summary>How long a soft reset waits for the transaction messages to be delivered, ms. Our choice.</summary>
        public const int SoftResetDeliveryWaitMs = 10000;

        /// <summary>How long a reset waits for the session to end and the stores to be written, ms (6 s of Table A.6 seq. 10.2 and flash).</summary>
        public const int MaxWaitMs = 20000;

        /// <summary>
        /// Least time between the request and the restart, ms: the Reset.conf must leave the socket's send queue
        /// before the board goes down (the transport sends on its own worker). Our choice.
        /// </summary>
        public const int AnswerGraceMs = 1000;

        private const string LogSource = "ocpp-reset";

        private readonly OcppSession _session;
        private readonly ChargingController _charging;
        private readonly TransactionService _transactions;
        private readonly TransactionMessageSender _sender;
        private readonly PersistentServices _persistent;
        private readonly IResetController _reset;
        private bool _requested;
        private bool _hard;
        private bool _restarted;
        private long _requestedAtMs;

        /// <summary>Creates the service.</summary>
        public ResetService(OcppSession session, ChargingController charging, TransactionService transactions, TransactionMessageSender sender, PersistentServices persistent, IResetController reset)
        {
            _session = session;
            _charging = charging;
            _transactions = transactions;
            _sender = sender;
            _persistent = persistent;
            _reset = reset;
        }

        /// <summary>True once a reset has been requested (a second one is refused).</summary>
        public bool IsResetting
        {
            get { return _requested; }
        }

        /// <summary>Requests a reset; false when one is already under way or the board cannot restart.</summary>
        public bool Request(bool hard, long nowMs)
        {
            if (_requested || _reset == null)
            {
                return false;
            }

            _requested = true;
            _hard = hard;
            _requestedAtMs = nowMs;
            _session.Log.Info(LogSource, (hard ? "hard" : "soft") + " reset requested");
            _transactions.StopFor(hard ? StopReason.HardReset : StopReason.SoftReset, nowMs);
            return true;
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (!_requested || _restarted)
            {
                return;
            }

            long waited = nowMs - _requestedAtMs;
            if (waited < AnswerGraceMs)
            {
                return;
            }

            bool sessionOver = !_transactions.IsBusy && !_charging.IsContactorCommandedClosed;
            if (!sessionOver && waited < MaxWaitMs)
            {
                return;
            }

            // Deferred confirmations are written now; a StopTransaction still on its way to flash is not yet visible to
            // the sender, so a soft reset waits for both: everything durable and, within its limit, delivered.
            _persistent.Journal.Flush();
            bool durable = IsDurable();
            bool delivered = _hard || !_session.IsOnline || (durable && _sender.IsIdle) || waited >= SoftResetDeliveryWaitMs;
            if ((!durable && waited < MaxWaitMs) || !delivered)
            {
                return;
            }

            if (!IsDurable())
            {
                _session.Log.Error(LogSource, "stores not written within " + (MaxWaitMs / 1000).ToString() + " s; restarting anyway");
            }

            _restarted = true;
            _session.Log.Info(LogSource, "restarting now");
            _charging.EnterSafeState();
            _reset.Restart();
        }

        private bool IsDurable()
        {
            return _persistent.Journal.IsFlushed && !_persistent.Configuration.Record.IsSaving && !_persistent.Cache.Record.IsSaving
                && !_persistent.LocalList.Record.IsSaving && !_transactions.IsRecordSaving;
        }
    }
}
