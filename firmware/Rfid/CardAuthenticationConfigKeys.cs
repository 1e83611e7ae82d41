using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// Configuration of the card authentication of the RFID reader (CHY-05; docs/rfid.md "DESFire authentication"): whether
    /// badges must prove they are genuine MIFARE DESFire EV1 cards of the network, with which application, key and key
    /// diversification, and where the idTag comes from. All take effect with the next card read (no reboot). The defaults
    /// keep the UID-only behaviour the central systems of the customer expect (CPL-31, CPL-33: idTag = UID).
    /// </summary>
    public static class CardAuthenticationConfigKeys
    {
        /// <summary>Off, Optional or Required (<see cref="CardAuthenticationMode"/>).</summary>
        public const string RfidCardAuthentication = "RfidCardAuthentication";

        /// <summary>DESFire application identifier, 6 hex digits, most significant first as in NXP tools (e.g. F54230).</summary>
        public const string RfidDesfireApplication = "RfidDesfireApplication";

        /// <summary>Number of the application key the reader authenticates with (0..13; use a read-only key, not key 0).</summary>
        public const string RfidDesfireKeyNumber = "RfidDesfireKeyNumber";

        /// <summary>The key, <c>TYPE:HEX</c> (<see cref="DesfireKeyCheck"/>); write-only: never read back or logged.</summary>
        public const string RfidDesfireKey = "RfidDesfireKey";

        /// <summary>None (the key is used as it is) or AN10922 (the card key is derived from it, the card UID and the application).</summary>
        public const string RfidDesfireKeyDiversification = "RfidDesfireKeyDiversification";

        /// <summary>System identifier appended to the AN10922 diversification input, hex, up to 21 bytes (5 with a 2K3DES or 3K3DES key; empty for none).</summary>
        public const string RfidDesfireSystemIdentifier = "RfidDesfireSystemIdentifier";

        /// <summary>Where the idTag comes from: Uid (the card UID, default) or File (text stored in a file of the application).</summary>
        public const string RfidIdTagSource = "RfidIdTagSource";

        /// <summary>File of the application holding the idTag text when <see cref="RfidIdTagSource"/> is File (0..31).</summary>
        public const string RfidDesfireFileNumber = "RfidDesfireFileNumber";

        /// <summary>Offset of the idTag text in the file, bytes.</summary>
        public const string RfidDesfireFileOffset = "RfidDesfireFileOffset";

        /// <summary>Length of the idTag field in the file, bytes (1..20; trailing NUL and space bytes are not part of the idTag).</summary>
        public const string RfidDesfireFileLength = "RfidDesfireFileLength";

        /// <summary>Communication mode of the file: Plain, Maced or Enciphered (must match the file's settings on the card).</summary>
        public const string RfidDesfireFileCommunication = "RfidDesfireFileCommunication";

        /// <summary>Value of <see cref="RfidCardAuthentication"/>.</summary>
        public const string Off = "Off";

        /// <summary>Value of <see cref="RfidCardAuthentication"/>.</summary>
        public const string Optional = "Optional";

        /// <summary>Value of <see cref="RfidCardAuthentication"/>.</summary>
        public const string Required = "Required";

        /// <summary>Value of <see cref="RfidDesfireKeyDiversification"/>.</summary>
        public const string None = "None";

        /// <summary>Value of <see cref="RfidDesfireKeyDiversification"/>: NXP AN10922 (AES-128 / 2K3DES / 3K3DES CMAC based).</summary>
        public const string An10922 = "AN10922";

        /// <summary>Value of <see cref="RfidIdTagSource"/>.</summary>
        public const string Uid = "Uid";

        /// <summary>Value of <see cref="RfidIdTagSource"/>.</summary>
        public const string File = "File";

        /// <summary>Value of <see cref="RfidDesfireFileCommunication"/>.</summary>
        public const string Plain = "Plain";

        /// <summary>Value of <see cref="RfidDesfireFileCommunication"/>.</summary>
        public const string Maced = "Maced";

        /// <summary>Value of <see cref="RfidDesfireFileCommunication"/>.</summary>
        public const string Enciphered = "Enciphered";

        /// <summary>Largest idTag field read from a file: the OCPP idTag is a CiString20 (CPL-32).</summary>
        public const int MaxFileIdTagLength = 20;

        /// <summary>Longest system identifier, bytes: AN10922 input is at most 31 bytes, 7 UID + 3 AID of them fixed.</summary>
        public const int MaxSystemIdentifierBytes = 21;

        private static readonly string[] Modes = new string[] { Off, Optional, Required };
        private static readonly string[] Diversifications = new string[] { None, An10922 };
        private static readonly string[] Sources = new string[] { Uid, File };
        private static readonly string[] CommunicationModes = new string[] { Plain, Maced, Enciphered };

        /// <summary>Declares the keys.</summary>
        public static void Declare(ConfigurationStore store)
        {
            store.Declare(ConfigKey.Text(RfidCardAuthentication, Off, 8).OneOf(Modes));
            store.Declare(ConfigKey.Text(RfidDesfireApplication, string.Empty, 6).Checked(new HexBytesCheck(3, 3, true)));
            store.Declare(ConfigKey.Integer(RfidDesfireKeyNumber, 1, 0, 13));
            store.Declare(ConfigKey.Text(RfidDesfireKey, string.Empty, DesfireKeyCheck.MaxLength).Checked(DesfireKeyCheck.Instance).AsWriteOnly());
            store.Declare(ConfigKey.Text(RfidDesfireKeyDiversification, None, 7).OneOf(Diversifications));
            store.Declare(ConfigKey.Text(RfidDesfireSystemIdentifier, string.Empty, 2 * MaxSystemIdentifierBytes).Checked(new HexBytesCheck(1, MaxSystemIdentifierBytes, true)));
            store.Declare(ConfigKey.Text(RfidIdTagSource, Uid, 4).OneOf(Sources));
            store.Declare(ConfigKey.Integer(RfidDesfireFileNumber, 0, 0, 31));
            store.Declare(ConfigKey.Integer(RfidDesfireFileOffset, 0, 0, 65535));
            store.Declare(ConfigKey.Integer(RfidDesfireFileLength, MaxFileIdTagLength, 1, MaxFileIdTagLength));
            store.Declare(ConfigKey.Text(RfidDesfireFileCommunication, Enciphered, 10).OneOf(CommunicationModes));
        }

        /// <summary>The configured mode.</summary>
        public static CardAuthenticationMode Mode(ConfigurationStore store)
        {
            string mode = store.Get(RfidCardAuthentication);
            return mode == Required ? CardAuthenticationMode.Required : mode == Optional ? CardAuthenticationMode.Optional : CardAuthenticationMode.Off;
        }
    }
}
