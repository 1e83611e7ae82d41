using Wallbox.Firmware.Storage;
using Wallbox.Hal;

namespace Wallbox.Firmware.Transactions
{
    /// <summary>
    /// The offline transaction buffer (CPL-50): every transaction's StartTransaction, MeterValues and StopTransaction,
    /// with their original timestamps and idTag, kept in a <see cref="RecordLog"/> (<c>I:\tx\</c>) until the central
    /// system has confirmed them, and handed out strictly in the order they happened. At most 40 transactions are
    /// held; when all 40 slots are taken a new transaction is refused, nothing is ever overwritten.
    /// </summary>
    /// <remarks>
    /// <para>Nothing is visible to the sender before it is on flash: a message enters the send queue only when its
    /// record is durable ("persisted before acknowledged"), and a confirmation removes it only when the confirmation
    /// record is durable. The mapping from the firmware's local transaction number to the central system's
    /// transactionId is a record of its own, kept live while the transaction has anything left to send, so it
    /// survives every reboot and every compaction.</para>
    /// <para>Record payloads (little-endian): Start = messageId u32, localTxId i32, connector u8, idTag (length-prefixed
    /// ASCII, ≤ 20), meterStart Wh i64, timestamp Unix ms i64, reservationId i32. MeterValues = messageId, localTxId,
    /// timestamp, context u8, samples (u8 length + bytes, ≤ 32). Stop = messageId, localTxId, meterStop Wh i64,
    /// timestamp, reason u8, idTag (or none), dropped samples u16. Confirmed = messageId, localTxId, transactionId i32,
    /// outcome u8 (0 accepted, 1 dropped). Commit header = next messageId, next localTxId.</para>
    /// <para>A central system can receive a message twice if power fails after its answer arrived and before the
    /// confirmation record reached flash: a few milliseconds for a Start, up to <see cref="ConfirmationFlushDelayMs"/>
    /// for MeterValues and Stop, whose confirmations wait to share flash jobs (wear, docs/storage.md): at-least-once
    /// delivery. It never receives one out of order and never loses one.</para>
    /// </remarks>
    public sealed class TransactionJournal : ITickable, IRecordLogOwner
    {
        /// <summary>Transactions held at most (CPL-50: "mémoire tampon de 40 recharges").</summary>
        public const int MaxTransactions = 40;

        /// <summary>MeterValues kept per transaction while unconfirmed. Our choice (≥ 10); billing uses Start/Stop readings.</summary>
        public const int MaxSamplesPerTransaction = 12;

        /// <summary>Largest encoded sample set of one MeterValues message, bytes.</summary>
        public const int MaxSampleBytes = 32;

        /// <summary>Longest idTag (OCPP 1.6 IdToken: CiString20).</summary>
        public const int MaxIdTagLength = 20;

        /// <summary>Messages waiting at most: a Start, the samples and a Stop for every transaction.</summary>
        public const int MaxPendingMessages = MaxTransactions * (MaxSamplesPerTransaction + 2);

        /// <summary>Log size that triggers a compaction, bytes: twice the largest live set (≈ 37 KiB), so writes stay ≤ 2× appends.</summary>
        public const int CompactionThresholdBytes = 80 * 1024;

        /// <summary>Records waiting for the flash worker at most. Our choice.</summary>
        public const int AppendQueueCapacity = 8;

        /// <summary>
        /// How long the confirmation of a MeterValues or StopTransaction may wait for company before it is written,
        /// ms: long enough that the confirmations of a replay burst, or of one sample and the next at the default
        /// 60 s MeterValueSampleInterval (FXP-K12, with margin for the round trip), share one flash job; short enough
        /// to bound the re-sends after a power cut to the last 90 s of confirmations. Start confirmations (the
        /// transactionId) are never deferred.
        /// </summary>
        public const int ConfirmationFlushDelayMs = 90 * 1000;

