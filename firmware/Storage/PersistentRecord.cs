using Wallbox.Hal;

namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// One small record kept power-fail safe in two files, A and B. Every save writes the slot that does NOT
    /// hold the newest valid copy, with a sequence number one higher and a CRC; a reader takes the valid copy
    /// with the highest sequence. A write torn by a power cut therefore leaves a slot that fails its CRC, and
    /// the other slot still holds the previous version: the record is always the last committed or the one
    /// before, never a mix.
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
    /// 10     n   payload
    /// 10+n   4   CRC-32 (IEEE) of bytes 0 .. 9+n
    /// </code>
    /// <para>All flash work is done by the HAL storage worker; this class is a small state machine advanced by
    /// <see cref="Tick"/>. Saves requested while a write is in flight are coalesced: only the newest payload is
    /// written next. Write amplification: one whole slot (14 + n bytes) per save.</para>
    /// </remarks>
    public sealed class PersistentRecord : ITickable
    {
        /// <summary>Bytes of header before the payload.</summary>
        public const int HeaderBytes = 10;

        /// <summary>Bytes of CRC after the payload.</summary>
        public const int CrcBytes = 4;

        /// <summary>Pause before retrying a failed write, milliseconds. Our choice.</summary>
        public const int WriteRetryDelayMs = 1000;

        private const byte Magic0 = 0x57;
        private const byte Magic1 = 0x52;
        private const byte FormatVersion = 1;

        private readonly IFileStore _store;
        private readonly string _pathA;
        private readonly string _pathB;
        private readonly byte _recordType;
        private readonly int _maxPayloadBytes;
        private readonly FileJob _job = new FileJob();
        private readonly byte[] _slotBuffer;
        private readonly byte[] _payload;
        private readonly byte[] _pending;
        private Step _step;
        private bool _slotAValid;
        private uint _slotASequence;
        private int _pendingLength;
        private bool _savePending;
        private bool _nextSlotIsA;
        private uint _writingSequence;
        private long _retryAtMs;

        /// <summary>
        /// Creates the record stored as <paramref name="basePath"/>.a and .b (e.g. <c>I:\charging</c>), holding at
        /// most <paramref name="maxPayloadBytes"/>. Nothing happens until <see cref="StartLoad"/>.
        /// </summary>
        public PersistentRecord(IFileStore store, string basePath, byte recordType, int maxPayloadBytes)
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
            _slotBuffer = new byte[HeaderBytes + maxPayloadBytes + CrcBytes];
            _payload = new byte[maxPayloadBytes];
            _pending = new byte[maxPayloadBytes];
        }

        private enum Step
        {
            Unloaded,
            SubmitReadA,
            ReadingA,
            SubmitReadB,
            ReadingB,
            Ready,
            SubmitWrite,
            Writing,
        }

        /// <summary>True once both slots have been read (whatever they held).</summary>
        public bool IsLoaded { get { return _step >= Step.Ready; } }

        /// <summary>True when a valid copy was found or has been saved since.</summary>
        public bool HasValue { get; private set; }

        /// <summary>Sequence number of the current value (0 when none).</summary>
        public uint Sequence { get; private set; }

        /// <summary>The current value's bytes (valid up to <see cref="PayloadLength"/>). Do not modify.</summary>
        public byte[] Payload { get { return _payload; } }

        /// <summary>Length of the current value.</summary>
        public int PayloadLength { get; private set; }

        /// <summary>True while a requested save has not reached flash yet.</summary>
        public bool IsSaving { get { return _savePending || _step == Step.SubmitWrite || _step == Step.Writing; } }

        /// <summary>Slots that held data but failed validation at load (torn or corrupt), since construction.</summary>
        public int CorruptSlotCount { get; private set; }

        /// <summary>Writes that failed (and were retried), since construction.</summary>
        public int WriteFailureCount { get; private set; }

        /// <summary>Starts reading both slots.</summary>
        public void StartLoad()
        {
            if (_step == Step.Unloaded)
            {
                _step = Step.SubmitReadA;
            }
        }

        /// <summary>
        /// Asks for <paramref name="count"/> bytes to become the new value. The bytes are copied at once; the write
        /// happens on later ticks. The value is readable from <see cref="Payload"/> immediately.
        /// </summary>
        public void Save(byte[] data, int offset, int count)
        {
            if (count < 0 || count > _maxPayloadBytes)
            {
                throw new System.ArgumentOutOfRangeException("count");
            }

            System.Array.Copy(data, offset, _pending, 0, count);
            System.Array.Copy(data, offset, _payload, 0, count);
            _pendingLength = count;
            PayloadLength = count;
            HasValue = true;
            _savePending = true;
        }

        /// <summary>Advances loading and saving; submits at most one storage job per tick.</summary>
        public void Tick(long nowMs)
        {
            switch (_step)
            {
                case Step.SubmitReadA:
                    SubmitRead(_pathA, Step.ReadingA);
                    break;
                case Step.ReadingA:
                    if (_job.IsDone)
                    {
                        _slotAValid = ParseSlot(out _slotASequence);
                        if (_slotAValid)
                        {
                            CopyPayloadFromSlot(_slotASequence);
                        }

                        _job.Release();
                        _step = Step.SubmitReadB;
                    }

                    break;
                case Step.SubmitReadB:
                    SubmitRead(_pathB, Step.ReadingB);
                    break;
                case Step.ReadingB:
                    if (_job.IsDone)
                    {
                        uint sequenceB;
                        bool validB = ParseSlot(out sequenceB);
                        if (validB && (!_slotAValid || sequenceB > _slotASequence))
                        {
                            CopyPayloadFromSlot(sequenceB);
                            _nextSlotIsA = true;
                        }
                        else
                        {
                            _nextSlotIsA = !_slotAValid;
                        }

                        _job.Release();
                        _step = Step.Ready;
                    }

                    break;
                case Step.Ready:
                    if (_savePending && nowMs >= _retryAtMs)
                    {
                        _step = Step.SubmitWrite;
                        SubmitWrite();
                    }

                    break;
                case Step.SubmitWrite:
                    SubmitWrite();
                    break;
                case Step.Writing:
                    if (_job.IsDone)
                    {
                        FinishWrite(nowMs);
                    }

                    break;
            }
        }

        private void SubmitRead(string path, Step next)
        {
            _job.PrepareRead(path, 0, _slotBuffer, 0, _slotBuffer.Length);
            if (_store.TrySubmit(_job))
            {
                _step = next;
            }
        }

        private void SubmitWrite()
        {
            int length = Encode();
            _job.PrepareWrite(_nextSlotIsA ? _pathA : _pathB, _slotBuffer, 0, length);
            if (_store.TrySubmit(_job))
            {
                // From here a newer Save() is a new pending write; this one carries the bytes just encoded.
                _savePending = false;
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
                _nextSlotIsA = !_nextSlotIsA;
                return;
            }

            // The slot may now be torn; the other one still holds the previous value. Write again (the newest
            // payload) into the same slot after a pause.
            WriteFailureCount++;
            _savePending = true;
            _retryAtMs = nowMs + WriteRetryDelayMs;
        }

        private int Encode()
        {
            _writingSequence = Sequence + 1;
            int n = _pendingLength;
            _slotBuffer[0] = Magic0;
            _slotBuffer[1] = Magic1;
            _slotBuffer[2] = FormatVersion;
            _slotBuffer[3] = _recordType;
            WriteUInt32(_slotBuffer, 4, _writingSequence);
            _slotBuffer[8] = (byte)n;
            _slotBuffer[9] = (byte)(n >> 8);
            System.Array.Copy(_pending, 0, _slotBuffer, HeaderBytes, n);
            WriteUInt32(_slotBuffer, HeaderBytes + n, Crc32.Compute(_slotBuffer, 0, HeaderBytes + n));
            return HeaderBytes + n + CrcBytes;
        }

        private bool ParseSlot(out uint sequence)
        {
            sequence = 0;
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
                && _slotBuffer[0] == Magic0 && _slotBuffer[1] == Magic1
                && _slotBuffer[2] == FormatVersion && _slotBuffer[3] == _recordType;
            int n = valid ? _slotBuffer[8] | (_slotBuffer[9] << 8) : 0;
            valid = valid && n <= _maxPayloadBytes && length == HeaderBytes + n + CrcBytes
                && ReadUInt32(_slotBuffer, HeaderBytes + n) == Crc32.Compute(_slotBuffer, 0, HeaderBytes + n);
            if (!valid)
            {
                CorruptSlotCount++;
                return false;
            }

            sequence = ReadUInt32(_slotBuffer, 4);
            return true;
        }

        private void CopyPayloadFromSlot(uint sequence)
        {
            Sequence = sequence;
            if (_savePending)
            {
                // A value saved before loading finished is newer than anything on flash: keep it.
                return;
            }

            int n = _slotBuffer[8] | (_slotBuffer[9] << 8);
            System.Array.Copy(_slotBuffer, HeaderBytes, _payload, 0, n);
            PayloadLength = n;
            HasValue = true;
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
