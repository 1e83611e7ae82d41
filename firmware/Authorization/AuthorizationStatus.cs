namespace Wallbox.Firmware.Authorization
{
    /// <summary>Status of an idTag, as in OCPP 1.6 IdTagInfo.status.</summary>
    public enum AuthorizationStatus
    {
        /// <summary>Allowed to charge.</summary>
        Accepted = 0,

        /// <summary>Blocked by the operator.</summary>
        Blocked = 1,

        /// <summary>Past its expiry date.</summary>
        Expired = 2,

        /// <summary>Unknown or not valid.</summary>
        Invalid = 3,

        /// <summary>Already used in another transaction.</summary>
        ConcurrentTx = 4,
    }
}
