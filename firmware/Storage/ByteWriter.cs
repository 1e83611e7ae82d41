namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// Writes little-endian integers and short strings into a caller-owned buffer, for record payloads.
    /// Bounds are checked: writing past the end is a programming error (the record size is fixed at design time).
    /// </summary>
    public sealed class ByteWriter
    {
        private byte[] _buffer;
        private int _start;
        private int _limit;

        /// <summary>Position of the next byte, relative to the start given to <see cref="Reset"/>.</summary>
        public int Length { get; private set; }

        /// <summary>Starts writing at <paramref name="offset"/> of <paramref name="buffer"/>, at most <paramref name="capacity"/> bytes.</summary>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            _buffer = buffer;
            _start = offset;
            _limit = offset + capacity;
            Length = 0;
        }

        /// <summary>Writes one byte.</summary>
        public void WriteByte(byte value)
        {
            Ensure(1);
            _buffer[_start + Length] = value;
            Length++;
        }

        /// <summary>Writes a boolean as one byte (0 or 1).</summary>
        public void WriteBool(bool value)
        {
            WriteByte(value ? (byte)1 : (byte)0);
        }

        /// <summary>Writes 16 bits, little-endian.</summary>
        public void WriteUInt16(int value)
        {
            Ensure(2);
            int p = _start + Length;
            _buffer[p] = (byte)value;
            _buffer[p + 1] = (byte)(value >> 8);
            Length += 2;
        }

        /// <summary>Writes 32 bits, little-endian.</summary>
        public void WriteInt32(int value)
        {
            WriteUInt32((uint)value);
        }

        /// <summary>Writes 32 bits, little-endian.</summary>
        public void WriteUInt32(uint value)
        {
            Ensure(4);
            int p = _start + Length;
            _buffer[p] = (byte)value;
            _buffer[p + 1] = (byte)(value >> 8);
            _buffer[p + 2] = (byte)(value >> 16);
            _buffer[p + 3] = (byte)(value >> 24);
            Length += 4;
        }

        /// <summary>Writes 64 bits, little-endian.</summary>
        public void WriteInt64(long value)
        {
            WriteUInt32((uint)value);
            WriteUInt32((uint)(value >> 32));
        }

        /// <summary>
        /// Writes an ASCII string of at most 255 characters with a one-byte length (null is written as 255 and read
        /// back as null). Characters above 0x7E are not expected in the identifiers stored here.
        /// </summary>
        public void WriteShortString(string value)
        {
            if (value == null)
            {
                WriteByte(255);
                return;
            }

            if (value.Length >= 255)
            {
                throw new System.ArgumentOutOfRangeException("value");
            }

            WriteByte((byte)value.Length);
            Ensure(value.Length);
            for (int i = 0; i < value.Length; i++)
            {
                _buffer[_start + Length + i] = (byte)value[i];
            }

            Length += value.Length;
        }

        private void Ensure(int bytes)
        {
            if (_start + Length + bytes > _limit)
            {
                throw new System.InvalidOperationException("record payload larger than its buffer");
            }
        }
    }
}
