using System;

namespace Wallbox.Hal
{
    /// <summary>
    /// Calendar time in UTC. After a power cut the ESP32 has no battery-backed RTC, so the clock is
    /// not trustworthy until something sets it (OCPP BootNotification/Heartbeat currentTime, SNTP, the
    /// modem's network time). <see cref="IsValid"/> says whether that has happened since boot.
    /// Timestamps taken while invalid must be flagged, never silently billed.
    /// </summary>
    public interface IWallClock
    {
        /// <summary>True once the clock has been set from a trusted source since boot.</summary>
        bool IsValid { get; }

        /// <summary>Current UTC time (meaningless when <see cref="IsValid"/> is false).</summary>
        DateTime UtcNow { get; }

        /// <summary>Sets the clock and marks it valid. Does not move the monotonic clock.</summary>
        void SetUtc(DateTime utc);
    }
}
