using Wallbox.Firmware.Ocpp.Authorize;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Metering;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>
    /// Delivers the transaction journal to the central system, strictly in order, one message at a time (OCPP 1.6
    /// §3.6 "transaction-related messages", CPL-50/51: offline sessions replayed in order with their original
    /// timestamps): StartTransaction, its MeterValues and StopTransaction, each carrying the transactionId the
    /// central system gave the Start. A message leaves the journal only when answered.
    /// </summary>
    /// <remarks>
    /// <para>Failures (§4.7, FXP-K22/K23): a CALLERROR or an invalid answer is retried after
    /// TransactionMessageRetryInterval × the attempt number, up to TransactionMessageAttempts attempts, then
    /// dropped (logged as an error); messages of a transaction whose Start was dropped are dropped with it, since
    /// they have no transactionId. No answer at all (timeout, connection lost) is not a failure of the central
    /// system to process the message: it is sent again once the link is back, without counting.</para>
    /// <para>StopTransaction.req transactionData carries the energy register at Transaction.End (FXP-K20: the
    /// register must always be there); the periodic samples went as MeterValues.</para>
    /// </remarks>
    public sealed class TransactionMessageSender : ITickable
    {
        /// <summary>Wait after an unanswered transaction message before it is sent again, ms. Our choice.</summary>
        public const int ResendAfterNoAnswerMs = 5000;

        private const string LogSource = "ocpp-tx-send";

        private readonly OcppSession _session;
        private readonly OcppSettings _settings;
        private readonly TransactionJournal _journal;
        private readonly AuthorizationService _authorization;
        private readonly TransactionService _transactions;
        private readonly SampledValueBuilder _samples = new SampledValueBuilder();
        private readonly StartTransactionRequest _start = new StartTransactionRequest();
        private readonly MeterValuesRequest _meterValues = new MeterValuesRequest();
        private readonly StopTransactionRequest _stop = new StopTransactionRequest();
        private readonly MeterValue[] _meterValueArray = new MeterValue[1];
        private readonly MeterValue _stopValue = new MeterValue();
        private readonly MeterValue[] _stopValueArray = new MeterValue[1];
        private readonly OcppCall _startCall;
        private readonly OcppCall _meterValuesCall;
        private readonly OcppCall _stopCall;
        private OcppCall _inFlight;
        private int _attempts;
        private long _notBeforeMs;
        private bool _confirming;
        private int _confirmTransactionId;
        private bool _confirmDropped;

        /// <summary>Creates the sender.</summary>
        public TransactionMessageSender(OcppSession session, OcppSettings settings, TransactionJournal journal, AuthorizationService authorization, TransactionService transactions)
        {
            _session = session;
            _settings = settings;
            _journal = journal;
            _authorization = authorization;
            _transactions = transactions;
            _startCall = NewCall(_start, new StartTransactionConfirmation());
            _meterValuesCall = NewCall(_meterValues, new MeterValuesConfirmation());
            _stopCall = NewCall(_stop, new StopTransactionConfirmation());
            _stopValueArray[0] = _stopValue;
        }

        /// <summary>Messages delivered since boot.</summary>
        public int DeliveredCount { get; private set; }

        /// <summary>Messages given up after TransactionMessageAttempts since boot.</summary>
        public int DroppedCount { get; private set; }

        /// <summary>True while nothing is waiting in the journal or on the wire.</summary>
        public bool IsIdle
        {
            get { return _inFlight == null && !_confirming && !_journal.HasPendingMessage; }
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (_confirming)
            {
                Confirm();
                return;
            }

            if (_inFlight != null)
            {
                if (_inFlight.IsFinished)
                {
                    OnAnswer(nowMs);
                }

                return;
            }

            if (!_journal.HasPendingMessage || !_session.IsOnline)
            {
                return;
            }

            if (!_journal.IsHeadReady)
            {
                _journal.TryFetchHead();
                return;
            }

            if (nowMs - _notBeforeMs < 0)
            {
                return;
            }

            JournalMessage head = _journal.Head;
            if (head.Kind != JournalMessageKind.Start && head.TransactionId == 0)
            {
                // The Start of this transaction was dropped: the central system cannot place this message.
                _session.Log.Error(LogSource, KindName(head.Kind) + " of local transaction " + head.LocalTransactionId.ToString() + " dropped: its StartTransaction was never accepted");
                DroppedCount++;
                BeginConfirm(0, true);
                return;
            }

            OcppCall call = Build(head);
            if (_session.Rpc.TryEnqueue(call))
            {
                _inFlight = call;
            }
        }

        private OcppCall Build(JournalMessage head)
        {
            switch (head.Kind)
            {
                case JournalMessageKind.Start:
                    _start.ConnectorId = head.ConnectorId;
                    _start.IdTag = head.IdTag;
                    _start.MeterStart = ClampWh(head.MeterWh);
                    _start.Timestamp = head.TimestampUnixMs;
                    _start.HasReservationId = head.ReservationId > 0;
                    _start.ReservationId = head.ReservationId;
                    return _startCall;
                case JournalMessageKind.MeterValues:
                    _meterValues.ConnectorId = TransactionService.ConnectorId;
                    _meterValues.TransactionId = head.TransactionId;
                    _meterValues.HasTransactionId = true;
                    _meterValueArray[0] = _samples.Build(head.Samples, 0, head.SampleLength, head.TimestampUnixMs, (ReadingContext)head.Context);
                    _meterValues.MeterValue = _meterValueArray;
                    return _meterValuesCall;
                default:
                    _stop.IdTag = head.IdTag;
                    _stop.MeterStop = ClampWh(head.MeterWh);
                    _stop.Timestamp = head.TimestampUnixMs;
                    _stop.TransactionId = head.TransactionId;
                    _stop.Reason = head.Reason == 0 ? Reason.Unset : (Reason)head.Reason;
                    _samples.FillEnergyRegister(_stopValue, head.MeterWh, head.TimestampUnixMs, ReadingContext.TransactionEnd);
                    _stop.TransactionData = _stopValueArray;
                    return _stopCall;
            }
        }

        private void OnAnswer(long nowMs)
        {
            OcppCall call = _inFlight;
            _inFlight = null;
            JournalMessage head = _journal.Head;
            OcppCallState state = call.State;
            string error = call.ErrorDescription;
            call.Acknowledge();
            if (state == OcppCallState.Completed)
            {
                _attempts = 0;
                DeliveredCount++;
                int transactionId = 0;
                if (call == _startCall)
                {
                    StartTransactionConfirmation conf = (StartTransactionConfirmation)call.Confirmation;
                    transactionId = conf.TransactionId;
                    _authorization.TakeCentralSystemAnswer(head.IdTag, conf.IdTagInfo);
                    _transactions.OnStartAnswered(head.LocalTransactionId, conf.IdTagInfo, nowMs);
                }
                else if (call == _stopCall)
                {
                    StopTransactionConfirmation conf = (StopTransactionConfirmation)call.Confirmation;
                    if (head.IdTag != null)
                    {
                        _authorization.TakeCentralSystemAnswer(head.IdTag, conf.IdTagInfo);
                    }
                }

                BeginConfirm(transactionId, false);
                return;
            }

            if (state == OcppCallState.Rejected)
            {
                _attempts++;
                if (_attempts >= _settings.TransactionMessageAttempts)
                {
                    _session.Log.Error(LogSource, KindName(head.Kind) + " of local transaction " + head.LocalTransactionId.ToString() + " dropped after " + _attempts.ToString() + " attempts: " + error);
                    _attempts = 0;
                    DroppedCount++;
                    BeginConfirm(0, true);
                    return;
                }

                _notBeforeMs = nowMs + (long)_settings.TransactionMessageRetryIntervalS * 1000L * _attempts;
                _session.Log.Warning(LogSource, KindName(head.Kind) + " refused (attempt " + _attempts.ToString() + " of " + _settings.TransactionMessageAttempts.ToString() + "): " + error);
                return;
            }

            // Timed out, connection lost or not sent: not the central system's refusal; the head is sent again.
            _notBeforeMs = nowMs + ResendAfterNoAnswerMs;
        }

        private void BeginConfirm(int transactionId, bool dropped)
        {
            _confirming = true;
            _confirmTransactionId = transactionId;
            _confirmDropped = dropped;
            Confirm();
        }

        private void Confirm()
        {
            // False only while the journal's flash queue is full: the confirmation waits for the next tick.
            if (_journal.TryConfirmHead(_confirmTransactionId, _confirmDropped))
            {
                _confirming = false;
            }
        }

        private static OcppCall NewCall(IOcppPayload request, IOcppPayload confirmation)
        {
            OcppCall call = new OcppCall(request, confirmation);
            call.Priority = OcppCallPriority.Transaction;
            return call;
        }

        private static int ClampWh(long wh)
        {
            // OCPP 1.6 meterStart/meterStop are int32 Wh: 2,147,483 kWh, decades of a wallbox meter.
            return wh > int.MaxValue ? int.MaxValue : wh < 0 ? 0 : (int)wh;
        }

        private static string KindName(JournalMessageKind kind)
        {
            return kind == JournalMessageKind.Start ? "StartTransaction" : kind == JournalMessageKind.MeterValues ? "MeterValues" : "StopTransaction";
        }
    }
}
