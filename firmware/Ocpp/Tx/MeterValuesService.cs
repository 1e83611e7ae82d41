using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Metering;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Ocpp.Status;
using Wallbox.Firmware.Runtime;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>
    /// MeterValues (OCPP 1.6 §4.7, FXP-46/47): sampled every MeterValueSampleInterval from the start of a
    /// transaction (MeterValuesSampledData, context Sample.Periodic), clock-aligned every ClockAlignedDataInterval
    /// from midnight UTC (MeterValuesAlignedData, Sample.Clock; needs a set clock), and on TriggerMessage (Trigger).
    /// </summary>
    /// <remarks>
    /// <para>A transaction's sample goes straight to the central system when it can (online, the Start answered, the
    /// journal empty, so nothing overtakes an older message); otherwise, or when that send fails, it is written to
    /// the journal with its original time and replayed in order (flash wear rule of docs/storage.md: journal only
    /// what cannot be delivered now). The journal keeps 6 values per sample and 12 samples per transaction; values
    /// beyond are cut and counted. Samples outside a transaction are not stored: the one due while offline is lost.</para>
    /// <para>The meter is also watched here: no reading for <see cref="MeterFailureAfterMs"/> raises PowerMeterFailure
    /// on the StatusNotification (CPH-47/58).</para>
    /// </remarks>
    public sealed class MeterValuesService : ITickable
    {
        /// <summary>No meter reading for this long is a meter failure, ms. Our choice (issue 7 refines it per meter).</summary>
        public const int MeterFailureAfterMs = 30000;

        /// <summary>How long a triggered MeterValues waits for a meter reading (the first poll cycle after boot), ms.</summary>
        public const int TriggerWaitForReadingMs = 5000;

        private const string LogSource = "ocpp-meter";

        private readonly OcppSession _session;
        private readonly OcppSettings _settings;
        private readonly ChargingController _charging;
        private readonly TransactionJournal _journal;
        private readonly TransactionService _transactions;
        private readonly IEnergyMeter _meter;
        private readonly PeripheralHealth _health;
        private readonly MeterReading _reading = new MeterReading();
        private readonly MeasurandSelection _sampled = new MeasurandSelection();
        private readonly MeasurandSelection _aligned = new MeasurandSelection();
        private readonly SampleSet _encoder = new SampleSet();
        private readonly SampledValueBuilder _builder = new SampledValueBuilder();
        private readonly byte[] _bytes = new byte[SampleSet.MaxBytes];
        private readonly byte[] _pendingBytes = new byte[SampleSet.MaxBytes];
        private readonly MeterValuesRequest _request = new MeterValuesRequest();
        private readonly MeterValue[] _requestValues = new MeterValue[1];
        private readonly OcppCall _call;
        private int _settingsVersion = -1;
        private int _runningLocal;
        private long _nextSampleMs;
        private long _nextAlignedUnixMs;
        private long _lastReadingMs;
        private bool _triggered;
        private long _triggeredAtMs = -1;
        private int _pendingLength;
        private int _pendingLocal;
        private long _pendingUnixMs;
        private ReadingContext _pendingContext;

        /// <summary>Creates the service.</summary>
        public MeterValuesService(OcppSession session, OcppSettings settings, ChargingController charging, TransactionJournal journal, TransactionService transactions, IEnergyMeter meter, PeripheralHealth health)
        {
            _session = session;
            _settings = settings;
            _charging = charging;
            _journal = journal;
            _transactions = transactions;
            _meter = meter;
            _health = health;
            _call = new OcppCall(_request, new MeterValuesConfirmation());
            _requestValues[0] = null;
        }

        /// <summary>Samples sent straight to the central system since boot.</summary>
        public int SentDirectCount { get; private set; }

        /// <summary>Samples written to the journal since boot.</summary>
        public int JournaledCount { get; private set; }

        /// <summary>Samples lost (offline outside a transaction, or the journal refused them) since boot.</summary>
        public int LostCount { get; private set; }

        /// <summary>Sends a MeterValues now (TriggerMessage).</summary>
        public void Trigger()
        {
            _triggered = true;
            _triggeredAtMs = -1;
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (_settings.Version != _settingsVersion)
            {
                _settingsVersion = _settings.Version;
                _sampled.Parse(_settings.MeterValuesSampledData);
                _aligned.Parse(_settings.MeterValuesAlignedData);
                _nextAlignedUnixMs = 0;
            }

            WatchMeter(nowMs);
            FinishSend(nowMs);
            int local = _transactions.Phase == TransactionPhase.Running ? _transactions.LocalTransactionId : 0;
            if (local != _runningLocal)
            {
                // A new transaction: samples count from its start (FXP-K12).
                _runningLocal = local;
                _nextSampleMs = nowMs + _settings.MeterValueSampleIntervalS * 1000L;
            }

            if (local != 0 && _settings.MeterValueSampleIntervalS > 0 && nowMs - _nextSampleMs >= 0)
            {
                _nextSampleMs += _settings.MeterValueSampleIntervalS * 1000L;
                if (nowMs - _nextSampleMs >= 0)
                {
                    _nextSampleMs = nowMs + _settings.MeterValueSampleIntervalS * 1000L;
                }

                Sample(nowMs, _sampled, ReadingContext.SamplePeriodic, local, 0);
            }

            TickAligned(nowMs, local);
            if (_triggered && _triggeredAtMs < 0)
            {
                _triggeredAtMs = nowMs;
            }

            if (_triggered && _meter != null && !_meter.TryGetReading(nowMs, MeterFailureAfterMs, _reading))
            {
                // Right after boot the meter's first poll cycle may not be complete: wait a little for it, not forever.
                if (nowMs - _triggeredAtMs >= TriggerWaitForReadingMs)
                {
                    _triggered = false;
                    _session.Log.Warning(LogSource, "triggered MeterValues not sent: no meter reading");
                }
            }
            else if (_triggered && !_call.IsPending && _session.IsConnected)
            {
                _triggered = false;
                Sample(nowMs, _sampled, ReadingContext.Trigger, local, 0);
            }
        }

        private void TickAligned(long nowMs, int local)
        {
            int intervalS = _settings.ClockAlignedDataIntervalS;
            if (intervalS <= 0 || !_session.Wall.IsValid)
            {
                return;
            }

            long nowUnix = _session.NowUnixMs;
            long intervalMs = intervalS * 1000L;
            if (_nextAlignedUnixMs == 0 || _nextAlignedUnixMs - nowUnix > intervalMs)
            {
                // Intervals are aligned to 00:00:00 UTC (FXP-K04); a clock set backwards re-aligns.
                _nextAlignedUnixMs = (nowUnix / intervalMs + 1) * intervalMs;
                return;
            }

            if (nowUnix < _nextAlignedUnixMs)
            {
                return;
            }

            // The reading of the boundary is stamped with the boundary (the register is read within one loop period).
            long boundaryUnixMs = nowUnix / intervalMs * intervalMs;
            _nextAlignedUnixMs = boundaryUnixMs + intervalMs;
            Sample(nowMs, _aligned, ReadingContext.SampleClock, local, boundaryUnixMs);
        }

        private void Sample(long nowMs, MeasurandSelection selection, ReadingContext context, int local, long stampUnixMs)
        {
            if (selection.Count == 0 || _meter == null || !_meter.TryGetReading(nowMs, MeterFailureAfterMs, _reading))
            {
                return;
            }

            int length = _encoder.Encode(selection, _reading, _charging.OfferedCurrentMa, _bytes, 0, SampleSet.MaxBytes);
            bool transactionMessage = local != 0 && context != ReadingContext.Trigger;
            long unixMs = stampUnixMs != 0 ? stampUnixMs : local != 0 ? _transactions.TimestampUnixMs(nowMs) : _session.NowUnixMs;
            int transactionId = local != 0 ? _journal.TransactionIdOf(local) : 0;
            bool direct = _session.IsOnline && !_call.IsPending && (!transactionMessage || (transactionId != 0 && !_journal.HasPendingMessage));
            if (direct)
            {
                System.Array.Copy(_bytes, _pendingBytes, length);
                _pendingLength = length;
                _pendingLocal = transactionMessage ? local : 0;
                _pendingUnixMs = unixMs;
                _pendingContext = context;
                _request.ConnectorId = TransactionService.ConnectorId;
                _request.HasTransactionId = transactionId != 0;
                _request.TransactionId = transactionId;
                _requestValues[0] = _builder.Build(_bytes, 0, length, unixMs, context);
                _request.MeterValue = _requestValues;
                _call.Priority = transactionMessage ? OcppCallPriority.Transaction : OcppCallPriority.Low;
                if (_session.Rpc.TryEnqueue(_call))
                {
                    return;
                }
            }

            if (transactionMessage)
            {
                Journal(local, unixMs, context, _bytes, length);
            }
            else
            {
                LostCount++;
            }
        }

        private void FinishSend(long nowMs)
        {
            if (!_call.IsFinished)
            {
                return;
            }

            bool delivered = _call.State == OcppCallState.Completed;
            _call.Acknowledge();
            if (delivered)
            {
                SentDirectCount++;
                return;
            }

            if (_pendingLocal != 0)
            {
                // Not delivered (the link dropped, no answer, refused): keep it for the replay (at-least-once).
                Journal(_pendingLocal, _pendingUnixMs, _pendingContext, _pendingBytes, _pendingLength);
            }
            else
            {
                LostCount++;
            }
        }

        private void Journal(int local, long unixMs, ReadingContext context, byte[] bytes, int length)
        {
            int journalLength = length > SampleSet.MaxJournalValues * SampleSet.EntryBytes ? SampleSet.MaxJournalValues * SampleSet.EntryBytes : length;
            if (_journal.TryAddMeterValues(local, unixMs, (byte)context, bytes, 0, journalLength))
            {
                JournaledCount++;
            }
            else
            {
                LostCount++;
            }
        }

        private void WatchMeter(long nowMs)
        {
            if (_meter == null)
            {
                return;
            }

            if (_meter.TryGetReading(nowMs, MeterFailureAfterMs, _reading))
            {
                _lastReadingMs = nowMs;
                if (_health.MeterFailed)
                {
                    _health.MeterFailed = false;
                    _session.Log.Info(LogSource, "energy meter delivers readings again");
                }
            }
            else if (!_health.MeterFailed && nowMs - _lastReadingMs >= MeterFailureAfterMs)
            {
                _health.MeterFailed = true;
                _session.Log.Error(LogSource, "energy meter silent for " + (MeterFailureAfterMs / 1000).ToString() + " s: PowerMeterFailure (CPH-47/58)");
            }
        }
    }
}
