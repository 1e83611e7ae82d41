using Wallbox.Hal;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Indication;
using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Ocpp.Authorize;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Runtime;
using Wallbox.Firmware.Storage;
using Wallbox.Firmware.Transactions;
using LocalInfo = Wallbox.Firmware.Authorization.IdTagInfo;

namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>
    /// The OCPP transaction of connector 1 (OCPP 1.6 §3.6, §4.8, §4.10): turns presented idTags and remote starts
    /// into authorisations of the charging controller, a session of the controller into a transaction in the
    /// journal (StartTransaction with the meter reading and time at the start, StopTransaction with the reason, the
    /// reading and the idTag that stopped it), and recovers the transaction a power cut interrupted: resumed when
    /// the controller resumes the session (CPL-85 ZE Ready), otherwise stopped with reason PowerLoss carrying the
    /// last known meter value and time. The journal delivers the messages (<see cref="TransactionMessageSender"/>).
    /// </summary>
    /// <remarks>
    /// Stopping by card (WBX-12, FXP-36/37): the idTag that started it, its parent, or a card whose parent is the
    /// same; the unlock badge (CPL-90) stops any session and releases the socket. A different card is refused and
    /// does not stop anything. When all 40 journal slots are taken the session is refused (CPL-50).
    /// </remarks>
    public sealed class TransactionService : ITickable
    {
        /// <summary>The connector (the wallbox has one).</summary>
        public const int ConnectorId = 1;

        /// <summary>
        /// Interval of the power-loss snapshot while a transaction runs, ms: the StopTransaction after an unresumed
        /// power cut carries a time at most this old (energy is exact: nothing flows during the cut). Our choice,
        /// 12 record writes an hour of charging (flash wear, docs/storage.md).
        /// </summary>
        public const int PowerLossSnapshotIntervalMs = 5 * 60 * 1000;

        /// <summary>How long a refused card is shown, ms (CPH-17).</summary>
        public const int CardRejectedDisplayMs = 3000;

        /// <summary>Age of a meter reading still good for a StartTransaction/StopTransaction, ms.</summary>
        public const int MeterReadingMaxAgeMs = 10000;

        private const string LogSource = "ocpp-tx";

        private readonly OcppSession _session;
        private readonly OcppSettings _settings;
        private readonly ChargingController _charging;
        private readonly TransactionJournal _journal;
        private readonly AuthorizationService _authorization;
        private readonly PresentedIdTagQueue _cards;
        private readonly IndicationFlags _indication;
        private readonly IEnergyMeter _meter;
        private readonly PersistentRecord _record;
        private readonly ActiveTransactionRecord _active = new ActiveTransactionRecord();
        private readonly MeterReading _reading = new MeterReading();
        private readonly LocalInfo _lookup = new LocalInfo();

        private string _pendingIdTag;
        private string _pendingParent;
        private bool _pendingRemote;
        private string _stopCandidate;
        private string _stopIdTag;
        private Reason _endReason;
        private long _endMeterWh;
        private long _endUnixMs;
        private long _lastSnapshotMs;
        private bool _lastFreeVend;
        private int _settingsVersion = -1;
        private long _lastMeterWh;
        private bool _clockEstimated;
        private long _clockBaseUnixMs;
        private long _clockBaseMs;
        private long _lastStampUnixMs;

        /// <summary>Creates the service; the power-loss record lives at <paramref name="recordPath"/> (e.g. <c>I:\txactive</c>).</summary>
        public TransactionService(
            OcppSession session,
            OcppSettings settings,
            ChargingController charging,
            TransactionJournal journal,
            AuthorizationService authorization,
            PresentedIdTagQueue cards,
            IndicationFlags indication,
            IEnergyMeter meter,
            Hal.IFileStore store,
            string recordPath)
        {
            _session = session;
            _settings = settings;
            _charging = charging;
            _journal = journal;
            _authorization = authorization;
            _cards = cards;
            _indication = indication;
            _meter = meter;
            _record = new PersistentRecord(store, recordPath, ActiveTransactionRecord.RecordType, ActiveTransactionRecord.MaxPayloadBytes, _active);
            _record.StartLoad();
            Phase = TransactionPhase.Booting;
        }

        /// <summary>Where the transaction stands.</summary>
        public TransactionPhase Phase { get; private set; }

        /// <summary>The running transaction's number in the journal (0 when none).</summary>
        public int LocalTransactionId
        {
            get { return Phase == TransactionPhase.Running || Phase == TransactionPhase.Ending ? _active.LocalTransactionId : 0; }
        }

        /// <summary>The central system's transactionId of the running transaction, 0 while unknown or none.</summary>
        public int TransactionId
        {
            get { return Phase == TransactionPhase.Running ? _journal.TransactionIdOf(_active.LocalTransactionId) : 0; }
        }

        /// <summary>The idTag of the running transaction, or null.</summary>
        public string IdTag
        {
            get { return Phase == TransactionPhase.Running ? _active.IdTag : null; }
        }

        /// <summary>The meter register at the start of the running transaction, Wh.</summary>
        public long MeterStartWh
        {
            get { return _active.MeterStartWh; }
        }

        /// <summary>True while a transaction runs or an authorisation holds the connector (ChangeAvailability is then Scheduled).</summary>
        public bool IsBusy
        {
            get { return Phase == TransactionPhase.Running || Phase == TransactionPhase.Ending || Phase == TransactionPhase.Authorized || Phase == TransactionPhase.Authorizing; }
        }

        /// <summary>True while the power-loss record has a write pending.</summary>
        public bool IsRecordSaving
        {
            get { return _record.IsSaving; }
        }

        /// <summary>Transactions started since boot.</summary>
        public int StartedCount { get; private set; }

        /// <summary>Transactions whose StopTransaction was written since boot.</summary>
        public int StoppedCount { get; private set; }

        /// <summary>Sessions refused because the offline buffer was full (CPL-50).</summary>
        public int RefusedBufferFullCount { get; private set; }

        /// <summary>True when the transaction interrupted by the last power cut was resumed (CPL-85).</summary>
        public bool ResumedAfterPowerLoss { get; private set; }

        /// <summary>Why the last card or remote start was refused (web page diagnostics, WBX-15).</summary>
        public string LastRefusal { get; private set; }

        /// <summary>
        /// RemoteStartTransaction (§5.11): true (Accepted) when the connector is free and may charge; the idTag is
        /// then authorised first when AuthorizeRemoteTxRequests is set, unless it is the free-vend idTag (CPL-34).
        /// </summary>
        public bool TryRemoteStart(string idTag, long nowMs)
        {
            // Finishing (the last session ended, the EV still plugged) may start again, as a card may.
            if (Phase != TransactionPhase.Idle || _charging.Session == SessionPhase.Active || _charging.Session == SessionPhase.Pending
                || !_charging.IsAvailable || _charging.State == ChargingState.Faulted)
            {
                return false;
            }

            if (_settings.AuthorizeRemoteTxRequests && idTag != _settings.FreeVendIdTag)
            {
                _pendingRemote = true;
                BeginAuthorization(idTag);
                return Phase == TransactionPhase.Authorizing;
            }

            _pendingIdTag = idTag;
            _pendingParent = null;
            _pendingRemote = true;
            return AuthorizeCharging(nowMs);
        }

        /// <summary>RemoteStopTransaction (§5.12): true (Accepted) when <paramref name="transactionId"/> is the running transaction.</summary>
        public bool TryRemoteStop(int transactionId, long nowMs)
        {
            if (Phase != TransactionPhase.Running || transactionId == 0 || TransactionId != transactionId)
            {
                return false;
            }

            _charging.Stop(StopReason.Remote, nowMs);
            return true;
        }

        /// <summary>Stops the running transaction (or a pending authorisation) for a reset or an unlock command.</summary>
        public void StopFor(StopReason reason, long nowMs)
        {
            if (Phase == TransactionPhase.Authorizing)
            {
                _authorization.Acknowledge();
                Phase = TransactionPhase.Idle;
            }

            _charging.Stop(reason, nowMs);
        }

        /// <summary>
        /// The time to record in a transaction message (start, samples, stop, snapshot), Unix ms: the wall clock when it
        /// is set. After a boot without it (a power cut while offline: the board keeps no time without mains), an
        /// estimate that is never earlier than what was recorded before the cut: the power-loss record's last time
        /// (plus the snapshot interval when a transaction was running, as its samples went on between snapshots) plus
        /// the time since boot; and while estimates are in use, times never go backwards in this boot, even when the
        /// clock is set later (CPL-51: the messages are replayed in order, with increasing times).
        /// </summary>
        public long TimestampUnixMs(long nowMs)
        {
            long stamp;
            if (_session.Wall.IsValid || _clockBaseUnixMs == 0)
            {
                stamp = _session.NowUnixMs;
            }
            else
            {
                _clockEstimated = true;
                stamp = _clockBaseUnixMs + (nowMs - _clockBaseMs);
            }

            if (_clockEstimated && stamp < _lastStampUnixMs)
            {
                stamp = _lastStampUnixMs;
            }

            _lastStampUnixMs = stamp;
            return stamp;
        }

        /// <summary>
        /// The central system answered the StartTransaction of <paramref name="localTransactionId"/>: a refused idTag
        /// stops the running transaction (StopTransactionOnInvalidId, FXP-K18: only true is supported).
        /// </summary>
        public void OnStartAnswered(int localTransactionId, Messages.IdTagInfo info, long nowMs)
        {
            if (info == null || info.Status == Messages.AuthorizationStatus.Accepted)
            {
                return;
            }

            if (Phase == TransactionPhase.Running && _active.LocalTransactionId == localTransactionId)
            {
                _session.Log.Warning(LogSource, "central system refused the idTag of the running transaction (" + AuthorizationStatusNames.ToWire(info.Status) + "): stopping (StopTransactionOnInvalidId)");
                _charging.Stop(StopReason.DeAuthorized, nowMs);
            }
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            _record.Tick(nowMs);
            if (Phase == TransactionPhase.Booting)
            {
                if (!_record.IsLoaded || !_journal.IsLoaded || _charging.State == ChargingState.SelfTest || _settings.Version == 0)
                {
                    return;
                }

                Recover(nowMs);
            }

            bool settingsChanged = _settings.Version != _settingsVersion;
            _settingsVersion = _settings.Version;
            if (settingsChanged && _settings.FreeVend != _lastFreeVend)
            {
                _lastFreeVend = _settings.FreeVend;
                if (Phase == TransactionPhase.Running || Phase == TransactionPhase.Authorized)
                {
                    // FXP-44: switching free-vend on or off stops the session in progress.
                    _session.Log.Info(LogSource, "free-vend switched " + (_settings.FreeVend ? "on" : "off") + ": stopping the session (FXP-44)");
                    _charging.Stop(StopReason.Local, nowMs);
                }
            }

            TickAuthorization(nowMs);
            TickCards(nowMs);
            TickSession(nowMs);
        }

        private void Recover(long nowMs)
        {
            _lastFreeVend = _settings.FreeVend;
            _settingsVersion = _settings.Version;
            Phase = TransactionPhase.Idle;
            if (!_session.Wall.IsValid && _active.LastUnixMs > 0)
            {
                // No time of day after the cut: transaction times are estimated from the last one recorded.
                _clockBaseUnixMs = _active.LastUnixMs + (_active.Active ? PowerLossSnapshotIntervalMs : 0);
                _clockBaseMs = nowMs;
            }

            int open;
            bool journalOpen = _journal.TryFindOpenTransaction(out open);
            bool standaloneRecord = _active.Active && _active.LocalTransactionId == 0;
            if (standaloneRecord || (_active.Active && journalOpen && open == _active.LocalTransactionId))
            {
                if (_charging.Session == SessionPhase.Active && _charging.ResumedAfterPowerLoss)
                {
                    Phase = TransactionPhase.Running;
                    ResumedAfterPowerLoss = true;
                    _lastSnapshotMs = nowMs;
                    _lastMeterWh = _active.LastMeterWh;
                    _session.Log.Info(LogSource, "transaction " + open.ToString() + " of " + _active.IdTag + " resumed after the power cut (CPL-85)");
                    return;
                }

                // Not resumed: stop it as it was when power went. Energy is exact (nothing flows during a cut), the
                // time is the last snapshot's.
                long meterWh = _active.LastMeterWh;
                if (ReadMeter(nowMs) && _reading.EnergyImportWh >= meterWh)
                {
                    meterWh = _reading.EnergyImportWh;
                }

                BeginEnding(Reason.PowerLoss, meterWh, _active.LastUnixMs, null);
                _session.Log.Info(LogSource, "transaction " + open.ToString() + " ended by the power cut at " + meterWh.ToString() + " Wh");
                return;
            }

            if (journalOpen)
            {
                // The journal has an open transaction the power-loss record does not know (its last write was torn):
                // stop it with what is known now.
                _active.Active = true;
                _active.LocalTransactionId = open;
                _active.IdTag = null;
                BeginEnding(Reason.PowerLoss, ReadMeter(nowMs) ? _reading.EnergyImportWh : 0, TimestampUnixMs(nowMs), null);
                _session.Log.Warning(LogSource, "transaction " + open.ToString() + " open in the journal without its power-loss record: stopped with PowerLoss at the current reading");
                return;
            }

            if (_active.Active)
            {
                // Its StopTransaction is already in the journal: only the record was not cleared before the cut.
                ClearRecord();
            }

        }

        private void TickAuthorization(long nowMs)
        {
            if (Phase != TransactionPhase.Authorizing && _stopCandidate == null)
            {
                return;
            }

            AuthorizationProgress progress = _authorization.Progress;
            if (progress == AuthorizationProgress.Waiting || progress == AuthorizationProgress.Idle)
            {
                return;
            }

            bool accepted = progress == AuthorizationProgress.Accepted;
            string parent = _authorization.ParentIdTag;
            string reason = _authorization.Reason;
            _authorization.Acknowledge();
            if (_stopCandidate != null)
            {
                string card = _stopCandidate;
                _stopCandidate = null;
                if (Phase == TransactionPhase.Running && parent != null && (parent == _active.ParentIdTag || parent == _active.IdTag))
                {
                    // FXP-37 rules 2 and 3: a card of the same group.
                    StopByCard(card, nowMs);
                }
                else
                {
                    Refuse(nowMs, card + " may not stop the transaction of " + _active.IdTag);
                }

                return;
            }

            if (!accepted)
            {
                Phase = TransactionPhase.Idle;
                Refuse(nowMs, reason);
                return;
            }

            _pendingIdTag = _authorization.IdTag;
            _pendingParent = parent;
            Phase = TransactionPhase.Idle;
            AuthorizeCharging(nowMs);
        }

        private void TickCards(long nowMs)
        {
            if (_cards.Count == 0 || Phase == TransactionPhase.Authorizing || _stopCandidate != null)
            {
                return;
            }

            string card;
            _cards.TryTake(out card);
            if (_settings.UnlockBadgeIdTag.Length > 0 && card == _settings.UnlockBadgeIdTag)
            {
                // CPL-90/91: the unlock badge stops a running session, or releases an idle socket (a failed unlock is retried).
                _session.Log.Info(LogSource, "unlock badge presented (CPL-90)");
                _stopIdTag = card;
                _charging.Stop(StopReason.Local, nowMs);
                return;
            }

            switch (Phase)
            {
                case TransactionPhase.Idle:
                    if (_settings.FreeVend)
                    {
                        // FXP-42: no identification in free-vend; the session starts on plug-in.
                        return;
                    }

                    if (!_charging.IsAvailable || _charging.State == ChargingState.Faulted)
                    {
                        // WBX-15b: an unavailable or faulted charge point refuses at once, without asking anyone.
                        Refuse(nowMs, "the charge point is unavailable or faulted");
                        return;
                    }

                    _pendingRemote = false;
                    BeginAuthorization(card);
                    break;
                case TransactionPhase.Authorized:
                    if (card == _pendingIdTag)
                    {
                        // The same card again before plugging in: the user changed their mind.
                        _charging.Stop(StopReason.Local, nowMs);
                        Phase = TransactionPhase.Idle;
                        _session.Log.Info(LogSource, "authorisation of " + card + " withdrawn by the same card");
                    }
                    else
                    {
                        Refuse(nowMs, "the connector is reserved for " + _pendingIdTag);
                    }

                    break;
                case TransactionPhase.Running:
                    HandleStopCard(card, nowMs);
                    break;
            }
        }

        private void HandleStopCard(string card, long nowMs)
        {
            if (card == _active.IdTag)
            {
                StopByCard(card, nowMs);
                return;
            }

            if (_active.ParentIdTag != null && card == _active.ParentIdTag)
            {
                // FXP-37 rule 2: the group's own card.
                StopByCard(card, nowMs);
                return;
            }

            if (_active.ParentIdTag == null)
            {
                Refuse(nowMs, card + " may not stop the transaction of " + _active.IdTag + " (WBX-12: the same card stops it)");
                return;
            }

            // FXP-37 rule 3 needs the card's parent: known locally, or ask the central system.
            if (_authorization.TryLookUpLocally(card, _lookup) && _lookup.Status == Wallbox.Firmware.Authorization.AuthorizationStatus.Accepted)
            {
                if (_lookup.ParentIdTag != null && _lookup.ParentIdTag == _active.ParentIdTag)
                {
                    StopByCard(card, nowMs);
                }
                else
                {
                    Refuse(nowMs, card + " is not of the group of " + _active.IdTag);
                }

                return;
            }

            if (_authorization.Begin(card))
            {
                _stopCandidate = card;
            }
        }

        private void StopByCard(string card, long nowMs)
        {
            _stopIdTag = card;
            _session.Log.Info(LogSource, "transaction stopped by card " + card);
            _charging.Stop(StopReason.Local, nowMs);
        }

        private void BeginAuthorization(string idTag)
        {
            if (_authorization.Begin(idTag))
            {
                Phase = TransactionPhase.Authorizing;
                _indication.CardAuthorizing = true;
            }
        }

        private bool AuthorizeCharging(long nowMs)
        {
            _indication.CardAuthorizing = false;
            if (_journal.IsFull && !_session.IsStandalone)
            {
                RefusedBufferFullCount++;
                Refuse(nowMs, "offline transaction buffer full: 40 transactions waiting for the central system (CPL-50)");
                return false;
            }

            if (!_charging.Authorize(nowMs))
            {
                Refuse(nowMs, "the charge point cannot charge now (unavailable, fault or self-test)");
                return false;
            }

            Phase = TransactionPhase.Authorized;
            _session.Log.Info(LogSource, _pendingIdTag + " authorised" + (_pendingRemote ? " remotely" : string.Empty) + "; waiting for the EV");
            return true;
        }

        private void Refuse(long nowMs, string reason)
        {
            _indication.CardAuthorizing = false;
            _indication.CardRejectedUntilMs = nowMs + CardRejectedDisplayMs;
            LastRefusal = reason;
            _session.Log.Info(LogSource, "refused: " + reason);
        }

        private void TickSession(long nowMs)
        {
            SessionPhase session = _charging.Session;
            switch (Phase)
            {
                case TransactionPhase.Idle:
                    if (session == SessionPhase.Active)
                    {
                        // CPL-34, FXP-41: free-vend transactions carry the configured idTag. A session started
                        // another way (the local maintenance interface) is recorded the same way rather than cut.
                        if (!_settings.FreeVend)
                        {
                            _session.Log.Warning(LogSource, "a session started without an OCPP authorisation; recorded with the free-vend idTag");
                        }

                        _pendingIdTag = _settings.FreeVendIdTag;
                        _pendingParent = null;
                        _pendingRemote = false;
                        BeginTransaction(nowMs);
                    }

                    break;
                case TransactionPhase.Authorized:
                    if (session == SessionPhase.Active)
                    {
                        BeginTransaction(nowMs);
                    }
                    else if (session == SessionPhase.None)
                    {
                        // ConnectionTimeOut passed without an EV, or the authorisation was withdrawn.
                        Phase = TransactionPhase.Idle;
                        _session.Log.Info(LogSource, "authorisation of " + _pendingIdTag + " ended without a transaction");
                    }

                    break;
                case TransactionPhase.Running:
                    if (session != SessionPhase.Active)
                    {
                        BeginEnding(StopReasonMapping.ToWire(_charging.LastStopReason), CurrentMeterWh(nowMs), TimestampUnixMs(nowMs), _stopIdTag);
                    }
                    else
                    {
                        Snapshot(nowMs);
                    }

                    break;
            }

            if (Phase == TransactionPhase.Ending)
            {
                TryWriteStop();
            }
        }

        private void BeginTransaction(long nowMs)
        {
            if (_journal.IsFull && !_session.IsStandalone)
            {
                RefusedBufferFullCount++;
                Refuse(nowMs, "offline transaction buffer full: 40 transactions waiting for the central system (CPL-50)");
                _charging.Stop(StopReason.Other, nowMs);
                Phase = TransactionPhase.Idle;
                return;
            }

            long meterStartWh = CurrentMeterWh(nowMs);
            long startUnixMs = TimestampUnixMs(nowMs);
            int local = 0;
            string refusal;
            if (!_session.IsStandalone && !_journal.TryBeginTransaction(ConnectorId, _pendingIdTag, meterStartWh, startUnixMs, 0, out local, out refusal))
            {
                // Flash queue busy for a moment: try again next tick (the EV waits in Preparing).
                return;
            }

            _active.Active = true;
            _active.LocalTransactionId = local;
            _active.IdTag = _pendingIdTag;
            _active.ParentIdTag = _pendingParent;
            _active.MeterStartWh = meterStartWh;
            _active.StartUnixMs = startUnixMs;
            _active.LastMeterWh = meterStartWh;
            _active.LastUnixMs = startUnixMs;
            _active.StartedRemotely = _pendingRemote;
            _record.RequestSave();
            _lastSnapshotMs = nowMs;
            _stopIdTag = null;
            ResumedAfterPowerLoss = false;
            StartedCount++;
            Phase = TransactionPhase.Running;
            _session.Log.Info(LogSource, "transaction " + local.ToString() + " started for " + _pendingIdTag + " at " + meterStartWh.ToString() + " Wh");
        }

        private void Snapshot(long nowMs)
        {
            if (nowMs - _lastSnapshotMs < PowerLossSnapshotIntervalMs)
            {
                return;
            }

            _lastSnapshotMs = nowMs;
            long meterWh = CurrentMeterWh(nowMs);
            if (meterWh == _active.LastMeterWh && _session.IsOnline)
            {
                // Nothing flowed: the stored snapshot is as good (flash wear). Offline its time is written anyway: the
                // samples journaled meanwhile carry later times, which a boot without the clock must not precede.
                return;
            }

            _active.LastMeterWh = meterWh;
            _active.LastUnixMs = TimestampUnixMs(nowMs);
            _record.RequestSave();
        }

        private void BeginEnding(Reason reason, long meterWh, long unixMs, string stopIdTag)
        {
            _endReason = reason;
            _endMeterWh = meterWh;
            _endUnixMs = unixMs;
            _stopIdTag = stopIdTag;
            Phase = TransactionPhase.Ending;
        }

        private void TryWriteStop()
        {
            if (_active.LocalTransactionId == 0)
            {
                // Standalone: nothing to tell a central system.
                StoppedCount++;
                FinishEnding();
                return;
            }

            if (!_journal.TryEndTransaction(_active.LocalTransactionId, _endMeterWh, _endUnixMs, (byte)_endReason, _stopIdTag))
            {
                if (_journal.StateOf(_active.LocalTransactionId) == JournalTransactionState.Stopping
                    || _journal.StateOf(_active.LocalTransactionId) == JournalTransactionState.Stopped
                    || _journal.StateOf(_active.LocalTransactionId) == JournalTransactionState.Free)
                {
                    // Already written (or delivered): nothing more to do.
                    FinishEnding();
                }

                return;
            }

            StoppedCount++;
            _session.Log.Info(LogSource, "transaction " + _active.LocalTransactionId.ToString() + " stopped (" + ReasonNames.ToWire(_endReason) + ") at " + _endMeterWh.ToString() + " Wh");
            FinishEnding();
        }

        private void FinishEnding()
        {
            // The record keeps the last time recorded: a boot without the clock times the next transaction after it.
            if (_endUnixMs > _active.LastUnixMs)
            {
                _active.LastUnixMs = _endUnixMs;
            }

            ClearRecord();
            _stopIdTag = null;
            Phase = TransactionPhase.Idle;
        }

        private void ClearRecord()
        {
            _active.Active = false;
            _active.IdTag = null;
            _active.ParentIdTag = null;
            _record.RequestSave();
        }

        private long CurrentMeterWh(long nowMs)
        {
            if (ReadMeter(nowMs))
            {
                _lastMeterWh = _reading.EnergyImportWh;
            }

            return _lastMeterWh;
        }

        private bool ReadMeter(long nowMs)
        {
            return _meter != null && _meter.TryGetReading(nowMs, MeterReadingMaxAgeMs, _reading);
        }
    }
}
