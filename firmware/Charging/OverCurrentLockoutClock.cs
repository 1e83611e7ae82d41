using System;
using Wallbox.Hal;

namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// Decides whether a persisted over-current lockout was ended by a power cycle of at least one minute
    /// (CPH-80: "couper le disjoncteur ... attendre 1 minute"). The ESP32 keeps no time without power, so the
    /// off time is bounded from wall-clock stamps: while locked out, "still locked out at T" is saved every
    /// <see cref="AliveIntervalS"/>; after a reboot, once the wall clock is valid again, the boot time is known,
    /// and the supply was off for at least (boot − last stamp − interval − boot margin). Without a valid wall
    /// clock on both sides the lockout stays: the conservative answer.
    /// </summary>
    /// <remarks>
    /// "Boot" is when this firmware instance started ticking, a little after the supply returned (the runtime's
    /// own start-up); <see cref="BootMarginS"/> keeps that delay from being counted as time without power.
    /// </remarks>
    public sealed class OverCurrentLockoutClock
    {
        /// <summary>Shortest power cycle that ends the lockout, seconds (CPH-80).</summary>
        public const int RequiredOffTimeS = 60;

        /// <summary>Interval of the "still locked out" stamps, seconds. Our choice: bounded flash wear, 15 s uncertainty.</summary>
        public const int AliveIntervalS = 15;

        /// <summary>Upper bound of the time from power-on to the firmware's first tick, seconds. Our choice (nanoFramework boots in 2–5 s).</summary>
        public const int BootMarginS = 10;

        private long _lastStampSavedMs = long.MinValue;
        private bool _checkPending;
        private long _persistedStampUnixS;
        private long _bootMs;

        /// <summary>The stamp to persist (Unix seconds, 0 = unknown).</summary>
        public long StampUnixS { get; private set; }

        /// <summary>
        /// Called at boot with the persisted stamp of a lockout that was active before the reboot;
        /// <paramref name="bootMs"/> is the monotonic time of the firmware's first tick.
        /// </summary>
        public void RestoreAfterBoot(long persistedStampUnixS, long bootMs)
        {
            _bootMs = bootMs;
            _persistedStampUnixS = persistedStampUnixS;
            StampUnixS = persistedStampUnixS;
            _checkPending = true;
        }

        /// <summary>
        /// Returns true once, when the wall clock proves the supply was off for at least a minute before this boot.
        /// </summary>
        public bool PowerCycleEndedLockout(long nowMs, IWallClock wall)
        {
            if (!_checkPending || !wall.IsValid)
            {
                return false;
            }

            _checkPending = false;
            if (_persistedStampUnixS <= 0)
            {
                return false;
            }

            long bootUnixS = ToUnixSeconds(wall.UtcNow) - (nowMs - _bootMs) / 1000;
            return bootUnixS - _persistedStampUnixS - AliveIntervalS - BootMarginS >= RequiredOffTimeS;
        }

        /// <summary>
        /// While locked out, returns true when a new stamp is due (and sets <see cref="StampUnixS"/>); the caller
        /// persists it. Never while the after-boot check is still pending, so the old stamp is not overwritten first.
        /// </summary>
        public bool StampDue(long nowMs, IWallClock wall)
        {
            if (_checkPending || !wall.IsValid)
            {
                return false;
            }

            if (_lastStampSavedMs != long.MinValue && nowMs - _lastStampSavedMs < AliveIntervalS * 1000L)
            {
                return false;
            }

            _lastStampSavedMs = nowMs;
            StampUnixS = ToUnixSeconds(wall.UtcNow);
            return true;
        }

        /// <summary>The lockout ended: forget the stamps.</summary>
        public void Reset()
        {
            _checkPending = false;
            _persistedStampUnixS = 0;
            StampUnixS = 0;
            _lastStampSavedMs = long.MinValue;
        }

        private static long ToUnixSeconds(DateTime utc)
        {
            return Runtime.UnixTime.ToUnixMs(utc) / 1000;
        }
    }
}
