namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// Reads what <see cref="ByteWriter"/> wrote. Reading past the end does not throw: it sets
    /// <see cref="Overrun"/> and returns zeros, so a record from an older, shorter format is detected and handled
    /// by its owner instead of crashing the loop.
    /// </summary>
    public sealed class ByteReader
    {
        private byte[] _buffer;
        private int _position;
        private int _end;

        /// <summary>True once a read went past the end.</summary>
        public bool Overrun { get; private set; }

        /// <summary>Bytes not read yet.</summary>
        public int Remaining { get { return _end - _position; } }

        /// <summary>Starts reading <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        public void Reset(byte[] buffer, int offset, int count)
        {
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            Overrun = false;
        }

        /// <summary>Reads one byte.</summary>
        public byte ReadByte()
        {
            if (!Has(1))
            {
                return 0;
            }

            return _buffer[_position++];
        }

        /// <summary>Reads a boolean (any non-zero byte is true).</summary>
        public bool ReadBool()
        {
            return ReadByte() != 0;
        }

        /// <summary>Reads 16 bits, little-endian, unsigned.</summary>
        public int ReadUInt16()
        {
            if (!Has(2))
            {
                return 0;
            }

            int value = _buffer[_position] | (_buffer[_position + 1] << 8);
            _position += 2;
            return value;
        }

        /// <summary>Reads 32 bits, little-endian.</summary>
        public uint ReadUInt32()
        {
            if (!Has(4))
            {
                return 0;
            }

            uint value = (uint)(_buffer[_position] | (_buffer[_position + 1] << 8) | (_buffer[_position + 2] << 16) | (_buffer[_position + 3] << 24));
            _position += 4;
            return value;
        }

        /// <summary>Reads 32 bits, little-endian, signed.</summary>
        public int ReadInt32()
        {
            return (int)ReadUInt32();
        }

        /// <summary>Reads 64 bits, little-endian, signed.</summary>
        public long ReadInt64()
        {
            uint low = ReadUInt32();
            uint high = ReadUInt32();
            return (long)(((ulong)high << 32) | low);
        }

        /// <summary>Reads a string written by <see cref="ByteWriter.WriteShortString"/>.</summary>
        public string ReadShortString()
        {
            int length = ReadByte();
            if (length == 255 || Overrun)
            {
                return null;
            }

            if (!Has(length))
            {
                return null;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)_buffer[_position + i];
            }

            _position += length;
            return new string(chars);
        }

        private bool Has(int bytes)
        {
            if (Overrun || _position + bytes > _end)
            {
                Overrun = true;
                return false;
            }

            return true;
        }
    }
}
