using Wallbox.Firmware.Storage;

namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>
    /// The running transaction as it must survive a power cut (CPL-85): its local number in the journal, the idTag
    /// and parentIdTag that may stop it (FXP-37), meterStart and start time, and the last meter value and time
    /// seen, refreshed every <see cref="TransactionService.PowerLossSnapshotIntervalMs"/> while energy flows. After a
    /// power cut the transaction is resumed from it, or stopped with reason PowerLoss carrying the last known meter
    /// value and time. Kept in <c>I:\txactive.a/.b</c> (A/B record: a torn write boots the previous copy).
    /// </summary>
    /// <remarks>Layout (little-endian): version u8, active u8, localTxId i32, idTag, parentIdTag (length-prefixed
    /// ASCII), meterStart Wh i64, start Unix ms i64, last meter Wh i64, last Unix ms i64, remote-start u8.</remarks>
    public sealed class ActiveTransactionRecord : IRecordPayload
    {
        /// <summary>Largest payload, bytes.</summary>
        public const int MaxPayloadBytes = 96;

        /// <summary>Record type byte.</summary>
        public const byte RecordType = 0x41; // 'A'

        private const byte LayoutVersion = 1;

        private readonly ByteWriter _writer = new ByteWriter();
        private readonly ByteReader _reader = new ByteReader();

        /// <summary>A transaction is running.</summary>
        public bool Active;

        /// <summary>Its number in the transaction journal.</summary>
        public int LocalTransactionId;

        /// <summary>The idTag that started it.</summary>
        public string IdTag;

        /// <summary>That idTag's parent, or null.</summary>
        public string ParentIdTag;

        /// <summary>Meter register at the start, Wh.</summary>
        public long MeterStartWh;

        /// <summary>Start, Unix ms.</summary>
        public long StartUnixMs;

        /// <summary>Last meter register seen, Wh.</summary>
        public long LastMeterWh;

        /// <summary>When it was seen, Unix ms.</summary>
        public long LastUnixMs;

        /// <summary>Started by RemoteStartTransaction (CPL-93).</summary>
        public bool StartedRemotely;

        /// <inheritdoc />
        public int Serialize(byte[] buffer, int offset, int capacity)
        {
            _writer.Reset(buffer, offset, capacity);
            _writer.WriteByte(LayoutVersion);
            _writer.WriteBool(Active);
            _writer.WriteInt32(LocalTransactionId);
            _writer.WriteShortString(Active ? IdTag : null);
            _writer.WriteShortString(Active ? ParentIdTag : null);
            _writer.WriteInt64(MeterStartWh);
            _writer.WriteInt64(StartUnixMs);
            _writer.WriteInt64(LastMeterWh);
            _writer.WriteInt64(LastUnixMs);
            _writer.WriteBool(StartedRemotely);
            return _writer.Length;
        }

        /// <inheritdoc />
        public bool Deserialize(byte[] buffer, int offset, int count)
        {
            _reader.Reset(buffer, offset, count);
            if (_reader.ReadByte() != LayoutVersion)
            {
                return false;
            }

            bool active = _reader.ReadBool();
            int local = _reader.ReadInt32();
            string idTag = _reader.ReadShortString();
            string parent = _reader.ReadShortString();
            long meterStart = _reader.ReadInt64();
            long start = _reader.ReadInt64();
            long lastMeter = _reader.ReadInt64();
            long last = _reader.ReadInt64();
            bool remote = _reader.ReadBool();
            if (_reader.Overrun || (active && (idTag == null || idTag.Length == 0)))
            {
                return false;
            }

            Active = active;
            LocalTransactionId = local;
            IdTag = idTag;
            ParentIdTag = parent;
            MeterStartWh = meterStart;
            StartUnixMs = start;
            LastMeterWh = lastMeter;
            LastUnixMs = last;
            StartedRemotely = remote;
            return true;
        }
    }
}
