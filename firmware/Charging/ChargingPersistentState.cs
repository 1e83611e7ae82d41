using Wallbox.Firmware.Storage;

namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// What the charging controller must remember across a power cut or reboot: latched faults (a welded
    /// contactor, CPH-82; an over-current lockout, CPH-80) and the session that was running (CPL-85).
    /// Kept in a <see cref="PersistentRecord"/> (<c>I:\charging.a/.b</c>).
    /// </summary>
    /// <remarks>
    /// Payload layout (little-endian): version (1 byte, = 1) · latched fault bits (int32) · last "still locked
    /// out" wall-clock time, Unix seconds (int64, 0 = unknown) · session phase (1 byte: 0 none, 2 active) ·
    /// session number (int32) · energy flowing when saved (1 byte).
    /// </remarks>
    public sealed class ChargingPersistentState : IRecordPayload
    {
        /// <summary>Largest payload, bytes.</summary>
        public const int MaxPayloadBytes = 32;

        /// <summary>Record type byte in the slot header.</summary>
        public const byte RecordType = 0x43; // 'C'

        private const byte LayoutVersion = 1;

        private readonly ByteWriter _writer = new ByteWriter();
        private readonly ByteReader _reader = new ByteReader();

        /// <summary>Bits of the latched faults (bit n = <see cref="Faults.ChargingFault"/> n).</summary>
        public int LatchedFaultBits;

        /// <summary>Last wall-clock time, Unix seconds, at which the over-current lockout was known to hold (0 = unknown).</summary>
        public long LockoutAliveUnixS;

        /// <summary>True when a session was active.</summary>
        public bool SessionActive;

        /// <summary>Number of that session.</summary>
        public int SessionNumber;

        /// <summary>True when energy was flowing at the last save.</summary>
        public bool Energized;

        /// <inheritdoc />
        public int Serialize(byte[] buffer, int offset, int capacity)
        {
            _writer.Reset(buffer, offset, capacity);
            _writer.WriteByte(LayoutVersion);
            _writer.WriteInt32(LatchedFaultBits);
            _writer.WriteInt64(LockoutAliveUnixS);
            _writer.WriteByte(SessionActive ? (byte)SessionPhase.Active : (byte)SessionPhase.None);
            _writer.WriteInt32(SessionNumber);
            _writer.WriteBool(Energized);
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

            int latched = _reader.ReadInt32();
            long alive = _reader.ReadInt64();
            bool active = _reader.ReadByte() == (byte)SessionPhase.Active;
            int number = _reader.ReadInt32();
            bool energized = _reader.ReadBool();
            if (_reader.Overrun)
            {
                return false;
            }

            LatchedFaultBits = latched;
            LockoutAliveUnixS = alive;
            SessionActive = active;
            SessionNumber = number;
            Energized = energized;
            return true;
        }
    }
}
