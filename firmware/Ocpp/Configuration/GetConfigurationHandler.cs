using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;

namespace Wallbox.Firmware.Ocpp.Configuration
{
    /// <summary>
    /// Answers GetConfiguration (OCPP 1.6 §5.8) from the <see cref="ConfigurationStore"/>: without a key list (absent or
    /// empty) every declared key, with one the requested keys; each with its current value and its readonly flag.
    /// </summary>
    /// <remarks>
    /// <para>Write-only keys (AuthorizationKey) are never read back: the security whitepaper says the AuthorizationKey
    /// "shall not be readable" (FXP-K63). They are left out of the full list, and a request naming one gets it in
    /// unknownKey, the same answer as for a key we do not have, so the answer does not even confirm it is set.</para>
    /// <para>Key names are CiString50 (§7: case insensitive): they are looked up ignoring case and answered with the
    /// declared spelling; unknown names are echoed as requested.</para>
    /// <para>Limit: GetConfiguration.conf has no status, so a request beyond what we can answer cannot be refused in
    /// band. We answer, in request order, as many requested keys as fit: at most GetConfigurationMaxKeys entries
    /// (FXP-K07, <see cref="OcppConfigKeys.MaxKeysPerGetConfiguration"/>) and at most what one frame of
    /// <c>maxFrameBytes</c> holds (OcppRpc.MaxFrameBytes, 8 KiB). The rest are left out of both lists — listing a key we
    /// have as unknown would be false — and a warning is logged. MicroOcpp answers every requested key; so do we for any
    /// request that respects GetConfigurationMaxKeys with real key names, and the full list always fits (tested).</para>
    /// <para>Memory: one KeyValue per key, made once; the two answer arrays are remade only when their length changes
    /// (a central system asking the same question again reuses them). A request is an event, not a steady tick.</para>
    /// </remarks>
    public sealed class GetConfigurationHandler : IOcppRequestHandler
    {
        private const string LogSource = "ocpp-config";

        /// <summary>
        /// Bytes of one configurationKey entry besides its two strings: <c>{"key":</c> 7, <c>,"readonly":</c> 12,
        /// <c>false</c> 5, <c>,"value":</c> 9, <c>}</c> 1, the comma before it 1.
        /// </summary>
        private const int KeyValueOverheadBytes = 35;

        /// <summary>
        /// The CALLRESULT around the lists: <c>[3,</c> 3, the messageId's quotes 2, <c>,</c> 1,
        /// <c>{"configurationKey":[</c> 21, <c>],"unknownKey":[</c> 16, <c>]}]</c> 3, and the messageId itself: at most
        /// 36 characters (OCPP-J §4.1.4) of at most 6 bytes each (a control character escaped as \u00XX).
        /// </summary>
        private const int FrameOverheadBytes = 3 + 2 + 1 + 21 + 16 + 3 + (OcppFrameParser.MaxMessageIdLength * 6);

        private static readonly KeyValue[] NoKeys = new KeyValue[0];

        private readonly ConfigurationStore _store;
        private readonly Logger _log;
        private readonly int _maxFrameBytes;
        private readonly GetConfigurationRequest _request = new GetConfigurationRequest();
        private readonly GetConfigurationConfirmation _confirmation = new GetConfigurationConfirmation();
        private readonly KeyValue[] _entries = new KeyValue[OcppConfigKeys.MaxKeysPerGetConfiguration];
        private readonly string[] _unknownNames = new string[OcppConfigKeys.MaxKeysPerGetConfiguration];
        private KeyValue[] _answeredKeys = NoKeys;
        private string[] _answeredUnknown;

        /// <summary>
        /// Answers from <paramref name="store"/>; the confirmation stays within <paramref name="maxFrameBytes"/> as a
        /// CALLRESULT frame (pass OcppRpc.MaxFrameBytes).
        /// </summary>
        public GetConfigurationHandler(ConfigurationStore store, Logger log, int maxFrameBytes)
        {
            _store = store;
            _log = log;
            _maxFrameBytes = maxFrameBytes;
            for (int i = 0; i < _entries.Length; i++)
            {
                _entries[i] = new KeyValue();
            }
        }

