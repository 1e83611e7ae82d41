namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// Native command codes of MIFARE DESFire EV1 (NXP MF3ICDx81 datasheet, "Command set"; the same bytes are the INS of
    /// the ISO/IEC 7816-4 wrapped form <c>90 INS 00 00 Lc data 00</c>, which this driver does not use: commands travel
    /// natively in the ISO/IEC 14443-4 INF field).
    /// </summary>
    public static class DesfireCommandCode
    {
        /// <summary>Authenticate (legacy, DES/2K3DES, "native" D40 scheme with decipher-send).</summary>
        public const byte Authenticate = 0x0A;

        /// <summary>AuthenticateISO (2K3DES/3K3DES, CBC with IV chaining, EV1 secure messaging).</summary>
        public const byte AuthenticateIso = 0x1A;

        /// <summary>AuthenticateAES (AES-128, EV1 secure messaging).</summary>
        public const byte AuthenticateAes = 0xAA;

        /// <summary>GetCardUID: the real 7-byte UID, enciphered; needs an authentication.</summary>
        public const byte GetCardUid = 0x51;

        /// <summary>SelectApplication with a 3-byte AID, least significant byte first.</summary>
        public const byte SelectApplication = 0x5A;

        /// <summary>GetVersion: hardware, software and production data in three frames.</summary>
        public const byte GetVersion = 0x60;

        /// <summary>GetApplicationIDs.</summary>
        public const byte GetApplicationIds = 0x6A;

        /// <summary>ReadData from a standard or backup data file.</summary>
        public const byte ReadData = 0xBD;

        /// <summary>AdditionalFrame: asks for the next frame of a response (the card answered status 0xAF).</summary>
        public const byte AdditionalFrame = 0xAF;
    }
}