        /// <summary>Log type byte.</summary>
        public const byte LogType = 0x54; // 'T'

        private const int MaxPayloadBytes = 96;
        private const byte KindStart = 1;
        private const byte KindMeterValues = 2;
        private const byte KindStop = 3;
        private const byte KindConfirmed = 4;
        private const byte OutcomeAccepted = 0;
        private const byte OutcomeDropped = 1;
        private const int MaxLiveRecords = MaxPendingMessages + MaxTransactions;

        private readonly RecordLog _log;
        private readonly ByteWriter _writer = new ByteWriter();
        private readonly ByteReader _reader = new ByteReader();
        private readonly byte[] _payload = new byte[MaxPayloadBytes];
        private readonly JournalMessage _head = new JournalMessage(MaxSampleBytes);

        // Transaction slots.
        private readonly JournalTransactionState[] _state = new JournalTransactionState[MaxTransactions];
        private readonly int[] _localId = new int[MaxTransactions];
        private readonly int[] _transactionId = new int[MaxTransactions];
        private readonly int[] _samples = new int[MaxTransactions];
        private readonly int[] _dropped = new int[MaxTransactions];
        private readonly int[] _mappingOffset = new int[MaxTransactions];
        private readonly int[] _mappingLength = new int[MaxTransactions];

        // Messages on flash, not yet confirmed, in order (a ring).
        private readonly uint[] _pendingId = new uint[MaxPendingMessages];
        private readonly byte[] _pendingSlot = new byte[MaxPendingMessages];
        private readonly byte[] _pendingKind = new byte[MaxPendingMessages];
        private readonly int[] _pendingOffset = new int[MaxPendingMessages];
        private readonly int[] _pendingLength = new int[MaxPendingMessages];
        private int _pendingHead;
        private int _pendingCount;

        // Live records prepared for a compaction: (true, ring index) or (false, slot), sorted by offset.
        private readonly int[] _liveOffset = new int[MaxLiveRecords];
        private readonly int[] _liveRef = new int[MaxLiveRecords];
        private readonly bool[] _liveIsMessage = new bool[MaxLiveRecords];
        private int _mappingCount;

        private uint _nextMessageId = 1;
        private int _nextLocalId = 1;
        private int _confirmedAhead;
        private bool _headFetching;
        private int _fetchedIndex;

        /// <summary>
        /// Creates the journal on <paramref name="store"/> in <paramref name="directory"/> (e.g. <c>I:\tx\</c>);
        /// <paramref name="compactionThresholdBytes"/> is lowered only by tests that want many compactions.
        /// </summary>
        public TransactionJournal(IFileStore store, string directory, int compactionThresholdBytes = CompactionThresholdBytes)
        {
            _log = new RecordLog(store, directory, LogType, MaxPayloadBytes, AppendQueueCapacity, MaxLiveRecords, compactionThresholdBytes, this);
            for (int i = 0; i < MaxTransactions; i++)
            {
                _mappingOffset[i] = -1;
            }
        }

        /// <summary>The log underneath (for statistics and tests).</summary>
        public RecordLog Log { get { return _log; } }

        /// <summary>True once the journal has been rebuilt from flash.</summary>
        public bool IsLoaded { get { return _log.IsLoaded; } }

        /// <summary>Transactions held (any state but Free).</summary>
        public int TransactionCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < MaxTransactions; i++)
                {
                    if (_state[i] != JournalTransactionState.Free)
                    {
                        n++;
                    }
                }

