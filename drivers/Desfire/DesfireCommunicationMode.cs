namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// Communication settings of a DESFire file (NXP MF3ICDx81 datasheet, "Communication modes"), which decide how the
    /// data of ReadData is protected on the air. It must match the file's settings on the card.
    /// </summary>
    public enum DesfireCommunicationMode
    {
        /// <summary>Plain (0x00): data in clear; after AuthenticateISO/AES the response still carries an 8-byte CMAC.</summary>
        Plain,

        /// <summary>MACed (0x01): data in clear plus a MAC (4-byte DES MAC after legacy Authenticate, 8-byte CMAC after ISO/AES).</summary>
        Maced,

        /// <summary>Fully enciphered (0x03): data ‖ CRC ‖ padding, enciphered with the session key.</summary>
        Enciphered,
    }
}
