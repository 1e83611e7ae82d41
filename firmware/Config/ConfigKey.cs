namespace Wallbox.Firmware.Config
{
    /// <summary>
    /// Definition of one configuration key: name, type, bounds, default, access. Services declare the keys they
    /// own at boot (MicroOcpp's declareConfiguration pattern); the store checks every value against its definition.
    /// </summary>
    public sealed class ConfigKey
    {
        /// <summary>Longest key name (OCPP 1.6 CiString50).</summary>
        public const int MaxNameLength = 50;

        /// <summary>Longest value (OCPP 1.6 ChangeConfiguration value: CiString500).</summary>
        public const int MaxValueLength = 500;

        private ConfigKey(string name, ConfigValueType type, string defaultValue)
        {
            Name = name;
            Type = type;
            DefaultValue = defaultValue;
            MaxLength = MaxValueLength;
        }

        /// <summary>Key name.</summary>
        public string Name { get; private set; }

        /// <summary>Value type.</summary>
        public ConfigValueType Type { get; private set; }

        /// <summary>Value used until one is stored (must itself be valid).</summary>
        public string DefaultValue { get; private set; }

        /// <summary>Smallest integer.</summary>
        public int Minimum { get; private set; }

        /// <summary>Largest integer.</summary>
        public int Maximum { get; private set; }

        /// <summary>Longest text.</summary>
        public int MaxLength { get; private set; }

        /// <summary>When set, the only values allowed (text exactly, integers as decimal strings).</summary>
        public string[] AllowedValues { get; private set; }

        /// <summary>When set, text must start with one of these (e.g. "ws://", "wss://").</summary>
        public string[] RequiredPrefixes { get; private set; }

        /// <summary>When set, a further rule text values must follow (e.g. a list of supported measurands).</summary>
        public IConfigValueCheck ValueCheck { get; private set; }

        /// <summary>Cannot be changed from outside (reported by GetConfiguration as readonly).</summary>
        public bool ReadOnly { get; private set; }

        /// <summary>Can be set but is never read back from outside (secrets such as AuthorizationKey).</summary>
        public bool WriteOnly { get; private set; }

        /// <summary>A change takes effect only after a reboot.</summary>
        public bool RebootRequired { get; private set; }

        /// <summary>Declares an integer key.</summary>
        public static ConfigKey Integer(string name, int defaultValue, int minimum, int maximum)
        {
            var key = new ConfigKey(name, ConfigValueType.Integer, defaultValue.ToString());
            key.Minimum = minimum;
            key.Maximum = maximum;
            return key;
        }

        /// <summary>Declares a boolean key.</summary>
        public static ConfigKey Boolean(string name, bool defaultValue)
        {
            return new ConfigKey(name, ConfigValueType.Boolean, defaultValue ? "true" : "false");
        }

        /// <summary>Declares a text key of at most <paramref name="maxLength"/> characters.</summary>
        public static ConfigKey Text(string name, string defaultValue, int maxLength)
        {
            var key = new ConfigKey(name, ConfigValueType.Text, defaultValue);
            key.MaxLength = maxLength;
            return key;
        }

        /// <summary>Restricts the values to <paramref name="values"/>.</summary>
        public ConfigKey OneOf(string[] values)
        {
            AllowedValues = values;
            return this;
        }

        /// <summary>Requires text to start with one of <paramref name="prefixes"/> (an empty value stays allowed).</summary>
        public ConfigKey StartingWith(string[] prefixes)
        {
            RequiredPrefixes = prefixes;
            return this;
        }

        /// <summary>Adds a rule text values must follow.</summary>
        public ConfigKey Checked(IConfigValueCheck check)
        {
            ValueCheck = check;
            return this;
        }

        /// <summary>Marks the key read-only.</summary>
        public ConfigKey AsReadOnly()
        {
            ReadOnly = true;
            return this;
        }

        /// <summary>Marks the key write-only (a secret).</summary>
        public ConfigKey AsWriteOnly()
        {
            WriteOnly = true;
            return this;
        }

        /// <summary>Marks the key as needing a reboot after a change.</summary>
        public ConfigKey NeedingReboot()
        {
            RebootRequired = true;
            return this;
        }

        /// <summary>
        /// Checks <paramref name="value"/>; returns the value in its stored form (booleans lower case, integers without
        /// leading zeros) or null with <paramref name="reason"/> set.
        /// </summary>
        public string Normalize(string value, out string reason)
        {
            reason = null;
            if (value == null)
            {
                reason = Name + ": a value is required";
                return null;
            }

            switch (Type)
            {
                case ConfigValueType.Integer:
                    return NormalizeInteger(value, out reason);
                case ConfigValueType.Boolean:
                    string lower = value.ToLower();
                    if (lower == "true" || lower == "false")
                    {
                        return lower;
                    }

                    reason = Name + ": must be true or false, got '" + Clip(value) + "'";
                    return null;
                default:
                    return NormalizeText(value, out reason);
            }
        }

        private string NormalizeInteger(string value, out string reason)
        {
            reason = null;
            long parsed = 0;
            bool negative = value.Length > 0 && value[0] == '-';
            int start = negative ? 1 : 0;
            if (value.Length == start || value.Length - start > 10)
            {
                reason = Name + ": must be an integer, got '" + Clip(value) + "'";
                return null;
            }

            for (int i = start; i < value.Length; i++)
            {
                char c = value[i];
                if (c < '0' || c > '9')
                {
                    reason = Name + ": must be an integer, got '" + Clip(value) + "'";
                    return null;
                }

                parsed = parsed * 10 + (c - '0');
            }

            if (negative)
            {
                parsed = -parsed;
            }

            if (parsed < Minimum || parsed > Maximum)
            {
                reason = Name + ": must be " + Minimum.ToString() + ".." + Maximum.ToString() + ", got " + parsed.ToString();
                return null;
            }

            string normalized = ((int)parsed).ToString();
            if (AllowedValues != null && !Contains(AllowedValues, normalized))
            {
                reason = Name + ": must be one of " + Join(AllowedValues) + ", got " + normalized;
                return null;
            }

            return normalized;
        }

        private string NormalizeText(string value, out string reason)
        {
            reason = null;
            if (value.Length > MaxLength)
            {
                reason = Name + ": at most " + MaxLength.ToString() + " characters, got " + value.Length.ToString();
                return null;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (value[i] < ' ')
                {
                    reason = Name + ": control characters are not allowed";
                    return null;
                }
            }

            if (AllowedValues != null && !Contains(AllowedValues, value))
            {
                reason = Name + ": must be one of " + Join(AllowedValues) + ", got '" + Clip(value) + "'";
                return null;
            }

            if (RequiredPrefixes != null && value.Length > 0 && !StartsWithAny(value, RequiredPrefixes))
            {
                reason = Name + ": must start with " + Join(RequiredPrefixes);
                return null;
            }

            string problem = ValueCheck == null ? null : ValueCheck.Check(value);
            if (problem != null)
            {
                reason = Name + ": " + problem;
                return null;
            }

            return value;
        }

        private static bool Contains(string[] values, string value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool StartsWithAny(string value, string[] prefixes)
        {
            for (int i = 0; i < prefixes.Length; i++)
            {
                if (value.Length >= prefixes[i].Length && value.Substring(0, prefixes[i].Length) == prefixes[i])
                {
                    return true;
                }
            }

            return false;
        }

        private static string Join(string[] values)
        {
            string joined = string.Empty;
            for (int i = 0; i < values.Length; i++)
            {
                joined = joined + (i == 0 ? string.Empty : ", ") + values[i];
            }

            return joined;
        }

        private static string Clip(string value)
        {
            return value.Length <= 40 ? value : value.Substring(0, 40) + "…";
        }
    }
}