                return n;
            }
        }

        /// <summary>Messages that became durable since boot (diagnostics, fault-injection tests).</summary>
        public int DurableMessageCount { get; private set; }

        /// <summary>Confirmations that became durable since boot (diagnostics, fault-injection tests).</summary>
        public int DurableConfirmationCount { get; private set; }

        /// <summary>Messages on flash waiting to be sent and confirmed.</summary>
        public int PendingMessageCount { get { return _pendingCount; } }

        /// <summary>True when a new transaction can be started now.</summary>
        public bool CanBeginTransaction { get { return IsLoaded && FreeSlot() >= 0 && _log.FreeAppendSlots > 0; } }

        /// <summary>Starts the rebuild from flash.</summary>
        public void StartLoad()
        {
            _log.StartLoad();
        }

        /// <summary>Advances the log and the head fetch.</summary>
        public void Tick(long nowMs)
        {
            _log.Tick(nowMs);
        }

        /// <summary>
        /// Records a StartTransaction. Returns false with a reason when the journal is not ready or holds 40
        /// transactions already (CPL-50: the session must be refused). The transaction counts from now on;
        /// it is on flash once <see cref="IsStartDurable"/> says so.
        /// </summary>
        public bool TryBeginTransaction(int connectorId, string idTag, long meterStartWh, long timestampUnixMs, int reservationId, out int localTransactionId, out string refusal)
        {
            localTransactionId = 0;
            refusal = null;
            if (!IsLoaded)
            {
                refusal = "transaction journal not loaded yet";
                return false;
            }

            int slot = FreeSlot();
            if (slot < 0)
            {
                refusal = "offline transaction buffer full: 40 transactions waiting for the central system (CPL-50)";
                return false;
            }

            if (idTag == null || idTag.Length == 0 || idTag.Length > MaxIdTagLength)
            {
                throw new System.ArgumentException("idTag must be 1..20 characters", "idTag");
            }

            int localId = _nextLocalId;
            uint messageId = _nextMessageId;
            _writer.Reset(_payload, 0, MaxPayloadBytes);
            _writer.WriteUInt32(messageId);
            _writer.WriteInt32(localId);
            _writer.WriteByte((byte)connectorId);
            _writer.WriteShortString(idTag);
            _writer.WriteInt64(meterStartWh);
            _writer.WriteInt64(timestampUnixMs);
            _writer.WriteInt32(reservationId);
            if (!_log.TryAppend(KindStart, _payload, 0, _writer.Length))
            {
                refusal = "transaction journal busy: flash write queue full, retry";
                return false;
            }

            _nextLocalId++;
            _nextMessageId++;
            InitSlot(slot, localId, JournalTransactionState.Starting);
            localTransactionId = localId;
            return true;
        }

        /// <summary>
        /// Finds a transaction that has started and not stopped (after a reboot: the one the power cut interrupted);
        /// false when there is none.
        /// </summary>
        public bool TryFindOpenTransaction(out int localTransactionId)
        {
            for (int i = 0; i < MaxTransactions; i++)
            {
                if (_state[i] == JournalTransactionState.Starting || _state[i] == JournalTransactionState.Open)
                {
                    localTransactionId = _localId[i];
                    return true;
                }
            }

            localTransactionId = 0;
            return false;
        }

        /// <summary>True when every one of the 40 slots is taken (CPL-50: a new session must be refused).</summary>
        public bool IsFull
        {
            get { return FreeSlot() < 0; }
        }

        /// <summary>True once the StartTransaction of <paramref name="localTransactionId"/> is on flash.</summary>
        public bool IsStartDurable(int localTransactionId)
        {
            int slot = SlotOf(localTransactionId);
            return slot >= 0 && _state[slot] != JournalTransactionState.Starting;
        }

        /// <summary>State of a transaction (Free when unknown or finished).</summary>
        public JournalTransactionState StateOf(int localTransactionId)
        {
            int slot = SlotOf(localTransactionId);
            return slot < 0 ? JournalTransactionState.Free : _state[slot];
        }

        /// <summary>
        /// The central system's transactionId for a local transaction, 0 while unknown. Known as soon as the Start is
        /// confirmed; it survives a power cut once <see cref="IsTransactionIdDurable"/> (a few milliseconds later).
        /// </summary>
        public int TransactionIdOf(int localTransactionId)
        {
            int slot = SlotOf(localTransactionId);
            return slot < 0 ? 0 : _transactionId[slot];
        }

        /// <summary>True once the mapping to the central transactionId is on flash.</summary>
        public bool IsTransactionIdDurable(int localTransactionId)
        {
            int slot = SlotOf(localTransactionId);
            return slot >= 0 && _mappingOffset[slot] >= 0;
        }

        /// <summary>
        /// Records MeterValues of a running transaction. Returns false when the transaction is not running, the
        /// flash queue is full, or the transaction already holds <see cref="MaxSamplesPerTransaction"/> unconfirmed
        /// samples (then the sample is dropped and counted, and the count travels with the Stop).
        /// </summary>
        public bool TryAddMeterValues(int localTransactionId, long timestampUnixMs, byte context, byte[] samples, int offset, int count)
        {
            int slot = SlotOf(localTransactionId);
            if (slot < 0 || (_state[slot] != JournalTransactionState.Starting && _state[slot] != JournalTransactionState.Open))
            {
                return false;
            }

            if (count > MaxSampleBytes)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }

            if (_samples[slot] >= MaxSamplesPerTransaction)
            {
                _dropped[slot]++;
                return false;
            }

            _writer.Reset(_payload, 0, MaxPayloadBytes);
            _writer.WriteUInt32(_nextMessageId);
            _writer.WriteInt32(localTransactionId);
            _writer.WriteInt64(timestampUnixMs);
            _writer.WriteByte(context);
            _writer.WriteByte((byte)count);
            for (int i = 0; i < count; i++)
            {
                _writer.WriteByte(samples[offset + i]);
            }

            if (!_log.TryAppend(KindMeterValues, _payload, 0, _writer.Length))
            {
                return false;
            }

            _nextMessageId++;
            _samples[slot]++;
            return true;
        }

        /// <summary>
        /// Records the StopTransaction of a running transaction. Returns false when it is not running or the flash
        /// queue is full (retry on a later tick).
        /// </summary>
        public bool TryEndTransaction(int localTransactionId, long meterStopWh, long timestampUnixMs, byte reason, string idTag)
        {
            int slot = SlotOf(localTransactionId);
            if (slot < 0 || (_state[slot] != JournalTransactionState.Starting && _state[slot] != JournalTransactionState.Open))
            {
                return false;
            }

            if (idTag != null && idTag.Length > MaxIdTagLength)
            {
                throw new System.ArgumentException("idTag must be at most 20 characters", "idTag");
            }

            _writer.Reset(_payload, 0, MaxPayloadBytes);
            _writer.WriteUInt32(_nextMessageId);
            _writer.WriteInt32(localTransactionId);
            _writer.WriteInt64(meterStopWh);
            _writer.WriteInt64(timestampUnixMs);
            _writer.WriteByte(reason);
            _writer.WriteShortString(idTag);
            _writer.WriteUInt16(_dropped[slot] > 65535 ? 65535 : _dropped[slot]);
            if (!_log.TryAppend(KindStop, _payload, 0, _writer.Length))
            {
                return false;
            }

            _nextMessageId++;
            _state[slot] = JournalTransactionState.Stopping;
            return true;
        }

        /// <summary>True when a message is waiting to be sent (the oldest one; they go strictly in order).</summary>
        public bool HasPendingMessage { get { return _pendingCount > _confirmedAhead; } }

        /// <summary>Messages whose confirmation is queued but not yet on flash (they are sent again after a power cut).</summary>
        public int UnflushedConfirmationCount { get { return _confirmedAhead; } }

        /// <summary>True when every queued record (deferred confirmations included) is on flash.</summary>
        public bool IsFlushed { get { return _log.IsFlushed; } }

        /// <summary>Writes deferred confirmations now (before an orderly reset, or when power failure is signalled).</summary>
        public void Flush()
        {
            _log.Flush();
        }

        /// <summary>True when the oldest message has been read back into <see cref="Head"/>.</summary>
        public bool IsHeadReady { get; private set; }

        /// <summary>The oldest message, valid while <see cref="IsHeadReady"/>.</summary>
        public JournalMessage Head { get { return _head; } }

        /// <summary>
        /// Starts reading the oldest message from flash; poll <see cref="IsHeadReady"/> (after <see cref="Tick"/>).
        /// Returns false when there is none or a read is under way.
        /// </summary>
        public bool TryFetchHead()
        {
            return TryFetch(0);
        }

        /// <summary>
        /// Reads the unconfirmed message at <paramref name="index"/> (0 = oldest) into <see cref="Head"/>, for
        /// diagnostics and the web page; only the oldest one can be confirmed.
        /// </summary>
        public bool TryFetch(int index)
        {
            if (!HasPendingMessage || index < 0 || index >= _pendingCount - _confirmedAhead || IsHeadReady || _headFetching)
            {
                return false;
            }

            int ring = (_pendingHead + _confirmedAhead + index) % MaxPendingMessages;
            if (!_log.TryStartRead(_pendingOffset[ring], _pendingLength[ring]))
            {
                return false;
            }

            _fetchedIndex = index;
            _headFetching = true;
            return true;
        }

        /// <summary>Forgets a fetched message without confirming it.</summary>
        public void ReleaseHead()
        {
            IsHeadReady = false;
        }

        /// <summary>Completes a head fetch; call each tick after <see cref="Tick"/> while fetching.</summary>
        public void PollHead()
        {
            if (!_headFetching || _log.ReadStatus == RecordReadStatus.Pending)
            {
                return;
            }

            // Indices count from the first unconfirmed message, which durable confirmations do not move.
            _headFetching = false;
            int ring = (_pendingHead + _confirmedAhead + _fetchedIndex) % MaxPendingMessages;
            bool ok = _confirmedAhead + _fetchedIndex < _pendingCount && _log.ReadStatus == RecordReadStatus.Ready
                && Decode(_log.ReadKind, _log.ReadBuffer, RecordLog.HeaderBytes, _log.ReadPayloadLength, _head)
                && _head.MessageId == _pendingId[ring];
            _log.ReleaseRead();
            if (ok)
            {
                _head.TransactionId = _transactionId[_pendingSlot[ring]];
                IsHeadReady = true;
            }
        }

        /// <summary>
        /// The central system answered the head message: records the confirmation (with the transactionId a Start
        /// got), and the next message can be fetched at once. A Start's confirmation is written immediately; a
        /// MeterValues or Stop confirmation may wait up to <see cref="ConfirmationFlushDelayMs"/> to share a flash job,
        /// so after a power cut in that window the message is sent again (at-least-once). The message leaves the
        /// journal once its confirmation is on flash. <paramref name="dropped"/> marks a message given up after its
        /// retries (OCPP TransactionMessageAttempts).
        /// </summary>
        public bool TryConfirmHead(int transactionId, bool dropped)
        {
            if (!IsHeadReady || _fetchedIndex != 0)
            {
                return false;
            }

            int ring = (_pendingHead + _confirmedAhead) % MaxPendingMessages;
            int slot = _pendingSlot[ring];
            bool isStart = _head.Kind == JournalMessageKind.Start;

            _writer.Reset(_payload, 0, MaxPayloadBytes);
            _writer.WriteUInt32(_head.MessageId);
            _writer.WriteInt32(_head.LocalTransactionId);
            _writer.WriteInt32(_head.Kind == JournalMessageKind.Start ? transactionId : 0);
            _writer.WriteByte(dropped ? OutcomeDropped : OutcomeAccepted);

            // A Stop confirmation frees a slot only once durable: when all 40 are taken, do not make a new session wait.
            bool urgent = isStart || (_head.Kind == JournalMessageKind.Stop && FreeSlot() < 0);
            bool queued = urgent
                ? _log.TryAppend(KindConfirmed, _payload, 0, _writer.Length)
                : _log.TryAppendDeferred(KindConfirmed, _payload, 0, _writer.Length, ConfirmationFlushDelayMs);
            if (!queued)
            {
                return false;
            }

            if (isStart)
            {
                // Later messages of this transaction carry the central transactionId from now on; the mapping
                // record itself is live once the confirmation is durable.
                _transactionId[slot] = transactionId;
            }

            _confirmedAhead++;
            IsHeadReady = false;
            return true;
        }

        // ---- IRecordLogOwner ----

        /// <inheritdoc />
        public void OnRecordLoaded(byte kind, byte[] buffer, int payloadOffset, int payloadLength, int fileOffset, int recordLength)
        {
            Apply(kind, buffer, payloadOffset, payloadLength, fileOffset, recordLength, true);
        }

        /// <inheritdoc />
        public void OnCommitHeaderLoaded(byte[] buffer, int offset, int count)
        {
            _reader.Reset(buffer, offset, count);
            uint nextMessage = _reader.ReadUInt32();
            int nextLocal = _reader.ReadInt32();
            if (!_reader.Overrun && nextMessage > 0 && nextLocal > 0)
            {
                RaiseCounters(nextMessage - 1, nextLocal - 1);
            }
        }

        /// <inheritdoc />
        public void OnRecordDurable(uint sequence, byte kind, byte[] buffer, int payloadOffset, int payloadLength, int fileOffset, int recordLength)
        {
            Apply(kind, buffer, payloadOffset, payloadLength, fileOffset, recordLength, false);
            if (kind == KindConfirmed)
            {
                DurableConfirmationCount++;
            }
            else
            {
                DurableMessageCount++;
            }
        }

        /// <inheritdoc />
        public int LiveRecordCount { get { return _pendingCount + _mappingCount; } }

        /// <inheritdoc />
        public int PrepareLiveRecords()
        {
            int n = 0;
            for (int i = 0; i < _pendingCount; i++)
            {
                int ring = (_pendingHead + i) % MaxPendingMessages;
                _liveOffset[n] = _pendingOffset[ring];
                _liveRef[n] = ring;
                _liveIsMessage[n] = true;
                n++;
            }

            for (int slot = 0; slot < MaxTransactions; slot++)
            {
                if (_state[slot] != JournalTransactionState.Free && _mappingOffset[slot] >= 0)
                {
                    _liveOffset[n] = _mappingOffset[slot];
                    _liveRef[n] = slot;
                    _liveIsMessage[n] = false;
                    n++;
                }
            }

            // Insertion sort by offset: the messages are already in order, at most 40 mappings are merged in.
            for (int i = 1; i < n; i++)
            {
                int offset = _liveOffset[i];
                int reference = _liveRef[i];
                bool isMessage = _liveIsMessage[i];
                int j = i - 1;
                while (j >= 0 && _liveOffset[j] > offset)
                {
                    _liveOffset[j + 1] = _liveOffset[j];
                    _liveRef[j + 1] = _liveRef[j];
                    _liveIsMessage[j + 1] = _liveIsMessage[j];
                    j--;
                }

                _liveOffset[j + 1] = offset;
                _liveRef[j + 1] = reference;
                _liveIsMessage[j + 1] = isMessage;
            }

            return n;
        }

        /// <inheritdoc />
        public int GetLiveRecordOffset(int index)
        {
            return _liveOffset[index];
        }

        /// <inheritdoc />
        public void OnLiveRecordMoved(int index, int newFileOffset)
        {
            if (_liveIsMessage[index])
            {
                _pendingOffset[_liveRef[index]] = newFileOffset;
            }
            else
            {
                _mappingOffset[_liveRef[index]] = newFileOffset;
            }
        }

        /// <inheritdoc />
        public int WriteCommitHeader(byte[] buffer, int offset, int capacity)
        {
            _writer.Reset(buffer, offset, capacity);
            _writer.WriteUInt32(_nextMessageId);
            _writer.WriteInt32(_nextLocalId);
            return _writer.Length;
        }

        // ---- state rebuild ----

        private void Apply(byte kind, byte[] buffer, int offset, int length, int fileOffset, int recordLength, bool replay)
        {
            _reader.Reset(buffer, offset, length);
            uint messageId = _reader.ReadUInt32();
            int localId = _reader.ReadInt32();
            if (_reader.Overrun)
            {
                return;
            }

            RaiseCounters(messageId, localId);
            int slot = SlotOf(localId);
            if (kind == KindConfirmed)
            {
                ApplyConfirmation(slot, localId, messageId, fileOffset, recordLength, replay);
                return;
            }

            if (slot < 0)
            {
                // A message of a transaction not seen yet: at boot after a compaction its Start may be gone (confirmed).
                slot = FreeSlot();
                if (slot < 0)
                {
                    return;
                }

                InitSlot(slot, localId, JournalTransactionState.Open);
            }

            if (kind == KindStart)
            {
                _state[slot] = JournalTransactionState.Open;
            }
            else if (kind == KindMeterValues && replay)
            {
                _samples[slot]++;
            }
            else if (kind == KindStop)
            {
                _state[slot] = JournalTransactionState.Stopped;
            }

            Enqueue(messageId, slot, kind, fileOffset, recordLength);
        }

        private void ApplyConfirmation(int slot, int localId, uint messageId, int fileOffset, int recordLength, bool replay)
        {
            int transactionId = _reader.ReadInt32();
            _reader.ReadByte();
            if (!replay && _confirmedAhead > 0)
            {
                _confirmedAhead--;
            }

            byte confirmedKind = RemovePending(messageId);
            if (confirmedKind == KindStart || (confirmedKind == 0 && transactionId != 0))
            {
                // The Start's confirmation carries the mapping local → central transactionId: keep it while the
                // transaction has anything left to send.
                if (slot < 0)
                {
                    slot = FreeSlot();
                    if (slot < 0)
                    {
                        return;
                    }

                    InitSlot(slot, localId, JournalTransactionState.Open);
                }

                _transactionId[slot] = transactionId;
                if (_mappingOffset[slot] < 0)
                {
                    _mappingCount++;
                }

                _mappingOffset[slot] = fileOffset;
                _mappingLength[slot] = recordLength;
                return;
            }

            if (confirmedKind == KindMeterValues && slot >= 0 && _samples[slot] > 0)
            {
                _samples[slot]--;
            }

            if (confirmedKind == KindStop && slot >= 0)
            {
                FreeSlot(slot);
            }
        }

        private void Enqueue(uint messageId, int slot, byte kind, int fileOffset, int recordLength)
        {
            if (_pendingCount == MaxPendingMessages)
            {
                return; // cannot happen: the caps above bound the queue
            }

            int ring = (_pendingHead + _pendingCount) % MaxPendingMessages;
            _pendingId[ring] = messageId;
            _pendingSlot[ring] = (byte)slot;
            _pendingKind[ring] = kind;
            _pendingOffset[ring] = fileOffset;
            _pendingLength[ring] = recordLength;
            _pendingCount++;
        }

        private byte RemovePending(uint messageId)
        {
            if (_pendingCount == 0)
            {
                return 0;
            }

            if (_pendingId[_pendingHead] == messageId)
            {
                byte kind = _pendingKind[_pendingHead];
                _pendingHead = (_pendingHead + 1) % MaxPendingMessages;
                _pendingCount--;
                return kind;
            }

            // Confirmations come in order; a mismatch means a record was lost, so search rather than trust the head.
            for (int i = 1; i < _pendingCount; i++)
            {
                int ring = (_pendingHead + i) % MaxPendingMessages;
                if (_pendingId[ring] != messageId)
                {
                    continue;
                }

                byte kind = _pendingKind[ring];
                for (int j = i; j > 0; j--)
                {
                    int to = (_pendingHead + j) % MaxPendingMessages;
                    int from = (_pendingHead + j - 1) % MaxPendingMessages;
                    _pendingId[to] = _pendingId[from];
                    _pendingSlot[to] = _pendingSlot[from];
                    _pendingKind[to] = _pendingKind[from];
                    _pendingOffset[to] = _pendingOffset[from];
                    _pendingLength[to] = _pendingLength[from];
                }

                _pendingHead = (_pendingHead + 1) % MaxPendingMessages;
                _pendingCount--;
                return kind;
            }

            return 0;
        }

        private void InitSlot(int slot, int localId, JournalTransactionState state)
        {
            _state[slot] = state;
            _localId[slot] = localId;
            _transactionId[slot] = 0;
            _samples[slot] = 0;
            _dropped[slot] = 0;
            _mappingOffset[slot] = -1;
        }

        private void FreeSlot(int slot)
        {
            if (_mappingOffset[slot] >= 0)
            {
                _mappingCount--;
            }

            _state[slot] = JournalTransactionState.Free;
            _localId[slot] = 0;
            _transactionId[slot] = 0;
            _mappingOffset[slot] = -1;
        }

        private void RaiseCounters(uint messageId, int localId)
        {
            if (messageId >= _nextMessageId)
            {
                _nextMessageId = messageId + 1;
            }

            if (localId >= _nextLocalId)
            {
                _nextLocalId = localId + 1;
            }
        }

        private int FreeSlot()
        {
            for (int i = 0; i < MaxTransactions; i++)
            {
                if (_state[i] == JournalTransactionState.Free)
                {
                    return i;
                }
            }

            return -1;
        }

        private int SlotOf(int localId)
        {
            if (localId <= 0)
            {
                return -1;
            }

            for (int i = 0; i < MaxTransactions; i++)
            {
                if (_state[i] != JournalTransactionState.Free && _localId[i] == localId)
                {
                    return i;
                }
            }

            return -1;
        }

        private bool Decode(byte kind, byte[] buffer, int offset, int length, JournalMessage message)
        {
            _reader.Reset(buffer, offset, length);
            message.MessageId = _reader.ReadUInt32();
            message.LocalTransactionId = _reader.ReadInt32();
            message.IdTag = null;
            message.MeterWh = 0;
            message.ConnectorId = 0;
            message.ReservationId = -1;
            message.Context = 0;
            message.Reason = 0;
            message.SampleLength = 0;
            message.DroppedSamples = 0;
            switch (kind)
            {
                case KindStart:
                    message.Kind = JournalMessageKind.Start;
                    message.ConnectorId = _reader.ReadByte();
                    message.IdTag = _reader.ReadShortString();
                    message.MeterWh = _reader.ReadInt64();
                    message.TimestampUnixMs = _reader.ReadInt64();
                    message.ReservationId = _reader.ReadInt32();
                    break;
                case KindMeterValues:
                    message.Kind = JournalMessageKind.MeterValues;
                    message.TimestampUnixMs = _reader.ReadInt64();
                    message.Context = _reader.ReadByte();
                    int count = _reader.ReadByte();
                    if (count > message.Samples.Length)
                    {
                        return false;
                    }

                    for (int i = 0; i < count; i++)
                    {
                        message.Samples[i] = _reader.ReadByte();
                    }

                    message.SampleLength = count;
                    break;
                case KindStop:
                    message.Kind = JournalMessageKind.Stop;
                    message.MeterWh = _reader.ReadInt64();
                    message.TimestampUnixMs = _reader.ReadInt64();
                    message.Reason = _reader.ReadByte();
                    message.IdTag = _reader.ReadShortString();
                    message.DroppedSamples = _reader.ReadUInt16();
                    break;
                default:
                    return false;
            }

            return !_reader.Overrun;
        }
    }
}
