namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// What a <see cref="DesfireCardSession"/> does with a card: which application and key it authenticates with, whether
    /// it reads the real UID and a file. Filled from the configuration (RfidDesfire* keys); <see cref="Validate"/> says
    /// what is wrong in words that never contain the key.
    /// </summary>
    /// <remarks>The key is a secret: this class has no member that prints it, and <see cref="ToString"/> leaves it out.</remarks>
    public sealed class DesfireSessionSettings
    {
        /// <summary>Largest number of bytes a session reads from a file (buffers are sized for it at construction).</summary>
        public const int MaxFileLength = 192;

        /// <summary>Longest AN10922 system identifier for AES-128: the diversification input M is at most 31 bytes, 7 UID + 3 AID.</summary>
        public const int MaxSystemIdentifierLength = 21;

        /// <summary>Longest AN10922 system identifier for 2K3DES and 3K3DES: M is at most 15 bytes, 7 UID + 3 AID.</summary>
        public const int MaxTdeaSystemIdentifierLength = 5;

        /// <summary>Highest application key number (DESFire EV1 applications hold up to 14 keys).</summary>
        public const int MaxKeyNumber = 13;

        /// <summary>Creates settings with no key, AES-128, key 0, no file, no diversification.</summary>
        public DesfireSessionSettings()
        {
            KeyType = DesfireKeyType.Aes128;
            FileNumber = -1;
            DeadlineMs = 2000;
        }

        /// <summary>Application identifier 0x000000..0xFFFFFF as NXP tools write it (most significant first); sent LSB first.</summary>
        public int Aid { get; set; }

        /// <summary>Key number in the application, 0..13.</summary>
        public int KeyNumber { get; set; }

        /// <summary>Type of <see cref="Key"/>.</summary>
        public DesfireKeyType KeyType { get; set; }

        /// <summary>The key (8 bytes DES, 16 bytes 2K3DES or AES-128, 24 bytes 3K3DES); with AN10922 the master key.</summary>
        public byte[] Key { get; set; }

        /// <summary>Which authentication command to use; <see cref="DesfireAuthenticationCommand.Default"/> picks by key type.</summary>
        public DesfireAuthenticationCommand AuthenticationCommand { get; set; }

        /// <summary>Key diversification.</summary>
        public DesfireKeyDiversification Diversification { get; set; }

        /// <summary>AN10922 system identifier appended to UID ‖ AID (may be null or empty).</summary>
        public byte[] SystemIdentifier { get; set; }

        /// <summary>
        /// Read the real UID with GetCardUID after authentication. Done anyway when the anticollision UID is random
        /// (4 bytes starting with 0x08).
        /// </summary>
        public bool ReadCardUid { get; set; }

        /// <summary>File to read after authentication, 0..31, or -1 for none.</summary>
        public int FileNumber { get; set; }

        /// <summary>Offset in the file, bytes (0..0xFFFFFF).</summary>
        public int FileOffset { get; set; }

        /// <summary>Bytes to read, 1..<see cref="MaxFileLength"/>.</summary>
        public int FileLength { get; set; }

        /// <summary>Communication mode of the file (must match the card's file settings).</summary>
        public DesfireCommunicationMode FileCommunicationMode { get; set; }

        /// <summary>Time the whole session may take, milliseconds (default 2000).</summary>
        public int DeadlineMs { get; set; }

        /// <summary>The authentication command actually used (resolves <see cref="DesfireAuthenticationCommand.Default"/>).</summary>
        public DesfireAuthenticationCommand EffectiveAuthenticationCommand
        {
            get
            {
                if (AuthenticationCommand != DesfireAuthenticationCommand.Default)
                {
                    return AuthenticationCommand;
                }

                return KeyType == DesfireKeyType.Aes128 ? DesfireAuthenticationCommand.Aes : DesfireAuthenticationCommand.Iso;
            }
        }

        /// <summary>Key length of a type, bytes.</summary>
        public static int KeyLengthOf(DesfireKeyType type)
        {
            switch (type)
            {
                case DesfireKeyType.Des: return 8;
                case DesfireKeyType.ThreeKeyTripleDes: return 24;
                default: return 16;
            }
        }

        /// <summary>Null when the settings are usable, else what is wrong (never quoting the key).</summary>
        public string Validate()
        {
            if (Aid < 0 || Aid > 0xFFFFFF)
            {
                return "application identifier must be 0x000000..0xFFFFFF";
            }

            if (KeyNumber < 0 || KeyNumber > MaxKeyNumber)
            {
                return "key number must be 0..13";
            }

            if (Key == null || Key.Length == 0)
            {
                return "no key configured";
            }

            if (Key.Length != KeyLengthOf(KeyType))
            {
                return "key length does not match the key type (DES 8, 2K3DES 16, 3K3DES 24, AES-128 16 bytes)";
            }

            DesfireAuthenticationCommand command = EffectiveAuthenticationCommand;
            if (KeyType == DesfireKeyType.Aes128 && command != DesfireAuthenticationCommand.Aes)
            {
                return "AES-128 keys authenticate with AuthenticateAES (0xAA) only";
            }

            if (KeyType != DesfireKeyType.Aes128 && command == DesfireAuthenticationCommand.Aes)
            {
                return "AuthenticateAES (0xAA) needs an AES-128 key";
            }

            if (KeyType == DesfireKeyType.ThreeKeyTripleDes && command == DesfireAuthenticationCommand.Legacy)
            {
                return "3K3DES keys authenticate with AuthenticateISO (0x1A) only";
            }

            if (Diversification == DesfireKeyDiversification.An10922)
            {
                if (KeyType == DesfireKeyType.Des)
                {
                    return "AN10922 defines no diversification of single DES keys (use 2K3DES, 3K3DES or AES-128)";
                }

                if (SystemIdentifier != null && SystemIdentifier.Length > MaxSystemIdentifierLength)
                {
                    return "system identifier longer than 21 bytes (AN10922 input is at most 31 bytes)";
                }

                if (KeyType != DesfireKeyType.Aes128 && SystemIdentifier != null && SystemIdentifier.Length > MaxTdeaSystemIdentifierLength)
                {
                    return "system identifier longer than 5 bytes (AN10922 input for 2K3DES/3K3DES keys is at most 15 bytes)";
                }
            }

            if (FileNumber < -1 || FileNumber > 31)
            {
                return "file number must be 0..31, or -1 for none";
            }

            if (FileNumber >= 0)
            {
                if (FileOffset < 0 || FileOffset > 0xFFFFFF)
                {
                    return "file offset must be 0..0xFFFFFF";
                }

                if (FileLength < 1 || FileLength > MaxFileLength)
                {
                    return "file length must be 1..192 bytes";
                }
            }

            if (DeadlineMs < 1)
            {
                return "deadline must be positive";
            }

            return null;
        }

        /// <summary>A description without the key, safe to log.</summary>
        public override string ToString()
        {
            string text = "DESFire AID " + Aid.ToString("X6") + ", key " + KeyNumber.ToString() + " (" + KeyTypeName(KeyType)
                + (Diversification == DesfireKeyDiversification.An10922 ? ", AN10922-diversified" : string.Empty) + ")";
            if (FileNumber >= 0)
            {
                text += ", file " + FileNumber.ToString() + " @" + FileOffset.ToString() + "+" + FileLength.ToString();
            }

            return text;
        }

        private static string KeyTypeName(DesfireKeyType type)
        {
            switch (type)
            {
                case DesfireKeyType.Des: return "DES";
                case DesfireKeyType.TwoKeyTripleDes: return "2K3DES";
                case DesfireKeyType.ThreeKeyTripleDes: return "3K3DES";
                default: return "AES-128";
            }
        }
    }
}
