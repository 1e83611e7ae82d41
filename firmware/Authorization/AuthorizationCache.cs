using Wallbox.Firmware.Storage;
using Wallbox.Hal;

namespace Wallbox.Firmware.Authorization
{
    /// <summary>
    /// The whitelist of CPL-40..45, which OCPP 1.6 calls the Authorization Cache: up to 50 idTags, filled from the
    /// central system's answers (Authorize, StartTransaction, StopTransaction), used only while it cannot be reached.
    /// Persisted in <c>I:\authcache.a/.b</c>, so a reboot while offline keeps it.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>An accepted idTag is added, or refreshed: it becomes the newest (CPL-41 is silent on refresh; we refresh so
    /// a regular user is not evicted by occasional ones).</item>
    /// <item>When 50 entries are held, the oldest is evicted for a newly accepted one (CPL-41).</item>
    /// <item>An idTag the central system refuses (any status but Accepted) is removed (CPL-42).</item>
    /// <item>Expired entries (idTagInfo.expiryDate, CPL-43) are purged as soon as the wall clock is valid; lookups
    /// never return them. With an invalid wall clock, expiry cannot be judged and entries are used as they are.</item>
    /// </list>
    /// </remarks>
    public sealed class AuthorizationCache : ITickable, IRecordPayload
    {
        /// <summary>Entries held at most (CPL-40: "50 modes d'identification maxi").</summary>
        public const int Capacity = 50;

        /// <summary>Record type byte.</summary>
        public const byte RecordType = 0x57; // 'W'

        private const byte LayoutVersion = 1;

        private readonly IdTagTable _table = new IdTagTable(Capacity);
        private readonly IdTagTable _scratch = new IdTagTable(Capacity);
        private readonly PersistentRecord _record;
        private readonly IWallClock _wall;
        private readonly ByteWriter _writer = new ByteWriter();
        private readonly ByteReader _reader = new ByteReader();

        /// <summary>Creates the cache stored at <paramref name="basePath"/> (e.g. <c>I:\authcache</c>).</summary>
        public AuthorizationCache(IFileStore store, string basePath, IWallClock wall)
        {
            _wall = wall;
            _record = new PersistentRecord(store, basePath, RecordType, 1 + _table.MaxSerializedBytes, this);
        }

        /// <summary>The persistence underneath.</summary>
        public PersistentRecord Record { get { return _record; } }

        /// <summary>True once loaded from flash.</summary>
        public bool IsLoaded { get { return _record.IsLoaded; } }

        /// <summary>Entries held.</summary>
        public int Count { get { return _table.Count; } }

        /// <summary>Entries evicted to make room, since construction.</summary>
        public int EvictionCount { get; private set; }

        /// <summary>Starts loading.</summary>
        public void StartLoad()
        {
            _record.StartLoad();
        }

        /// <summary>Advances persistence and purges expired entries.</summary>
        public void Tick(long nowMs)
        {
            _record.Tick(nowMs);
            if (_record.IsLoaded && _wall.IsValid && PurgeExpired(ToUnixMs()))
            {
                _record.RequestSave();
            }
        }

        /// <summary>
        /// Takes the central system's answer for <paramref name="idTag"/>: Accepted adds or refreshes (evicting the
        /// oldest when full), anything else removes it.
        /// </summary>
        public void Update(string idTag, IdTagInfo info)
        {
            if (!IdTagInfo.IsValidIdTag(idTag))
            {
                return;
            }

            if (info.Status != AuthorizationStatus.Accepted || (_wall.IsValid && info.IsExpiredAt(ToUnixMs())))
            {
                if (_table.Remove(idTag))
                {
                    _record.RequestSave();
                }

                return;
            }

            if (_table.IndexOf(idTag) < 0 && _table.Count == Capacity)
            {
                _table.RemoveAt(_table.OldestIndex());
                EvictionCount++;
            }

            _table.Put(idTag, info);
            _record.RequestSave();
        }

        /// <summary>Looks <paramref name="idTag"/> up; returns false when it is not cached (or expired).</summary>
        public bool TryGet(string idTag, IdTagInfo into)
        {
            int index = _table.IndexOf(idTag);
            if (index < 0)
            {
                return false;
            }

            IdTagInfo info = _table.InfoAt(index);
            if (_wall.IsValid && info.IsExpiredAt(ToUnixMs()))
            {
                return false;
            }

            into.CopyFrom(info);
            return true;
        }

        /// <summary>Empties the cache (OCPP ClearCache).</summary>
        public void Clear()
        {
            _table.Clear();
            _record.RequestSave();
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
            _table.Serialize(_writer);
            return _writer.Length;
        }

        /// <inheritdoc />
        public bool Deserialize(byte[] buffer, int offset, int count)
        {
            _reader.Reset(buffer, offset, count);
            return _reader.ReadByte() == LayoutVersion && _table.Deserialize(_reader, _scratch);
        }

        private bool PurgeExpired(long nowUnixMs)
        {
            bool removed = false;
            for (int i = _table.Count - 1; i >= 0; i--)
            {
                if (_table.InfoAt(i).IsExpiredAt(nowUnixMs))
                {
                    _table.RemoveAt(i);
                    removed = true;
                }
            }

            return removed;
        }

        private long ToUnixMs()
        {
            return Runtime.UnixTime.ToUnixMs(_wall.UtcNow);
        }
    }
}
