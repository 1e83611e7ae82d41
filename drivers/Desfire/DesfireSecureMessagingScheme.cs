namespace Wallbox.Drivers.Desfire
{
    /// <summary>How commands and responses are protected after an authentication.</summary>
    public enum DesfireSecureMessagingScheme
    {
        /// <summary>Not authenticated: nothing is protected.</summary>
        None,

        /// <summary>
        /// After Authenticate 0x0A (DESFire D40 compatible): IV zero for every cryptogram, 4-byte DES/TDEA CBC-MAC on MACed
        /// data, CRC16 in enciphered data, plain data unprotected.
        /// </summary>
        Legacy,

        /// <summary>
        /// After AuthenticateISO 0x1A or AuthenticateAES 0xAA: one IV chained through every command and response, a CMAC
        /// over each command and over each response (8 bytes transmitted), CRC32 in enciphered data.
        /// </summary>
        Ev1,
    }
}
