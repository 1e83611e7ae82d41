namespace Wallbox.Drivers.Desfire
{
    /// <summary>Which of the three DESFire EV1 authentication commands is used.</summary>
    public enum DesfireAuthenticationCommand
    {
        /// <summary>
        /// Chosen by key type: AES-128 → AuthenticateAES (0xAA); 3K3DES, 2K3DES and DES → AuthenticateISO (0x1A), because
        /// its EV1 secure messaging MACs every plain response (a legacy session does not).
        /// </summary>
        Default,

        /// <summary>Authenticate 0x0A (DES/2K3DES only): the DESFire (D40) legacy scheme, for cards that need it.</summary>
        Legacy,

        /// <summary>AuthenticateISO 0x1A (DES, 2K3DES, 3K3DES).</summary>
        Iso,

        /// <summary>AuthenticateAES 0xAA (AES-128).</summary>
        Aes,
    }
}
