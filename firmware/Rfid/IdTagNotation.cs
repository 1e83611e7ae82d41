namespace Wallbox.Firmware.Rfid
{
    /// <summary>How the UID is written as text in the idTag (WBX-14, CPL-33; docs/rfid.md).</summary>
    public enum IdTagNotation
    {
        /// <summary>Uppercase hexadecimal, two digits a byte, no separators (WBX-14).</summary>
        Hex = 0,

        /// <summary>
        /// The UID as one unsigned number in decimal, zero-padded to the width of the largest UID of its length
        /// (10 digits for 4 bytes, 17 for 7 bytes). 10-byte UIDs are refused: they can need 25 digits (OCPP limit 20).
        /// </summary>
        Decimal = 1,
    }
}
