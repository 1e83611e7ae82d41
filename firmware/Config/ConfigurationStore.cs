using Wallbox.Firmware.Storage;
using Wallbox.Hal;

namespace Wallbox.Firmware.Config
{
    /// <summary>
    /// Every persistent setting (OCPP keys, network, SMS, board and installation settings) as validated strings,
    /// kept in <c>I:\config.a/.b</c>. A change is checked against its key's definition before anything is stored,
    /// a multi-key change is all-or-nothing, and the whole configuration is replaced atomically on flash: the
    /// previous version stays in the other slot, so a write torn by a power cut boots the previous configuration.
    /// </summary>
    /// <remarks>
    /// Serialized layout (little-endian): version u8, count u16, then per stored value: key name (u8 length + ASCII),
    /// value (u16 length + UTF-8). Only values differing from their default are stored. A stored value that no longer
    /// passes its key's check (a key whose bounds changed in a firmware update) is dropped at load and the default is used.
    /// </remarks>
    public sealed class ConfigurationStore : ITickable, IRecordPayload
    {
        /// <summary>Keys declared at most. Our choice: the OCPP 1.6 keys plus network, SMS and board settings fit.</summary>
        public const int MaxKeys = 96;

        /// <summary>Largest serialized configuration, bytes. Our choice (the record's RAM buffer).</summary>
        public const int MaxPayloadBytes = 6144;

        /// <summary>Record type byte.</summary>
        public const byte RecordType = 0x46; // 'F'

        private const byte LayoutVersion = 1;

        private readonly ConfigKey[] _keys = new ConfigKey[MaxKeys];
        private readonly string[] _values = new string[MaxKeys];
        private readonly string[] _staged = new string[MaxKeys];
        private readonly PersistentRecord _record;
        private readonly ByteReader _reader = new ByteReader();
        private int _count;

        /// <summary>Creates the store at <paramref name="basePath"/> (e.g. <c>I:\config</c>).</summary>
        public ConfigurationStore(IFileStore store, string basePath)
        {
            _record = new PersistentRecord(store, basePath, RecordType, MaxPayloadBytes, this);
        }

        /// <summary>The persistence underneath.</summary>
        public PersistentRecord Record { get { return _record; } }

        /// <summary>True once loaded from flash.</summary>
        public bool IsLoaded { get { return _record.IsLoaded; } }

        /// <summary>Number of declared keys.</summary>
        public int KeyCount { get { return _count; } }

        /// <summary>Incremented by every accepted change (services compare it to notice changes).</summary>
        public int ChangeCount { get; private set; }

        /// <summary>Stored values dropped at load because they no longer passed their key's check.</summary>
        public int DroppedAtLoad { get; private set; }

        /// <summary>Declares a key. Keys must be declared before <see cref="StartLoad"/>.</summary>
        public void Declare(ConfigKey key)
        {
            string reason;
            if (key == null || IndexOf(key.Name) >= 0 || _count == MaxKeys || key.Normalize(key.DefaultValue, out reason) == null)
            {
                throw new System.ArgumentException("duplicate, invalid default or too many configuration keys", "key");
            }

            _keys[_count] = key;
            _values[_count] = key.DefaultValue;
            _count++;
        }

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

        /// <summary>The key at <paramref name="index"/> (declaration order).</summary>
        public ConfigKey KeyAt(int index)
        {
            return _keys[index];
        }

        /// <summary>Definition of <paramref name="name"/>, or null when not declared.</summary>
        public ConfigKey Find(string name)
        {
            int index = IndexOf(name);
            return index < 0 ? null : _keys[index];
        }

        /// <summary>
        /// Definition of <paramref name="name"/> compared without regard to letter case (ASCII letters), or null when not
        /// declared. OCPP 1.6 types configuration key names as CiString50Type, "case insensitive" (§7, ChangeConfiguration.req
        /// and GetConfiguration.req key), so the OCPP handlers look names up this way; an exact match wins.
        /// </summary>
        public ConfigKey FindIgnoringCase(string name)
        {
            if (name == null)
            {
                return null;
            }

            int index = IndexOf(name);
            if (index >= 0)
            {
                return _keys[index];
            }

            for (int i = 0; i < _count; i++)
            {
                if (EqualsIgnoringAsciiCase(_keys[i].Name, name))
                {
                    return _keys[i];
                }
            }

            return null;
        }

        /// <summary>Current value of <paramref name="name"/> (also of write-only keys: the firmware itself may read them).</summary>
        public string Get(string name)
        {
            int index = IndexOf(name);
            if (index < 0)
            {
                throw new System.ArgumentException("undeclared configuration key " + name, "name");
            }

            return _values[index];
        }

        /// <summary>Current value of an integer key.</summary>
        public int GetInt(string name)
        {
            return int.Parse(Get(name));
        }

        /// <summary>Current value of a boolean key.</summary>
        public bool GetBool(string name)
        {
            return Get(name) == "true";
        }

        /// <summary>
        /// Changes one key from outside (OCPP ChangeConfiguration, web page, SMS). Read-only and unknown keys are
        /// refused; the value is checked and normalized; the new configuration is written atomically.
        /// </summary>
        public ConfigChangeStatus TrySet(string name, string value, out string reason)
        {
            string[] names = new string[] { name };
            string[] values = new string[] { value };
            int failing;
            return TrySetMany(names, values, 1, out failing, out reason);
        }

