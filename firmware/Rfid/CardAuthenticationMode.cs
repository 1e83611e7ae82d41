namespace Wallbox.Firmware.Rfid
{
    /// <summary>How the reader proves that a badge is genuine before its idTag is used (RfidCardAuthentication; CHY-05).</summary>
    public enum CardAuthenticationMode
    {
        /// <summary>UID only: every card gives its UID as idTag; a copy of the UID is accepted (CPL-31 behaviour).</summary>
        Off,

        /// <summary>
        /// MIFARE DESFire cards must authenticate with the network key (a DESFire that does not is refused); other cards
        /// (MIFARE Classic, Ultralight) still give their UID. For fleets migrating to DESFire: a UID copied onto a
        /// non-DESFire card is still accepted.
        /// </summary>
        Optional,

        /// <summary>Only cards that authenticate with the network key give an idTag; every other card is refused.</summary>
        Required,
    }
}
