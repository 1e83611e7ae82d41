using System;
using System.Threading;
using nanoFramework.Runtime.Native;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// UTC calendar time from the nanoFramework system clock (<c>DateTime.UtcNow</c>), set through
    /// <c>nanoFramework.Runtime.Native.Rtc.SetSystemTime</c>.
    /// </summary>
    /// <remarks>
    /// <para>Validity rule. An ESP32 without a backed-up RTC starts every boot at a default date in the past,
    /// so the clock is invalid until one of these happens (the flag then stays set until the next boot,
    /// because nothing but a reset moves the system clock back to its default):</para>
    /// <list type="number">
    /// <item><see cref="SetUtc"/> succeeds (OCPP BootNotification/Heartbeat currentTime, modem network time).</item>
    /// <item>Only when the board enables it with <c>trustSystemTimeSync</c>: the clock is observed reading a year
    /// at or after <c>minimumPlausibleYear</c>. On the ESP32 only an SNTP synchronisation of the firmware's
    /// network stack (or an earlier <see cref="SetUtc"/>) can move the system clock there, so such a reading is
    /// taken as "set from SNTP". Boards that do not run SNTP leave this off.</item>
    /// </list>
    /// <para>Resolution: <c>Rtc.SetSystemTime</c> passes year…second to the native clock (nanoFramework.Runtime.Native
    /// RTC.cs), so the sub-second part of <see cref="SetUtc"/> is dropped; the error is below one second.</para>
    /// </remarks>
    public sealed class Esp32WallClock : IWallClock
    {
        private readonly bool _trustSystemTimeSync;
        private readonly int _minimumPlausibleYear;
        // 0 or 1, through Interlocked: IsValid and SetUtc may be called from different threads, and nanoFramework
        // has no 'volatile' (its mscorlib lacks the IsVolatile modifier type).
        private int _isValid;

        /// <summary>Creates a wall clock that is invalid until set.</summary>
        /// <param name="trustSystemTimeSync">True when the board runs SNTP and a plausible clock reading may mark the clock valid.</param>
        /// <param name="minimumPlausibleYear">First year considered plausible, at most the year the firmware was built (e.g. 2025).</param>
        public Esp32WallClock(bool trustSystemTimeSync, int minimumPlausibleYear)
        {
            _trustSystemTimeSync = trustSystemTimeSync;
            _minimumPlausibleYear = minimumPlausibleYear;
        }

        /// <inheritdoc />
        public bool IsValid
        {
            get
            {
                if (Interlocked.CompareExchange(ref _isValid, 0, 0) == 1)
                {
                    return true;
                }

                if (_trustSystemTimeSync && DateTime.UtcNow.Year >= _minimumPlausibleYear)
                {
                    Interlocked.Exchange(ref _isValid, 1);
                    return true;
                }

                return false;
            }
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }

        /// <inheritdoc />
        /// <remarks>Only marks the clock valid when the native clock accepted the time.</remarks>
        public void SetUtc(DateTime utc)
        {
            if (Rtc.SetSystemTime(utc))
            {
                Interlocked.Exchange(ref _isValid, 1);
            }
        }
    }
}
