using Wallbox.Hal;

namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// An append-only log of small records in one file per generation (<c>&lt;directory&gt;log.&lt;generation&gt;</c>),
    /// for data that changes often and must never be lost or reordered (the transaction journal). Every record
    /// carries a CRC and a sequence number; a torn or corrupt tail is detected and never trusted. When the file grows
    /// past a threshold the log compacts: it copies the records its owner still needs into generation + 1, ends it with
    /// a commit marker, and only then deletes the old generation.
    /// </summary>
    /// <remarks>
    /// <para>Record layout (little-endian):</para>
    /// <code>
    /// offset size field
    ///  0     2   magic "RL" (0x52 0x4C)
    ///  2     1   log type (guards against reading another log)
    ///  3     1   kind (owner-defined; 0xFF = commit marker)
    ///  4     4   sequence number, strictly increasing through the file
    ///  8     2   payload length n
    /// 10     n   payload (commit marker: generation int32 + owner header)
    /// 10+n   4   CRC-32 (IEEE) of bytes 0 .. 9+n
    /// </code>
    /// <para>A generation is valid only when its commit marker (with its own generation number) is present: records
    /// before it are the snapshot copied at compaction, records after it were appended since. Loading takes the
    /// highest valid generation, replays its records up to the first invalid byte, and deletes every other generation.
    /// A torn tail, or an append that failed, triggers a compaction before anything else is appended, so no record is
    /// ever written behind garbage. A power cut during compaction leaves the new generation without its marker: it is
    /// discarded and the old one, still intact, is used.</para>
    /// <para>Compaction runs when the file has reached the threshold and has at least doubled since the last compaction
    /// (or after a torn tail or failed append). Bounds: space ≤ max(threshold, 2 × live) + live bytes (old and new
    /// generation during a compaction); time of a compaction ≤ (file bytes + live bytes) / chunk jobs. Write
    /// amplification at this layer: each record is written when appended and again at each compaction while it is
    /// live; since a compaction rewrites at most half of the bytes written since the previous one, the amortised cost
    /// is at most 2 bytes written per byte appended (plus one commit marker per compaction).</para>
    /// <para>Flash work runs on the HAL storage worker: appends are queued (bounded), batched into one job per chunk,
    /// and reported durable through <see cref="IRecordLogOwner.OnRecordDurable"/>.</para>
    /// </remarks>
    public sealed class RecordLog : ITickable
    {
        /// <summary>Kind of the commit marker record.</summary>
        public const byte CommitMarkerKind = 0xFF;

        /// <summary>Bytes before a record's payload.</summary>
        public const int HeaderBytes = 10;

        /// <summary>Bytes after a record's payload.</summary>
        public const int CrcBytes = 4;

        /// <summary>Bytes read or written per storage job. Our choice: two flash pages, small enough for the ESP32 heap.</summary>
        public const int ChunkBytes = 512;

        /// <summary>Largest owner header in a commit marker, bytes.</summary>
        public const int MaxCommitHeaderBytes = 32;

        /// <summary>Largest number of generation files looked at during load.</summary>
        public const int MaxGenerationFiles = 16;

        private const byte Magic0 = 0x52;
        private const byte Magic1 = 0x4C;
        private const string FilePrefix = "log.";

        private readonly IFileStore _store;
        private readonly string _directory;
        private readonly byte _logType;
        private readonly int _maxPayloadBytes;
        private readonly int _maxRecordBytes;
        private readonly int _compactionThresholdBytes;
        private readonly IRecordLogOwner _owner;
        private readonly FileJob _job = new FileJob();
        private readonly FileJob _readJob = new FileJob();
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private readonly byte[] _out = new byte[ChunkBytes];
        private readonly byte[] _readBuffer;
        private readonly byte[][] _queue;
        private readonly int[] _queueLengths;
        private readonly uint[] _queueSequences;
        private readonly long[] _queueFlushByMs;
        private readonly int[] _newOffsets;
        private readonly string[] _names = new string[MaxGenerationFiles * 2];
        private readonly int[] _generations = new int[MaxGenerationFiles];
        private readonly byte[] _markerPayload = new byte[4 + MaxCommitHeaderBytes];

        private Step _step;
        private int _generation;
        private string _path;
        private int _fileBytes;
        private uint _nextSequence = 1;
        private int _queueHead;
        private int _queueCount;
        private int _batchCount;
        private int _batchBytes;
        private bool _needsCompaction;
        private int _compactedBytes;
        private long _nowMs;
        private bool _flushRequested;
        private readonly ReadRetry _readRetry = new ReadRetry(MaxReadAttempts, ReadRetryDelayMs);

        // Load state.
        private int _generationCount;
        private int _candidate;
        private int _position;
        private int _validEnd;
        private int _actualLength;
        private bool _markerFound;
        private uint _lastSequence;
        private int _deleteIndex;

        // Compaction state.
        private int _newGeneration;
        private int _liveCount;
        private int _liveIndex;
        private int _outLength;
        private int _outWritten;
        private bool _firstOutWrite;
        private bool _markerQueued;

        /// <summary>
        /// Creates a log in <paramref name="directory"/> (e.g. <c>I:\tx\</c>) for <paramref name="owner"/>: records of at
        /// most <paramref name="maxPayloadBytes"/>, <paramref name="appendQueueCapacity"/> appends waiting at most,
        /// <paramref name="maxLiveRecords"/> live records at most, compaction at <paramref name="compactionThresholdBytes"/>.
        /// </summary>
        public RecordLog(
            IFileStore store,
            string directory,
            byte logType,
            int maxPayloadBytes,
            int appendQueueCapacity,
            int maxLiveRecords,
            int compactionThresholdBytes,
            IRecordLogOwner owner)
        {
            _maxRecordBytes = HeaderBytes + maxPayloadBytes + CrcBytes;
            if (_maxRecordBytes > ChunkBytes || maxPayloadBytes < 4 + MaxCommitHeaderBytes)
            {
                throw new System.ArgumentOutOfRangeException("maxPayloadBytes");
            }

            _store = store;
            _directory = directory;
            _logType = logType;
            _maxPayloadBytes = maxPayloadBytes;
            _compactionThresholdBytes = compactionThresholdBytes;
            _owner = owner;
            _readBuffer = new byte[_maxRecordBytes];
            _queue = new byte[appendQueueCapacity][];
            for (int i = 0; i < appendQueueCapacity; i++)
            {
                _queue[i] = new byte[_maxRecordBytes];
            }

            _queueLengths = new int[appendQueueCapacity];
            _queueSequences = new uint[appendQueueCapacity];
            _queueFlushByMs = new long[appendQueueCapacity];
            _newOffsets = new int[maxLiveRecords];
        }

        private enum Step
        {
            Unloaded,
            List,
            Listing,
            ValidateRead,
            Validating,
            ReplayRead,
            Replaying,
            DeleteOthers,
            DeletingOther,
            CreateFirst,
            CreatingFirst,
            Ready,
            Appending,
            CompactRead,
            CompactReading,
            CompactWrite,
            CompactWriting,
            CompactDeleteOld,
            CompactDeletingOld,
        }

        /// <summary>True once loading has finished and appends can be written.</summary>
        public bool IsLoaded { get { return _step >= Step.Ready; } }

        /// <summary>True while a compaction is under way.</summary>
        public bool IsCompacting { get { return _step >= Step.CompactRead; } }

        /// <summary>Generation of the live file.</summary>
        public int Generation { get { return _generation; } }

        /// <summary>Bytes in the live file.</summary>
        public int FileBytes { get { return _fileBytes; } }

        /// <summary>Appends waiting for the worker.</summary>
        public int PendingAppends { get { return _queueCount; } }

        /// <summary>Free places in the append queue.</summary>
        public int FreeAppendSlots { get { return _queue.Length - _queueCount; } }

        /// <summary>Bytes handed to the storage worker for writing, since construction.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Compactions completed, since construction.</summary>
        public int CompactionCount { get; private set; }

        /// <summary>Bytes of invalid tail (torn or corrupt) found at load.</summary>
        public int TornTailBytes { get; private set; }

        /// <summary>Generations discarded at load because their commit marker was missing (interrupted compaction).</summary>
        public int DiscardedGenerations { get; private set; }

        /// <summary>Live offsets named by the owner that were not the start of a record (an owner bug; must stay 0).</summary>
        public int SkippedLiveRecords { get; private set; }

        /// <summary>
        /// Attempts at a load read (listing, validation, replay) that fails with an I/O error before the data behind it
        /// is given up as unreadable. A read error may be transient: taking it for the end of the log would drop
        /// transactions. Our choice.
        /// </summary>
        public const int MaxReadAttempts = 5;

        /// <summary>Pause between two load-read attempts, milliseconds. Our choice.</summary>
        public const int ReadRetryDelayMs = 200;

        /// <summary>Load reads that failed with an I/O error and were attempted again, since construction.</summary>
        public int ReadRetryCount { get { return _readRetry.RetryCount; } }

        /// <summary>Storage jobs that failed, since construction.</summary>
        public int FailedJobs { get; private set; }

        /// <summary>Starts loading.</summary>
        public void StartLoad()
        {
            if (_step == Step.Unloaded)
            {
                _step = Step.List;
            }
        }

        /// <summary>
        /// Queues a record. Returns false, queueing nothing, when the log is not loaded or the queue is full; otherwise
        /// <see cref="IRecordLogOwner.OnRecordDurable"/> follows once it is on flash. Records become durable in the
        /// order they were queued. The sequence number is stamped when the record is handed to the worker, so records
        /// queued during a compaction still sort after its commit marker.
        /// </summary>
        public bool TryAppend(byte kind, byte[] payload, int offset, int count)
        {
            return Queue(kind, payload, offset, count, long.MinValue);
        }

        /// <summary>
        /// Queues a record that may wait up to <paramref name="maxDelayMs"/> for company, so that several share one
        /// flash job (one block erase under LittleFS, see docs/storage.md "Wear"). It goes out with the next record
        /// queued by <see cref="TryAppend"/>, when the queue is full, on <see cref="Flush"/>, or when the delay has
        /// passed, whichever comes first. Only for records whose loss in a power cut is harmless to the owner
        /// (a confirmation: the message is then sent once more).
        /// </summary>
        public bool TryAppendDeferred(byte kind, byte[] payload, int offset, int count, int maxDelayMs)
        {
            return Queue(kind, payload, offset, count, _nowMs + maxDelayMs);
        }

        /// <summary>Sends every queued record to the worker now (before an orderly reset, for instance).</summary>
        public void Flush()
        {
            _flushRequested = _queueCount > 0;
        }

        /// <summary>True when no record is waiting to be written.</summary>
        public bool IsFlushed
        {
            get { return _queueCount == 0 && _step != Step.Appending; }
        }

        private bool Queue(byte kind, byte[] payload, int offset, int count, long flushByMs)
        {
            if (!IsLoaded || _queueCount == _queue.Length || kind == CommitMarkerKind)
            {
                return false;
            }

            if (count < 0 || count > _maxPayloadBytes)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }

            int slot = (_queueHead + _queueCount) % _queue.Length;
            _queueLengths[slot] = Encode(_queue[slot], 0, kind, 0, payload, offset, count);
            _queueFlushByMs[slot] = flushByMs;
            _queueCount++;
            return true;
        }

        /// <summary>True when the queued records must go to the worker now rather than wait for company.</summary>
        private bool QueueIsDue()
        {
            if (_flushRequested || _queueCount == _queue.Length)
            {
                return true;
            }

            for (int i = 0; i < _queueCount; i++)
            {
                if (_queueFlushByMs[(_queueHead + i) % _queue.Length] <= _nowMs)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Asks for a compaction at the next opportunity (normally triggered by size).</summary>
        public void RequestCompaction()
        {
            _needsCompaction = true;
        }

        /// <summary>Status of the last record read.</summary>
        public RecordReadStatus ReadStatus { get; private set; }

        /// <summary>Kind of the record read.</summary>
        public byte ReadKind { get; private set; }

        /// <summary>Buffer holding the record read; its payload starts at <see cref="HeaderBytes"/>.</summary>
        public byte[] ReadBuffer { get { return _readBuffer; } }

        /// <summary>Payload length of the record read.</summary>
        public int ReadPayloadLength { get; private set; }

        /// <summary>
        /// Starts reading the record at <paramref name="fileOffset"/> (as reported by the owner callbacks). False when a
        /// read is already under way or the log is not loaded.
        /// </summary>
        public bool TryStartRead(int fileOffset, int recordLength)
        {
            if (!IsLoaded || ReadStatus == RecordReadStatus.Pending || recordLength > _maxRecordBytes)
            {
                return false;
            }

            _readJob.PrepareRead(_path, fileOffset, _readBuffer, 0, recordLength);
            if (!_store.TrySubmit(_readJob))
            {
                return false;
            }

            ReadStatus = RecordReadStatus.Pending;
            return true;
        }

        /// <summary>Forgets the result of the last read.</summary>
        public void ReleaseRead()
        {
            if (ReadStatus != RecordReadStatus.Pending)
            {
                ReadStatus = RecordReadStatus.None;
            }
        }

        /// <summary>Advances loading, appending, reading and compaction; at most one write job in flight.</summary>
        public void Tick(long nowMs)
        {
            _nowMs = nowMs;
            TickRead();
            switch (_step)
            {
                case Step.List:
                    if (_readRetry.MayAttempt(nowMs))
                    {
                        _job.PrepareList(_directory, _names);
                        Submit(Step.Listing);
                    }

                    break;
                case Step.Listing:
                    if (_job.IsDone && !RetryLoadRead(Step.List))
                    {
                        CollectGenerations();
                        _job.Release();
                        _candidate = 0;
                        StartValidation();
                    }

                    break;
                case Step.ValidateRead:
                    SubmitLoadRead(PathOf(_generations[_candidate]), Step.Validating);
                    break;
                case Step.Validating:
                    if (_job.IsDone && !RetryLoadRead(Step.ValidateRead))
                    {
                        ContinueValidation();
                    }

                    break;
                case Step.ReplayRead:
                    SubmitLoadRead(_path, Step.Replaying);
                    break;
                case Step.Replaying:
                    if (_job.IsDone && !RetryLoadRead(Step.ReplayRead))
                    {
                        ContinueReplay();
                    }

                    break;
                case Step.DeleteOthers:
                    DeleteNextOther();
                    break;
                case Step.DeletingOther:
                    if (_job.IsDone)
                    {
                        _job.Release();
                        _deleteIndex++;
                        _step = Step.DeleteOthers;
                    }

                    break;
                case Step.CreateFirst:
                    _generation = 1;
                    _path = PathOf(1);
                    _outLength = EncodeMarker(_out, 0, 1);
                    _job.PrepareWrite(_path, _out, 0, _outLength);
                    BytesWritten += _outLength;
                    Submit(Step.CreatingFirst);
                    break;
                case Step.CreatingFirst:
                    if (_job.IsDone)
                    {
                        bool ok = _job.State == FileJobState.Succeeded;
                        _job.Release();
                        if (ok)
                        {
                            _fileBytes = _outLength;
                            _compactedBytes = _outLength;
                            _step = Step.Ready;
                        }
                        else
                        {
                            FailedJobs++;
                            _step = Step.CreateFirst;
                        }
                    }

                    break;
                case Step.Ready:
                    TickReady();
                    break;
                case Step.Appending:
                    if (_job.IsDone)
                    {
                        FinishAppend();
                    }

                    break;
                case Step.CompactRead:
                    _job.PrepareRead(_path, _position, _chunk, 0, ChunkBytes);
                    Submit(Step.CompactReading);
                    break;
                case Step.CompactReading:
                    if (_job.IsDone)
                    {
                        ContinueCompactionRead();
                    }

                    break;
                case Step.CompactWrite:
                    SubmitCompactionWrite();
                    break;
                case Step.CompactWriting:
                    if (_job.IsDone)
                    {
                        FinishCompactionWrite();
                    }

                    break;
                case Step.CompactDeleteOld:
                    _job.PrepareDelete(PathOf(_generation - 1));
                    Submit(Step.CompactDeletingOld);
                    break;
                case Step.CompactDeletingOld:
                    if (_job.IsDone)
                    {
                        _job.Release();
                        _step = Step.Ready;
                    }

                    break;
            }
        }

        private void Submit(Step next)
        {
            if (_store.TrySubmit(_job))
            {
                _step = next;
            }
        }

        private string PathOf(int generation)
        {
            return _directory + FilePrefix + generation.ToString();
        }

        private void TickRead()
        {
            if (ReadStatus != RecordReadStatus.Pending || !_readJob.IsDone)
            {
                return;
            }

            int length = _readJob.State == FileJobState.Succeeded ? _readJob.Transferred : 0;
            _readJob.Release();
            int payloadLength;
            byte kind;
            uint sequence;
            if (Parse(_readBuffer, 0, length, out kind, out sequence, out payloadLength) == HeaderBytes + payloadLength + CrcBytes)
            {
                ReadKind = kind;
                ReadPayloadLength = payloadLength;
                ReadStatus = RecordReadStatus.Ready;
            }
            else
            {
                ReadStatus = RecordReadStatus.Failed;
            }
        }

        /// <summary>
        /// After a finished load read: schedules another attempt at an I/O error (true) until
        /// <see cref="MaxReadAttempts"/> were made; then the caller treats the data as ending there (the records before
        /// it are kept; a generation whose commit marker was not reached is not used). A listing is attempted for ever:
        /// without it the log cannot know which generations exist, and starting an empty one could overwrite buffered
        /// transactions; the journal stays unloaded (sessions are refused with that reason) until the file system answers.
        /// </summary>
        /// <summary>Reads the chunk at <c>_position</c> of <paramref name="path"/> once the retry pause has passed.</summary>
        private void SubmitLoadRead(string path, Step next)
        {
            if (_readRetry.MayAttempt(_nowMs))
            {
                _job.PrepareRead(path, _position, _chunk, 0, ChunkBytes);
                Submit(next);
            }
        }

        private bool RetryLoadRead(Step submitStep)
        {
            if (!_readRetry.ShouldRetry(_job, _nowMs, submitStep == Step.List))
            {
                return false;
            }

            _job.Release();
            _step = submitStep;
            return true;
        }

        private void CollectGenerations()
        {
            _generationCount = 0;
            if (_job.State != FileJobState.Succeeded)
            {
                return;
            }

            for (int i = 0; i < _job.Transferred; i++)
            {
                string name = _names[i];
                if (name == null || name.Length <= FilePrefix.Length || name.IndexOf(FilePrefix) != 0)
                {
                    continue;
                }

                int generation = 0;
                bool numeric = true;
                for (int c = FilePrefix.Length; c < name.Length && numeric; c++)
                {
                    char ch = name[c];
                    numeric = ch >= '0' && ch <= '9' && generation < 100000000;
                    generation = generation * 10 + (ch - '0');
                }

                if (numeric && generation > 0 && _generationCount < _generations.Length)
                {
                    // Keep the list sorted, highest first.
                    int at = _generationCount;
                    while (at > 0 && _generations[at - 1] < generation)
                    {
                        _generations[at] = _generations[at - 1];
                        at--;
                    }

                    _generations[at] = generation;
                    _generationCount++;
                }
            }
        }

        private void StartValidation()
        {
            if (_candidate >= _generationCount)
            {
                // No valid generation: a fresh log (first boot, or nothing usable survived).
                _generation = 0;
                _deleteIndex = 0;
                _step = Step.DeleteOthers;
                return;
            }

            _position = 0;
            _validEnd = 0;
            _actualLength = 0;
            _markerFound = false;
            _lastSequence = 0;
            _step = Step.ValidateRead;
        }

        private void ContinueValidation()
        {
            int got = _job.State == FileJobState.Succeeded ? _job.Transferred : 0;
            _job.Release();
            int parsed = 0;
            while (true)
            {
                byte kind;
                uint sequence;
                int payloadLength;
                int recordLength = Parse(_chunk, parsed, got - parsed, out kind, out sequence, out payloadLength);
                if (recordLength <= 0 || sequence <= _lastSequence)
                {
                    break;
                }

                if (kind == CommitMarkerKind && payloadLength >= 4 && ReadInt32(_chunk, parsed + HeaderBytes) == _generations[_candidate])
                {
                    _markerFound = true;
                }

                _lastSequence = sequence;
                parsed += recordLength;
            }

            _actualLength = _position + got;
            _position += parsed;
            _validEnd = _position;
            bool endOfValidData = parsed == 0 || got < ChunkBytes;
            if (!endOfValidData)
            {
                _step = Step.ValidateRead;
                return;
            }

            if (got == ChunkBytes && parsed == 0)
            {
                // Garbage before the end of the file: the rest is not trusted; its length only matters for the report.
                _actualLength = _validEnd + 1;
            }

            if (_markerFound)
            {
                _generation = _generations[_candidate];
                _path = PathOf(_generation);
                TornTailBytes = _actualLength - _validEnd;
                _needsCompaction = TornTailBytes > 0;
                _fileBytes = _validEnd;
                _compactedBytes = _validEnd;
                _nextSequence = _lastSequence + 1;
                _position = 0;
                _step = Step.ReplayRead;
            }
            else
            {
                DiscardedGenerations++;
                _candidate++;
                StartValidation();
            }
        }

        private void ContinueReplay()
        {
            int got = _job.State == FileJobState.Succeeded ? _job.Transferred : 0;
            _job.Release();
            int limit = got < _validEnd - _position ? got : _validEnd - _position;
            int parsed = 0;
            while (parsed < limit)
            {
                byte kind;
                uint sequence;
                int payloadLength;
                int recordLength = Parse(_chunk, parsed, limit - parsed, out kind, out sequence, out payloadLength);
                if (recordLength <= 0)
                {
                    break;
                }

                if (kind == CommitMarkerKind)
                {
                    _owner.OnCommitHeaderLoaded(_chunk, parsed + HeaderBytes + 4, payloadLength - 4);
                }
                else
                {
                    _owner.OnRecordLoaded(kind, _chunk, parsed + HeaderBytes, payloadLength, _position + parsed, recordLength);
                }

                parsed += recordLength;
            }

            _position += parsed;
            if (_position >= _validEnd || parsed == 0)
            {
                _deleteIndex = 0;
                _step = Step.DeleteOthers;
            }
            else
            {
                _step = Step.ReplayRead;
            }
        }

        private void DeleteNextOther()
        {
            while (_deleteIndex < _generationCount && _generations[_deleteIndex] == _generation)
            {
                _deleteIndex++;
            }

            if (_deleteIndex < _generationCount)
            {
                _job.PrepareDelete(PathOf(_generations[_deleteIndex]));
                Submit(Step.DeletingOther);
                return;
            }

            _step = _generation == 0 ? Step.CreateFirst : Step.Ready;
        }

        private void TickReady()
        {
            // Compact when the file passed the threshold AND at least doubled since the last compaction: the live
            // data then makes up at most half of what is rewritten (write amplification ≤ 2), and a live set larger
            // than the threshold cannot make the log compact over and over.
            bool overThreshold = _fileBytes >= _compactionThresholdBytes && _fileBytes >= 2 * _compactedBytes;
            bool cheapReset = _owner.LiveRecordCount == 0 && _fileBytes > ChunkBytes * 8;
            if (_needsCompaction || overThreshold || cheapReset)
            {
                StartCompaction();
                return;
            }

            if (_queueCount == 0 || !QueueIsDue())
            {
                return;
            }

            // Batch as many queued records as fit in one chunk into one append job.
            _batchCount = 0;
            _batchBytes = 0;
            while (_batchCount < _queueCount)
            {
                int slot = (_queueHead + _batchCount) % _queue.Length;
                int length = _queueLengths[slot];
                if (_batchBytes + length > ChunkBytes)
                {
                    break;
                }

                System.Array.Copy(_queue[slot], 0, _out, _batchBytes, length);
                StampSequence(_out, _batchBytes, length);
                _queueSequences[slot] = (uint)ReadInt32(_out, _batchBytes + 4);
                _batchBytes += length;
                _batchCount++;
            }

            _job.PrepareAppend(_path, _out, 0, _batchBytes);
            if (_store.TrySubmit(_job))
            {
                BytesWritten += _batchBytes;
                _step = Step.Appending;
            }
        }

        private void FinishAppend()
        {
            bool ok = _job.State == FileJobState.Succeeded;
            _job.Release();
            _step = Step.Ready;
            if (!ok)
            {
                // Part of the batch may be on flash behind the last good record: rewrite the file before appending again.
                FailedJobs++;
                _needsCompaction = true;
                return;
            }

            int offset = 0;
            for (int i = 0; i < _batchCount; i++)
            {
                int slot = _queueHead;
                int length = _queueLengths[slot];
                int payloadLength = _queue[slot][8] | (_queue[slot][9] << 8);
                _owner.OnRecordDurable(_queueSequences[slot], _queue[slot][3], _out, offset + HeaderBytes, payloadLength, _fileBytes + offset, length);
                offset += length;
                _queueHead = (_queueHead + 1) % _queue.Length;
                _queueCount--;
            }

            _fileBytes += offset;
            _flushRequested = _flushRequested && _queueCount > 0;
        }

        private void StartCompaction()
        {
            _needsCompaction = false;
            _newGeneration = _generation + 1;
            _liveCount = _owner.PrepareLiveRecords();
            if (_liveCount > _newOffsets.Length)
            {
                throw new System.InvalidOperationException("more live records than the log was built for");
            }

            _liveIndex = 0;
            _outLength = 0;
            _outWritten = 0;
            _firstOutWrite = true;
            _markerQueued = false;
            _position = 0;
            _step = _liveCount > 0 ? Step.CompactRead : Step.CompactWrite;
            if (_liveCount == 0)
            {
                QueueMarker();
            }
        }

        private void ContinueCompactionRead()
        {
            int got = _job.State == FileJobState.Succeeded ? _job.Transferred : 0;
            _job.Release();
            if (got == 0)
            {
                // The live file cannot be read: keep it and try again later.
                FailedJobs++;
                _step = Step.Ready;
                return;
            }

            int limit = got < _fileBytes - _position ? got : _fileBytes - _position;
            int parsed = 0;
            bool flush = false;
            while (parsed < limit && _liveIndex < _liveCount)
            {
                byte kind;
                uint sequence;
                int payloadLength;
                int recordLength = Parse(_chunk, parsed, limit - parsed, out kind, out sequence, out payloadLength);
                if (recordLength <= 0)
                {
                    break;
                }

                int offset = _position + parsed;
                while (_liveIndex < _liveCount && _owner.GetLiveRecordOffset(_liveIndex) < offset)
                {
                    // The owner named an offset that is not the start of a record: an owner bug. Counted (tests
                    // require 0) rather than allowed to stall every later compaction.
                    SkippedLiveRecords++;
                    _newOffsets[_liveIndex] = -1;
                    _liveIndex++;
                }

                if (_liveIndex < _liveCount && offset == _owner.GetLiveRecordOffset(_liveIndex))
                {
                    if (_outLength + recordLength > ChunkBytes)
                    {
                        flush = true;
                        break;
                    }

                    System.Array.Copy(_chunk, parsed, _out, _outLength, recordLength);
                    _newOffsets[_liveIndex] = _outWritten + _outLength;
                    _outLength += recordLength;
                    _liveIndex++;
                }

                parsed += recordLength;
            }

            _position += parsed;
            if (_liveIndex == _liveCount || _position >= _fileBytes || (parsed == 0 && !flush))
            {
                // Every live record copied (or the file ended: nothing more to find).
                _liveCount = _liveIndex;
                QueueMarker();
                _step = Step.CompactWrite;
            }
            else
            {
                _step = flush ? Step.CompactWrite : Step.CompactRead;
            }
        }

        private void QueueMarker()
        {
            if (_outLength + HeaderBytes + 4 + MaxCommitHeaderBytes + CrcBytes > ChunkBytes)
            {
                return; // written after the current chunk is flushed
            }

            _outLength += EncodeMarker(_out, _outLength, _newGeneration);
            _markerQueued = true;
        }

        private void SubmitCompactionWrite()
        {
            string newPath = PathOf(_newGeneration);
            if (_firstOutWrite)
            {
                _job.PrepareWrite(newPath, _out, 0, _outLength);
            }
            else
            {
                _job.PrepareAppend(newPath, _out, 0, _outLength);
            }

            if (_store.TrySubmit(_job))
            {
                BytesWritten += _outLength;
                _step = Step.CompactWriting;
            }
        }

        private void FinishCompactionWrite()
        {
            bool ok = _job.State == FileJobState.Succeeded;
            _job.Release();
            if (!ok)
            {
                // The new generation has no marker yet: it is ignored at load and overwritten by the next attempt.
                FailedJobs++;
                _needsCompaction = true;
                _step = Step.Ready;
                return;
            }

            _firstOutWrite = false;
            _outWritten += _outLength;
            _outLength = 0;
            if (_markerQueued)
            {
                CommitCompaction();
                return;
            }

            if (_liveIndex < _liveCount)
            {
                _step = Step.CompactRead;
            }
            else
            {
                QueueMarker();
                _step = Step.CompactWrite;
            }
        }

        private void CommitCompaction()
        {
            for (int i = 0; i < _liveCount; i++)
            {
                _owner.OnLiveRecordMoved(i, _newOffsets[i]);
            }

            _generation = _newGeneration;
            _path = PathOf(_generation);
            _fileBytes = _outWritten;
            _compactedBytes = _outWritten;
            CompactionCount++;
            _step = Step.CompactDeleteOld;
        }

        /// <summary>Gives a queued record its sequence number (the next one) and recomputes its CRC.</summary>
        private void StampSequence(byte[] buffer, int offset, int length)
        {
            WriteInt32(buffer, offset + 4, (int)_nextSequence++);
            int crcAt = offset + length - CrcBytes;
            WriteInt32(buffer, crcAt, (int)Crc32.Compute(buffer, offset, crcAt - offset));
        }

        private int EncodeMarker(byte[] buffer, int offset, int generation)
        {
            byte[] header = _markerPayload;
            WriteInt32(header, 0, generation);
            int headerLength = _owner.WriteCommitHeader(header, 4, MaxCommitHeaderBytes);
            return Encode(buffer, offset, CommitMarkerKind, _nextSequence++, header, 0, 4 + headerLength);
        }

        private int Encode(byte[] buffer, int offset, byte kind, uint sequence, byte[] payload, int payloadOffset, int count)
        {
            buffer[offset] = Magic0;
            buffer[offset + 1] = Magic1;
            buffer[offset + 2] = _logType;
            buffer[offset + 3] = kind;
            WriteInt32(buffer, offset + 4, (int)sequence);
            buffer[offset + 8] = (byte)count;
            buffer[offset + 9] = (byte)(count >> 8);
            System.Array.Copy(payload, payloadOffset, buffer, offset + HeaderBytes, count);
            uint crc = Crc32.Compute(buffer, offset, HeaderBytes + count);
            WriteInt32(buffer, offset + HeaderBytes + count, (int)crc);
            return HeaderBytes + count + CrcBytes;
        }

        /// <summary>Length of the valid record at <paramref name="offset"/>, or 0 when the bytes are not a whole valid record.</summary>
        private int Parse(byte[] buffer, int offset, int available, out byte kind, out uint sequence, out int payloadLength)
        {
            kind = 0;
            sequence = 0;
            payloadLength = 0;
            if (available < HeaderBytes + CrcBytes || buffer[offset] != Magic0 || buffer[offset + 1] != Magic1 || buffer[offset + 2] != _logType)
            {
                return 0;
            }

            int n = buffer[offset + 8] | (buffer[offset + 9] << 8);
            if (n > _maxPayloadBytes || HeaderBytes + n + CrcBytes > available)
            {
                return 0;
            }

            if ((uint)ReadInt32(buffer, offset + HeaderBytes + n) != Crc32.Compute(buffer, offset, HeaderBytes + n))
            {
                return 0;
            }

            kind = buffer[offset + 3];
            sequence = (uint)ReadInt32(buffer, offset + 4);
            payloadLength = n;
            return HeaderBytes + n + CrcBytes;
        }

        private static void WriteInt32(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static int ReadInt32(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24);
        }
    }
}
