namespace Wallbox.Firmware.Config
{
    /// <summary>Type of a configuration value. Values are kept as strings, checked against their type on every write.</summary>
    public enum ConfigValueType
    {
        /// <summary>Decimal integer within [Minimum, Maximum].</summary>
        Integer = 0,

        /// <summary>"true" or "false" (case-insensitive on input, stored lower case).</summary>
        Boolean = 1,

        /// <summary>Text up to MaxLength characters, optionally one of AllowedValues or starting with one of RequiredPrefixes.</summary>
        Text = 2,
    }
}