        /// <inheritdoc />
        public string Action
        {
            get { return GetConfigurationRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            string[] requested = _request.Key;
            bool everything = requested == null || requested.Length == 0;
            int count = everything ? _store.KeyCount : requested.Length;
            int budget = _maxFrameBytes - FrameOverheadBytes;
            int wanted = 0;
            int known = 0;
            int unknown = 0;
            bool full = false;
            for (int i = 0; i < count; i++)
            {
                string name = everything ? null : requested[i];
                ConfigKey key = everything ? _store.KeyAt(i) : _store.FindIgnoringCase(name);
                bool readable = key != null && !key.WriteOnly;
                if ((everything && !readable) || (!everything && name == null))
                {
                    continue;
                }

                wanted++;
                if (full)
                {
                    continue;
                }

                // Answer a prefix of the request: once one key does not fit, none after it is answered.
                full = known + unknown == _entries.Length
                    || !(readable ? TryAddKnown(key, known, ref budget) : TryAddUnknown(name, unknown, ref budget));
                if (!full && readable)
                {
                    known++;
                }
                else if (!full)
                {
                    unknown++;
                }
            }

            _confirmation.Reset();
            _confirmation.ConfigurationKey = KnownArray(known);
            _confirmation.UnknownKey = unknown == 0 ? null : UnknownArray(unknown);
            if (known + unknown < wanted)
            {
                _log.Warning(LogSource, "GetConfiguration: answered " + (known + unknown).ToString() + " of " + wanted.ToString()
                    + " keys; the rest exceed GetConfigurationMaxKeys or one frame of " + _maxFrameBytes.ToString() + " bytes");
            }

            return _confirmation;
        }

        private bool TryAddKnown(ConfigKey key, int index, ref int budget)
        {
            string value = _store.Get(key.Name);
            int cost = KeyValueOverheadBytes + JsonStringBytes(key.Name) + JsonStringBytes(value);
            if (cost > budget)
            {
                return false;
            }

            budget -= cost;
            KeyValue entry = _entries[index];
            entry.Key = key.Name;
            entry.Readonly = key.ReadOnly;
            entry.Value = value;
            return true;
        }

        private bool TryAddUnknown(string name, int index, ref int budget)
        {
            int cost = 1 + JsonStringBytes(name); // the comma before it
            if (cost > budget)
            {
                return false;
            }

            budget -= cost;
            _unknownNames[index] = name;
            return true;
        }

        private KeyValue[] KnownArray(int count)
        {
            if (_answeredKeys.Length != count)
            {
                _answeredKeys = count == 0 ? NoKeys : new KeyValue[count];
            }

            System.Array.Copy(_entries, _answeredKeys, count);
            return _answeredKeys;
        }

        private string[] UnknownArray(int count)
        {
            if (_answeredUnknown == null || _answeredUnknown.Length != count)
            {
                _answeredUnknown = new string[count];
            }

            System.Array.Copy(_unknownNames, _answeredUnknown, count);
            for (int i = 0; i < _unknownNames.Length; i++)
            {
                _unknownNames[i] = null; // do not keep the central system's strings alive until the next request
            }

            return _answeredUnknown;
        }

        /// <summary>
        /// Upper bound of the bytes JsonWriter.String writes for <paramref name="text"/>, quotes included: '"' and '\'
        /// take 2, other control characters at most 6 (\u00XX), the rest their UTF-8 length (a surrogate pair, 4 bytes,
        /// is counted as 3 + 3).
        /// </summary>
        private static int JsonStringBytes(string text)
        {
            int bytes = 2;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    bytes += 2;
                }
                else if (c < ' ')
                {
                    bytes += 6;
                }
                else if (c < 0x80)
                {
                    bytes += 1;
                }
                else if (c < 0x800)
                {
                    bytes += 2;
                }
                else
                {
                    bytes += 3;
                }
            }

            return bytes;
        }
    }
}
