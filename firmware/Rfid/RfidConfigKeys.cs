using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// Configuration of the idTag the RFID reader produces (WBX-14, WBX-15c, CPL-33; docs/rfid.md): byte order and
    /// notation of the card UID. Both take effect with the next card read (no reboot).
    /// </summary>
    public static class RfidConfigKeys
    {
        /// <summary>Byte order of the UID in the idTag: AsTransmitted or Reversed (WBX-14 "little-endian").</summary>
        public const string RfidIdTagByteOrder = "RfidIdTagByteOrder";

        /// <summary>Notation of the UID in the idTag: Hex or Decimal.</summary>
        public const string RfidIdTagFormat = "RfidIdTagFormat";

        /// <summary>Value of <see cref="RfidIdTagByteOrder"/>: anticollision order, UID0 first (default).</summary>
        public const string AsTransmitted = "AsTransmitted";

        /// <summary>Value of <see cref="RfidIdTagByteOrder"/>: last UID byte first.</summary>
        public const string Reversed = "Reversed";

        /// <summary>Value of <see cref="RfidIdTagFormat"/>: uppercase hex without separators (default).</summary>
        public const string Hex = "Hex";

        /// <summary>Value of <see cref="RfidIdTagFormat"/>: zero-padded decimal number.</summary>
        public const string Decimal = "Decimal";

        private static readonly string[] ByteOrders = new string[] { AsTransmitted, Reversed };
        private static readonly string[] Notations = new string[] { Hex, Decimal };

        /// <summary>Declares the keys.</summary>
        public static void Declare(ConfigurationStore store)
        {
            store.Declare(ConfigKey.Text(RfidIdTagByteOrder, AsTransmitted, 13).OneOf(ByteOrders));
            store.Declare(ConfigKey.Text(RfidIdTagFormat, Hex, 7).OneOf(Notations));
        }

        /// <summary>The configured idTag format (allocates; read it when the configuration changes, not every tick).</summary>
        public static IdTagFormat Format(ConfigurationStore store)
        {
            return new IdTagFormat(
                store.Get(RfidIdTagByteOrder) == Reversed ? IdTagByteOrder.Reversed : IdTagByteOrder.AsTransmitted,
                store.Get(RfidIdTagFormat) == Decimal ? IdTagNotation.Decimal : IdTagNotation.Hex);
        }
    }
}
