namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// Order in which the UID bytes are written into the idTag (WBX-14, WBX-15c; docs/rfid.md). The source's
    /// "little-endian" is not defined by an example, so both orders are offered and the central system's whitelist
    /// decides which one an installation uses.
    /// </summary>
    public enum IdTagByteOrder
    {
        /// <summary>As transmitted during anticollision: UID0 (the manufacturer byte of a 7-byte UID) first.</summary>
        AsTransmitted = 0,

        /// <summary>Reversed: the last UID byte first (the "little-endian" of some back-ends, WBX-14).</summary>
        Reversed = 1,
    }
}
