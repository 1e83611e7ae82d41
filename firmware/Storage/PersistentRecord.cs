using Wallbox.Hal;

namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// One record kept power-fail safe in two files, A and B. Every save writes the slot that does NOT hold the
    /// newest valid copy, with a sequence number one higher and a CRC; loading takes the valid copy with the highest
    /// sequence. A write torn by a power cut leaves a slot that fails its CRC, and the other slot still holds the
    /// previous version: the record is always the last committed value or the one before, never a mix.
    /// </summary>
    /// <remarks>
    /// <para>On-flash layout of a slot (little-endian):</para>
    /// <code>
    /// offset size field
    ///  0     2   magic "WR" (0x57 0x52)
    ///  2     1   format version (1)
    ///  3     1   record type (guards against reading another record's file)
    ///  4     4   sequence number, +1 per save
    ///  8     2   payload length n
    /// 10     n   payload (written by the owner, <see cref="IRecordPayload"/>)
    /// 10+n   4   CRC-32 (IEEE) of bytes 0 .. 9+n
    /// </code>
    /// <para>All flash work is done by the HAL storage worker; this class is a small state machine advanced by
    /// <see cref="Tick"/>. Saves requested while a write is in flight are coalesced: the owner's value at the time
    /// the next write is submitted is what gets written. Write amplification: one whole slot (14 + n bytes) per save.
    /// Loading reads A, then B, then A again only when A is the newer valid copy (the buffer then holds B).</para>
    /// </remarks>
    public sealed class PersistentRecord : ITickable
    {
        /// <summary>Bytes of header before the payload.</summary>
        public const int HeaderBytes = 10;

        /// <summary>Bytes of CRC after the payload.</summary>
        public const int CrcBytes = 4;

        /// <summary>Pause before retrying a failed write, milliseconds. Our choice.</summary>
        public const int WriteRetryDelayMs = 1000;

        /// <summary>
        /// Attempts at reading a slot that fails with an I/O error before it counts as unusable. A missing file is
        /// final at once; a read error may be transient, and taking a readable slot for corrupt would boot an older
        /// value. Our choice.
        /// </summary>
        public const int MaxReadAttempts = 3;

        /// <summary>Pause between two read attempts, milliseconds. Our choice.</summary>
        public const int ReadRetryDelayMs = 200;

        private const byte Magic0 = 0x57;
        private const byte Magic1 = 0x52;
        private const byte FormatVersion = 1;

        private readonly IFileStore _store;
        private readonly string _pathA;
        private readonly string _pathB;
        private readonly byte _recordType;
        private readonly int _maxPayloadBytes;
        private readonly IRecordPayload _owner;
        private readonly FileJob _job = new FileJob();
        private readonly byte[] _buffer;
        private Step _step;
        private bool _slotAValid;
        private uint _slotASequence;
        private bool _slotBValid;
        private uint _slotBSequence;
        private bool _nextSlotIsA = true;
        private int _requestedVersion;
        private int _writingVersion;
        private uint _writingSequence;
        private long _retryAtMs;
        private readonly ReadRetry _readRetry = new ReadRetry(MaxReadAttempts, ReadRetryDelayMs);

        /// <summary>
        /// Creates the record stored as <paramref name="basePath"/>.a and .b (e.g. <c>I:\charging</c>) for
        /// <paramref name="owner"/>, holding at most <paramref name="maxPayloadBytes"/>. Nothing happens until
        /// <see cref="StartLoad"/>.
        /// </summary>
        public PersistentRecord(IFileStore store, string basePath, byte recordType, int maxPayloadBytes, IRecordPayload owner)
        {
            if (maxPayloadBytes <= 0 || maxPayloadBytes > 65535)
            {
                throw new System.ArgumentOutOfRangeException("maxPayloadBytes");
            }

            _store = store;
            _pathA = basePath + ".a";
            _pathB = basePath + ".b";
            _recordType = recordType;
            _maxPayloadBytes = maxPayloadBytes;
            _owner = owner;
            _buffer = new byte[HeaderBytes + maxPayloadBytes + CrcBytes];
        }

        private enum Step
        {
            Unloaded,
            SubmitReadA,
            ReadingA,
            SubmitReadB,
            ReadingB,
            SubmitRereadA,
            RereadingA,
            Ready,
            Writing,
        }

        /// <summary>True once loading has finished (whatever the slots held).</summary>
        public bool IsLoaded { get { return _step >= Step.Ready; } }

        /// <summary>True when a valid copy was loaded into the owner.</summary>
        public bool LoadedValue { get; private set; }

        /// <summary>Sequence number of the newest copy on flash (0 when none).</summary>
        public uint Sequence { get; private set; }

        /// <summary>True while a requested save has not reached flash yet.</summary>
        public bool IsSaving { get { return _requestedVersion != DurableVersion || _step == Step.Writing; } }

        /// <summary>Number of the last save requested.</summary>
        public int RequestedVersion { get { return _requestedVersion; } }

        /// <summary>The save request counter: <see cref="RequestSave"/> returns it; the save is on flash once <see cref="DurableVersion"/> reaches it.</summary>
        public int DurableVersion { get; private set; }

        /// <summary>Slots that held data but failed validation at load (torn or corrupt), since construction.</summary>
        public int CorruptSlotCount { get; private set; }

        /// <summary>
        /// True when a copy on flash was unusable (torn, corrupt, unknown layout) and the other one was loaded. Saves
        /// alternate between the slots, so the unusable copy is the one written last: the previous value was loaded.
        /// </summary>
        public bool FellBackToPreviousCopy { get; private set; }

        /// <summary>Reads that failed with an I/O error and were attempted again, since construction.</summary>
        public int ReadRetryCount { get { return _readRetry.RetryCount; } }

        /// <summary>Writes that failed (and were retried), since construction.</summary>
        public int WriteFailureCount { get; private set; }

        /// <summary>Bytes handed to the storage worker for writing, since construction.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Starts reading both slots.</summary>
        public void StartLoad()
        {
            if (_step == Step.Unloaded)
            {
                _step = Step.SubmitReadA;
            }
        }

        /// <summary>
        /// Asks for the owner's current value to be written. Returns a version number; the value (or a newer one) is on
        /// flash once <see cref="DurableVersion"/> is at least that number.
        /// </summary>
        public int RequestSave()
        {
            _requestedVersion++;
            return _requestedVersion;
        }

        /// <summary>Advances loading and saving; submits at most one storage job per tick.</summary>
        public void Tick(long nowMs)
        {
            switch (_step)
            {
                case Step.SubmitReadA:
                    SubmitRead(_pathA, Step.ReadingA, nowMs);
                    break;
                case Step.ReadingA:
                    if (_job.IsDone && !RetryRead(Step.SubmitReadA, nowMs))
                    {
                        _slotAValid = Validate(out _slotASequence);
                        _job.Release();
                        _step = Step.SubmitReadB;
                    }

                    break;
                case Step.SubmitReadB:
                    SubmitRead(_pathB, Step.ReadingB, nowMs);
                    break;
                case Step.ReadingB:
                    if (_job.IsDone && !RetryRead(Step.SubmitReadB, nowMs))
                    {
                        int length;
                        _slotBValid = Validate(out _slotBSequence, out length);
                        _job.Release();
                        if (_slotBValid && (!_slotAValid || _slotBSequence > _slotASequence))
                        {
                            if (Adopt(_slotBSequence, length))
                            {
                                _step = Step.Ready;
                            }
                            else
                            {
                                _slotBValid = false;
                                _step = _slotAValid ? Step.SubmitRereadA : Step.Ready;
                            }
                        }
                        else
                        {
                            _step = _slotAValid ? Step.SubmitRereadA : Step.Ready;
                        }

                        if (_step == Step.Ready)
                        {
                            FinishLoad();
                        }
                    }

                    break;
                case Step.SubmitRereadA:
                    SubmitRead(_pathA, Step.RereadingA, nowMs);
                    break;
                case Step.RereadingA:
                    if (_job.IsDone && !RetryRead(Step.SubmitRereadA, nowMs))
                    {
                        uint sequence;
                        int length;
                        bool valid = Validate(out sequence, out length) && sequence == _slotASequence;
                        _job.Release();
                        if (!valid || !Adopt(sequence, length))
                        {
                            _slotAValid = false;
                        }

                        _step = Step.Ready;
                        FinishLoad();
                    }

                    break;
                case Step.Ready:
                    if (_requestedVersion != DurableVersion && nowMs - _retryAtMs >= 0)
                    {
                        SubmitWrite();
                    }

                    break;
                case Step.Writing:
                    if (_job.IsDone)
                    {
                        FinishWrite(nowMs);
                    }

                    break;
            }
        }

        private void SubmitRead(string path, Step next, long nowMs)
        {
            if (!_readRetry.MayAttempt(nowMs))
            {
                return;
            }

            _job.PrepareRead(path, 0, _buffer, 0, _buffer.Length);
            if (_store.TrySubmit(_job))
            {
                _step = next;
            }
        }

        /// <summary>After a finished read: schedules another attempt at an I/O error (true) until the last one.</summary>
        private bool RetryRead(Step submitStep, long nowMs)
        {
            if (!_readRetry.ShouldRetry(_job, nowMs, false))
            {
                return false;
            }

            _job.Release();
            _step = submitStep;
            return true;
        }

        private bool Validate(out uint sequence)
        {
            int length;
            return Validate(out sequence, out length);
        }

        private bool Validate(out uint sequence, out int payloadLength)
        {
            sequence = 0;
            payloadLength = 0;
            if (_job.State != FileJobState.Succeeded)
            {
                // Missing (first boot) or unreadable: not a valid copy.
                if (_job.Error != FileError.NotFound)
                {
                    CorruptSlotCount++;
                }

                return false;
            }

            int length = _job.Transferred;
            if (length == 0)
            {
                return false;
            }

            bool valid = length >= HeaderBytes + CrcBytes
                && _buffer[0] == Magic0 && _buffer[1] == Magic1
                && _buffer[2] == FormatVersion && _buffer[3] == _recordType;
            int n = valid ? _buffer[8] | (_buffer[9] << 8) : 0;
            valid = valid && n <= _maxPayloadBytes && length == HeaderBytes + n + CrcBytes
                && ReadUInt32(_buffer, HeaderBytes + n) == Crc32.Compute(_buffer, 0, HeaderBytes + n);
            if (!valid)
            {
                CorruptSlotCount++;
                return false;
            }

            sequence = ReadUInt32(_buffer, 4);
            payloadLength = n;
            return true;
        }

        private bool Adopt(uint sequence, int payloadLength)
        {
            if (!_owner.Deserialize(_buffer, HeaderBytes, payloadLength))
            {
                CorruptSlotCount++;
                return false;
            }

            LoadedValue = true;
            Sequence = sequence;
            return true;
        }

        private void FinishLoad()
        {
            // The next save overwrites the slot that does not hold the loaded (or newest valid) copy.
            uint highest = 0;
            if (_slotAValid)
            {
                highest = _slotASequence;
                _nextSlotIsA = false;
            }

            if (_slotBValid && (!_slotAValid || _slotBSequence > _slotASequence))
            {
                highest = _slotBSequence;
                _nextSlotIsA = true;
            }

            if (!_slotAValid && !_slotBValid)
            {
                _nextSlotIsA = true;
            }

            FellBackToPreviousCopy = LoadedValue && CorruptSlotCount > 0;
            if (highest > Sequence)
            {
                Sequence = highest;
            }
        }

        private void SubmitWrite()
        {
            int n = _owner.Serialize(_buffer, HeaderBytes, _maxPayloadBytes);
            _writingSequence = Sequence + 1;
            _buffer[0] = Magic0;
            _buffer[1] = Magic1;
            _buffer[2] = FormatVersion;
            _buffer[3] = _recordType;
            WriteUInt32(_buffer, 4, _writingSequence);
            _buffer[8] = (byte)n;
            _buffer[9] = (byte)(n >> 8);
            WriteUInt32(_buffer, HeaderBytes + n, Crc32.Compute(_buffer, 0, HeaderBytes + n));
            int length = HeaderBytes + n + CrcBytes;
            _job.PrepareWrite(_nextSlotIsA ? _pathA : _pathB, _buffer, 0, length);
            if (_store.TrySubmit(_job))
            {
                _writingVersion = _requestedVersion;
                BytesWritten += length;
                _step = Step.Writing;
            }
        }

        private void FinishWrite(long nowMs)
        {
            bool ok = _job.State == FileJobState.Succeeded;
            _job.Release();
            _step = Step.Ready;
            if (ok)
            {
                Sequence = _writingSequence;
                DurableVersion = _writingVersion;
                _nextSlotIsA = !_nextSlotIsA;
                return;
            }

            // The slot may now be torn; the other one still holds the previous value. Write the owner's current
            // value into the same slot after a pause.
            WriteFailureCount++;
            _retryAtMs = nowMs + WriteRetryDelayMs;
        }

        private static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            buffer[offset + 2] = (byte)(value >> 16);
            buffer[offset + 3] = (byte)(value >> 24);
        }

        private static uint ReadUInt32(byte[] buffer, int offset)
        {
            return (uint)(buffer[offset] | (buffer[offset + 1] << 8) | (buffer[offset + 2] << 16) | (buffer[offset + 3] << 24));
        }
    }
}
