namespace Wallbox.Firmware.Authorization
{
    /// <summary>Result of a local-list update, as OCPP 1.6 SendLocalList.conf status.</summary>
    public enum LocalListUpdateStatus
    {
        /// <summary>Applied.</summary>
        Accepted = 0,

        /// <summary>Not applied (too many entries, malformed entry); the previous list is kept.</summary>
        Failed = 1,

        /// <summary>Local authorisation lists are disabled.</summary>
        NotSupported = 2,

        /// <summary>A differential update whose version is not newer than the list's; the previous list is kept.</summary>
        VersionMismatch = 3,
    }
}
