namespace Wallbox.Firmware.Config
{
    /// <summary>Outcome of a configuration change, matching OCPP 1.6 ChangeConfiguration.conf status.</summary>
    public enum ConfigChangeStatus
    {
        /// <summary>Stored and in effect.</summary>
        Accepted = 0,

        /// <summary>Stored; takes effect after a reboot.</summary>
        RebootRequired = 1,

        /// <summary>Not stored: read-only key or invalid value (the reason says which).</summary>
        Rejected = 2,

        /// <summary>Not stored: unknown key.</summary>
        NotSupported = 3,
    }
}
