namespace Wallbox.Hal
{
    /// <summary>Severity of a log entry.</summary>
    public enum LogLevel
    {
        /// <summary>Detail for development.</summary>
        Debug = 0,

        /// <summary>Normal operation worth recording (session start, connection up).</summary>
        Info = 1,

        /// <summary>Something unexpected that the firmware handled (retry, overrun).</summary>
        Warning = 2,

        /// <summary>A fault (safety reaction, lost peripheral).</summary>
        Error = 3,
    }
}
