using Wallbox.Firmware.Storage;

namespace Wallbox.Firmware.Authorization
{
    /// <summary>
    /// A fixed-capacity table of idTags with their <see cref="IdTagInfo"/> and an age counter, shared by the
    /// authorisation cache and the local authorisation list. No allocation after construction except the strings
    /// the entries keep.
    /// </summary>
    /// <remarks>
    /// Serialized layout (little-endian): count u8, then per entry: idTag (u8 length + ASCII), status u8,
    /// expiry Unix ms i64, parentIdTag (u8 length + ASCII, 255 = none), age u32.
    /// </remarks>
    public sealed class IdTagTable
    {
        /// <summary>Serialized size of one entry at most, bytes.</summary>
        public const int MaxEntryBytes = 1 + IdTagInfo.MaxIdTagLength + 1 + 8 + 1 + IdTagInfo.MaxIdTagLength + 4;

        private readonly string[] _idTags;
        private readonly IdTagInfo[] _infos;
        private readonly uint[] _ages;
        private uint _nextAge = 1;

        /// <summary>Creates an empty table of <paramref name="capacity"/> entries.</summary>
        public IdTagTable(int capacity)
        {
            _idTags = new string[capacity];
            _infos = new IdTagInfo[capacity];
            _ages = new uint[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _infos[i] = new IdTagInfo();
            }
        }

        /// <summary>Entries the table holds at most.</summary>
        public int Capacity { get { return _idTags.Length; } }

        /// <summary>Entries in use.</summary>
        public int Count { get; private set; }

        /// <summary>Serialized size at most, bytes.</summary>
        public int MaxSerializedBytes { get { return 1 + Capacity * MaxEntryBytes; } }

        /// <summary>Index of <paramref name="idTag"/> (OCPP compares idTags case-insensitively), or -1.</summary>
        public int IndexOf(string idTag)
        {
            for (int i = 0; i < Count; i++)
            {
                if (EqualsIgnoreCase(_idTags[i], idTag))
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>The idTag at <paramref name="index"/>.</summary>
        public string IdTagAt(int index)
        {
            return _idTags[index];
        }

        /// <summary>The information at <paramref name="index"/> (do not keep the reference).</summary>
        public IdTagInfo InfoAt(int index)
        {
            return _infos[index];
        }

        /// <summary>Age stamp of <paramref name="index"/>: larger is newer.</summary>
        public uint AgeAt(int index)
        {
            return _ages[index];
        }

        /// <summary>Adds or replaces an entry and makes it the newest. Returns false when the table is full.</summary>
        public bool Put(string idTag, IdTagInfo info)
        {
            int index = IndexOf(idTag);
            if (index < 0)
            {
                if (Count == Capacity)
                {
                    return false;
                }

                index = Count++;
            }

            _idTags[index] = idTag;
            _infos[index].CopyFrom(info);
            _ages[index] = _nextAge++;
            return true;
        }

        /// <summary>Removes <paramref name="idTag"/>; returns whether it was there.</summary>
        public bool Remove(string idTag)
        {
            int index = IndexOf(idTag);
            if (index < 0)
            {
                return false;
            }

            RemoveAt(index);
            return true;
        }

        /// <summary>Removes the entry at <paramref name="index"/> (the last entry moves into its place).</summary>
        public void RemoveAt(int index)
        {
            int last = Count - 1;
            if (index != last)
            {
                _idTags[index] = _idTags[last];
                _infos[index].CopyFrom(_infos[last]);
                _ages[index] = _ages[last];
            }

            _idTags[last] = null;
            Count--;
        }

        /// <summary>Index of the oldest entry, or -1 when empty.</summary>
        public int OldestIndex()
        {
            int oldest = -1;
            for (int i = 0; i < Count; i++)
            {
                if (oldest < 0 || _ages[i] < _ages[oldest])
                {
                    oldest = i;
                }
            }

            return oldest;
        }

        /// <summary>Empties the table.</summary>
        public void Clear()
        {
            for (int i = 0; i < Count; i++)
            {
                _idTags[i] = null;
            }

            Count = 0;
        }

        /// <summary>Copies every entry of <paramref name="other"/> (same capacity) into this table.</summary>
        public void CopyFrom(IdTagTable other)
        {
            Clear();
            for (int i = 0; i < other.Count; i++)
            {
                _idTags[i] = other._idTags[i];
                _infos[i].CopyFrom(other._infos[i]);
                _ages[i] = other._ages[i];
            }

            Count = other.Count;
            _nextAge = other._nextAge;
        }

        /// <summary>Writes the table.</summary>
        public void Serialize(ByteWriter writer)
        {
            writer.WriteByte((byte)Count);
            for (int i = 0; i < Count; i++)
            {
                writer.WriteShortString(_idTags[i]);
                writer.WriteByte((byte)_infos[i].Status);
                writer.WriteInt64(_infos[i].ExpiryUnixMs);
                writer.WriteShortString(_infos[i].ParentIdTag);
                writer.WriteUInt32(_ages[i]);
            }
        }

        /// <summary>Reads a table written by <see cref="Serialize"/>; returns false (table unchanged) when malformed.</summary>
        public bool Deserialize(ByteReader reader, IdTagTable scratch)
        {
            scratch.Clear();
            int count = reader.ReadByte();
            if (count > scratch.Capacity)
            {
                return false;
            }

            uint maxAge = 0;
            for (int i = 0; i < count; i++)
            {
                string idTag = reader.ReadShortString();
                int status = reader.ReadByte();
                long expiry = reader.ReadInt64();
                string parent = reader.ReadShortString();
                uint age = reader.ReadUInt32();
                if (reader.Overrun || !IdTagInfo.IsValidIdTag(idTag) || status > (int)AuthorizationStatus.ConcurrentTx)
                {
                    return false;
                }

                scratch._idTags[i] = idTag;
                scratch._infos[i].Status = (AuthorizationStatus)status;
                scratch._infos[i].ExpiryUnixMs = expiry;
                scratch._infos[i].ParentIdTag = parent;
                scratch._ages[i] = age;
                if (age > maxAge)
                {
                    maxAge = age;
                }
            }

            scratch.Count = count;
            scratch._nextAge = maxAge + 1;
            CopyFrom(scratch);
            return true;
        }

        private static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i];
                char y = b[i];
                if (x >= 'a' && x <= 'z')
                {
                    x = (char)(x - 32);
                }

                if (y >= 'a' && y <= 'z')
                {
                    y = (char)(y - 32);
                }

                if (x != y)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
