using Wallbox.Firmware.Storage;
using Wallbox.Hal;

namespace Wallbox.Firmware.Authorization
{
    /// <summary>
    /// The OCPP 1.6 Local Authorization List: up to 50 idTags sent by the central system (SendLocalList), versioned,
    /// kept apart from the authorisation cache as OCPP requires. Full and differential updates are applied to a
    /// staging copy and validated first, so a failed update leaves the previous list; the list is persisted in
    /// <c>I:\locallist.a/.b</c> (the previous version stays on flash until the new one is committed).
    /// </summary>
    public sealed class LocalAuthorizationList : ITickable, IRecordPayload
    {
        /// <summary>Entries held at most (OCPP LocalAuthListMaxLength).</summary>
        public const int MaxLength = 50;

        /// <summary>Entries per SendLocalList at most (OCPP SendLocalListMaxLength).</summary>
        public const int MaxEntriesPerUpdate = 50;

        /// <summary>Record type byte.</summary>
        public const byte RecordType = 0x4C; // 'L'

        private const byte LayoutVersion = 1;

        private readonly IdTagTable _table = new IdTagTable(MaxLength);
        private readonly IdTagTable _staging = new IdTagTable(MaxLength);
        private readonly PersistentRecord _record;
        private readonly IWallClock _wall;
        private readonly ByteWriter _writer = new ByteWriter();
        private readonly ByteReader _reader = new ByteReader();

        /// <summary>Creates the list stored at <paramref name="basePath"/> (e.g. <c>I:\locallist</c>).</summary>
        public LocalAuthorizationList(IFileStore store, string basePath, IWallClock wall)
        {
            _wall = wall;
            _record = new PersistentRecord(store, basePath, RecordType, 1 + 4 + _table.MaxSerializedBytes, this);
        }

        /// <summary>The persistence underneath.</summary>
        public PersistentRecord Record { get { return _record; } }

        /// <summary>True once loaded from flash.</summary>
        public bool IsLoaded { get { return _record.IsLoaded; } }

        /// <summary>List version (OCPP GetLocalListVersion; 0 when no list was ever received).</summary>
        public int Version { get; private set; }

        /// <summary>Entries held.</summary>
        public int Count { get { return _table.Count; } }

        /// <summary>Starts loading.</summary>
        public void StartLoad()
        {
            _record.StartLoad();
        }

        /// <summary>Advances persistence.</summary>
        public void Tick(long nowMs)
        {
            _record.Tick(nowMs);
        }

        /// <summary>
        /// Replaces the whole list with <paramref name="count"/> entries and <paramref name="version"/>. Every entry must
        /// carry its information. Nothing changes unless the whole update is valid.
        /// </summary>
        public LocalListUpdateStatus ApplyFull(int version, LocalListEntry[] entries, int count)
        {
            if (!IsLoaded || version <= 0 || count > MaxEntriesPerUpdate || count > MaxLength)
            {
                return LocalListUpdateStatus.Failed;
            }

            _staging.Clear();
            for (int i = 0; i < count; i++)
            {
                LocalListEntry entry = entries[i];
                if (entry == null || entry.Info == null || !IdTagInfo.IsValidIdTag(entry.IdTag) || !IsValidParent(entry.Info)
                    || _staging.IndexOf(entry.IdTag) >= 0 || !_staging.Put(entry.IdTag, entry.Info))
                {
                    return LocalListUpdateStatus.Failed;
                }
            }

            Commit(version);
            return LocalListUpdateStatus.Accepted;
        }

        /// <summary>
        /// Applies <paramref name="count"/> changes: an entry with information adds or replaces, one without removes.
        /// The version must be newer than the list's (else VersionMismatch); the result must fit 50 entries.
        /// </summary>
        public LocalListUpdateStatus ApplyDifferential(int version, LocalListEntry[] entries, int count)
        {
            if (!IsLoaded || count > MaxEntriesPerUpdate)
            {
                return LocalListUpdateStatus.Failed;
            }

            if (version <= Version)
            {
                return LocalListUpdateStatus.VersionMismatch;
            }

            _staging.CopyFrom(_table);
            for (int i = 0; i < count; i++)
            {
                LocalListEntry entry = entries[i];
                if (entry == null || !IdTagInfo.IsValidIdTag(entry.IdTag))
                {
                    return LocalListUpdateStatus.Failed;
                }

                if (entry.Info == null)
                {
                    _staging.Remove(entry.IdTag);
                }
                else if (!IsValidParent(entry.Info) || !_staging.Put(entry.IdTag, entry.Info))
                {
                    return LocalListUpdateStatus.Failed; // the list would exceed 50 entries
                }
            }

            Commit(version);
            return LocalListUpdateStatus.Accepted;
        }

        /// <summary>Looks <paramref name="idTag"/> up; returns false when it is not listed.</summary>
        public bool TryGet(string idTag, IdTagInfo into)
        {
            int index = _table.IndexOf(idTag);
            if (index < 0)
            {
                return false;
            }

            into.CopyFrom(_table.InfoAt(index));
            if (_wall.IsValid && into.Status == AuthorizationStatus.Accepted
                && into.IsExpiredAt(Runtime.UnixTime.ToUnixMs(_wall.UtcNow)))
            {
                into.Status = AuthorizationStatus.Expired;
            }

            return true;
        }

        /// <summary>The idTag at <paramref name="index"/> (for listings and tests).</summary>
        public string IdTagAt(int index)
        {
            return _table.IdTagAt(index);
        }

        /// <inheritdoc />
        public int Serialize(byte[] buffer, int offset, int capacity)
        {
            _writer.Reset(buffer, offset, capacity);
            _writer.WriteByte(LayoutVersion);
            _writer.WriteInt32(Version);
            _table.Serialize(_writer);
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

            int version = _reader.ReadInt32();
            if (_reader.Overrun || !_table.Deserialize(_reader, _staging))
            {
                return false;
            }

            Version = version;
            return true;
        }

        private void Commit(int version)
        {
            _table.CopyFrom(_staging);
            Version = version;
            _record.RequestSave();
        }

        private static bool IsValidParent(IdTagInfo info)
        {
            return info.ParentIdTag == null || IdTagInfo.IsValidIdTag(info.ParentIdTag);
        }
    }
}
