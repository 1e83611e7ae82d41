namespace Wallbox.Drivers.Desfire
{
    /// <summary>Key types of MIFARE DESFire EV1 (NXP MF3ICDx81 datasheet, "Keys").</summary>
    public enum DesfireKeyType
    {
        /// <summary>Single DES, 8 bytes (on the card a 2K3DES key whose two halves are equal).</summary>
        Des,

        /// <summary>Two-key triple DES (TDEA keying option 2), 16 bytes.</summary>
        TwoKeyTripleDes,

        /// <summary>Three-key triple DES (TDEA keying option 1), 24 bytes.</summary>
        ThreeKeyTripleDes,

        /// <summary>AES-128, 16 bytes.</summary>
        Aes128,
    }
}
