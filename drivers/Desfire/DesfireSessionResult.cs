namespace Wallbox.Drivers.Desfire
{
    /// <summary>Outcome of a <see cref="DesfireCardSession"/>.</summary>
    public enum DesfireSessionResult
    {
        /// <summary>Not finished yet.</summary>
        None,

        /// <summary>The card proved knowledge of the key; UID and file data (when configured) are valid.</summary>
        Authenticated,

        /// <summary>GetVersion failed or named another product (vendor not NXP 0x04 or type not DESFire 0x01).</summary>
        NotDesfire,

        /// <summary>The configured application is not on the card (0xA0).</summary>
        ApplicationNotFound,

        /// <summary>
        /// The card does not know the key (0xAE, or its proof of RndA did not match), or the key number does not exist
        /// (0x40): a clone or a foreign card.
        /// </summary>
        AuthenticationFailed,

        /// <summary>A MAC, CMAC or CRC of the card's answer did not verify, or the card reported 0x1E: tampered or garbled data.</summary>
        IntegrityError,

        /// <summary>The card refused the command with the access rights of the key (0x9D).</summary>
        PermissionDenied,

        /// <summary>The configured file does not exist (0xF0).</summary>
        FileNotFound,

        /// <summary>The configured offset and length lie beyond the file (0xBE).</summary>
        BoundaryError,

        /// <summary>Any other error status from the card (see the status code).</summary>
        CardError,

        /// <summary>Key diversification needs the card's real UID, but the card hides it (random UID) before authentication.</summary>
        UidUnavailable,

        /// <summary>The transport failed (no answer, transmission errors, card left the field).</summary>
        CommunicationError,

        /// <summary>The card's answer had an unexpected length or form.</summary>
        ProtocolError,

        /// <summary>The session did not finish before its deadline.</summary>
        Timeout,

        /// <summary>The settings are invalid (see <see cref="DesfireSessionSettings.Validate"/>).</summary>
        InvalidSettings,
    }
}
