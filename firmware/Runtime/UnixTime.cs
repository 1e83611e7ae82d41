using System;

namespace Wallbox.Firmware.Runtime
{
    /// <summary>Conversions between calendar time (UTC <see cref="DateTime"/>) and Unix milliseconds, the form OCPP timestamps take here.</summary>
    public static class UnixTime
    {
        /// <summary>Ticks of 1970-01-01T00:00:00Z.</summary>
        public const long EpochTicks = 621355968000000000L;

        /// <summary>Unix milliseconds of <paramref name="utc"/>.</summary>
        public static long ToUnixMs(DateTime utc)
        {
            return (utc.Ticks - EpochTicks) / TimeSpan.TicksPerMillisecond;
        }

        /// <summary>The UTC time of <paramref name="unixMs"/>.</summary>
        public static DateTime FromUnixMs(long unixMs)
        {
            return new DateTime(EpochTicks + unixMs * TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        }
    }
}
