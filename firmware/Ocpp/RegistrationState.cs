namespace Wallbox.Firmware.Ocpp
{
    /// <summary>Where this boot stands with the central system (OCPP 1.6 §4.2 BootNotification.conf status).</summary>
    public enum RegistrationState
    {
        /// <summary>No answer to a BootNotification yet in this boot.</summary>
        Unknown = 0,

        /// <summary>The central system is not ready: retry after its interval; it may send CALLs meanwhile.</summary>
        Pending = 1,

        /// <summary>Accepted: every message may be sent.</summary>
        Accepted = 2,

        /// <summary>Rejected: nothing but a BootNotification after the interval (CPL-22: start no online transactions).</summary>
        Rejected = 3,
    }
}