        /// <summary>
        /// Changes a key the firmware itself owns (read-only from outside, e.g. the persisted connector availability);
        /// the value is still checked against the key's definition.
        /// </summary>
        public ConfigChangeStatus SetByFirmware(string name, string value, out string reason)
        {
            int index = IndexOf(name);
            if (index < 0)
            {
                reason = "unknown configuration key " + name;
                return ConfigChangeStatus.NotSupported;
            }

            string normalized = _keys[index].Normalize(value, out reason);
            if (normalized == null)
            {
                return ConfigChangeStatus.Rejected;
            }

            if (normalized != _values[index])
            {
                _values[index] = normalized;
                ChangeCount++;
                _record.RequestSave();
            }

            return ConfigChangeStatus.Accepted;
        }

        /// <summary>
        /// Changes several keys at once, all or nothing (a configuration page or an SMS that sets URL and identity
        /// together). On refusal nothing changes and <paramref name="failingIndex"/> names the offending entry.
        /// </summary>
        public ConfigChangeStatus TrySetMany(string[] names, string[] values, int count, out int failingIndex, out string reason)
        {
            failingIndex = -1;
            reason = null;
            System.Array.Copy(_values, _staged, _count);
            bool reboot = false;
            for (int i = 0; i < count; i++)
            {
                int index = IndexOf(names[i]);
                failingIndex = i;
                if (index < 0)
                {
                    reason = "unknown configuration key " + names[i];
                    return ConfigChangeStatus.NotSupported;
                }

                ConfigKey key = _keys[index];
                if (key.ReadOnly)
                {
                    reason = key.Name + " is read-only";
                    return ConfigChangeStatus.Rejected;
                }

                string normalized = key.Normalize(values[i], out reason);
                if (normalized == null)
                {
                    return ConfigChangeStatus.Rejected;
                }

                reboot = reboot || (key.RebootRequired && normalized != _values[index]);
                _staged[index] = normalized;
            }

            if (SerializedSize(_staged) > MaxPayloadBytes)
            {
                reason = "configuration full";
                return ConfigChangeStatus.Rejected;
            }

            failingIndex = -1;
            bool changed = false;
            for (int i = 0; i < _count && !changed; i++)
            {
                changed = _staged[i] != _values[i];
            }

            if (changed)
            {
                // A central system that sends the same ChangeConfiguration at every connection must not wear the flash.
                System.Array.Copy(_staged, _values, _count);
                ChangeCount++;
                _record.RequestSave();
            }

            return reboot ? ConfigChangeStatus.RebootRequired : ConfigChangeStatus.Accepted;
        }

        /// <inheritdoc />
        public int Serialize(byte[] buffer, int offset, int capacity)
        {
            int p = offset;
            buffer[p++] = LayoutVersion;
            int countAt = p;
            p += 2;
            int stored = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_values[i] == _keys[i].DefaultValue)
                {
                    continue;
                }

                p = WriteAscii(buffer, p, _keys[i].Name);
                byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(_values[i]);
                buffer[p++] = (byte)utf8.Length;
                buffer[p++] = (byte)(utf8.Length >> 8);
                System.Array.Copy(utf8, 0, buffer, p, utf8.Length);
                p += utf8.Length;
                stored++;
            }

            buffer[countAt] = (byte)stored;
            buffer[countAt + 1] = (byte)(stored >> 8);
            return p - offset;
        }

        /// <inheritdoc />
        public bool Deserialize(byte[] buffer, int offset, int count)
        {
            _reader.Reset(buffer, offset, count);
            if (_reader.ReadByte() != LayoutVersion)
            {
                return false;
            }

            int stored = _reader.ReadUInt16();
            for (int i = 0; i < _count; i++)
            {
                _staged[i] = _keys[i].DefaultValue;
            }

            int position = offset + 3;
            int end = offset + count;
            for (int n = 0; n < stored; n++)
            {
                if (position >= end)
                {
                    return false;
                }

                int nameLength = buffer[position];
                if (position + 1 + nameLength + 2 > end)
                {
                    return false;
                }

                string name = ReadAscii(buffer, position + 1, nameLength);
                position += 1 + nameLength;
                int valueLength = buffer[position] | (buffer[position + 1] << 8);
                position += 2;
                if (position + valueLength > end)
                {
                    return false;
                }

                string value = System.Text.Encoding.UTF8.GetString(buffer, position, valueLength);
                position += valueLength;
                int index = IndexOf(name);
                string reason;
                string normalized = index < 0 ? null : _keys[index].Normalize(value, out reason);
                if (normalized == null)
                {
                    DroppedAtLoad++;
                    continue;
                }

                _staged[index] = normalized;
            }

            System.Array.Copy(_staged, _values, _count);
            return true;
        }

        private int IndexOf(string name)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool EqualsIgnoringAsciiCase(string a, string b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                char x = a[i];
                char y = b[i];
                if (x >= 'A' && x <= 'Z')
                {
                    x = (char)(x + ('a' - 'A'));
                }

                if (y >= 'A' && y <= 'Z')
                {
                    y = (char)(y + ('a' - 'A'));
                }

                if (x != y)
                {
                    return false;
                }
            }

            return true;
        }

        private int SerializedSize(string[] values)
        {
            int size = 3;
            for (int i = 0; i < _count; i++)
            {
                if (values[i] != _keys[i].DefaultValue)
                {
                    size += 1 + _keys[i].Name.Length + 2 + System.Text.Encoding.UTF8.GetBytes(values[i]).Length;
                }
            }

            return size;
        }

        private static int WriteAscii(byte[] buffer, int p, string text)
        {
            buffer[p++] = (byte)text.Length;
            for (int i = 0; i < text.Length; i++)
            {
                buffer[p++] = (byte)text[i];
            }

            return p;
        }

        private static string ReadAscii(byte[] buffer, int offset, int length)
        {
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = (char)buffer[offset + i];
            }

            return new string(chars);
        }
    }
}
