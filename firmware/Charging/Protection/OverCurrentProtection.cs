namespace Wallbox.Firmware.Charging.Protection
{
    /// <summary>
    /// Over-current protection of CPH-80/CPH-72: a phase current at or above 1.25 × the offered current that lasts
    /// the trip delay opens the contactor; charging retries after a pause, at most three times per session; the
    /// next trip locks the wallbox out until a power cycle of at least one minute.
    /// </summary>
    /// <remarks>
    /// CPH-80 asks to stop "in less than 10 s" and not to stop when the overload is "corrected within 10 s". The
    /// two overlap for an overload corrected between the trip delay and 10 s; the safety rule wins, so the delay
    /// is just under 10 s. It is also longer than the 5 s an EV has to follow a lower duty cycle
    /// (<see cref="IecTimings.EvCurrentAdaptationMs"/>), so an EV that is still adapting is never tripped.
    /// </remarks>
    public sealed class OverCurrentProtection
    {
        /// <summary>Trip ratio numerator: 1.25 = 5 / 4 (CPH-72 "1,25 fois le courant maximal").</summary>
        public const int TripRatioNumerator = 5;

        /// <summary>Trip ratio denominator.</summary>
        public const int TripRatioDenominator = 4;

        /// <summary>How long the over-current must last, milliseconds (CPH-80: &lt; 10 s).</summary>
        public const int TripDelayMs = 9000;

        /// <summary>Pause before the automatic retry, milliseconds (CPH-80 "après quelques secondes"; our choice).</summary>
        public const int RetryDelayMs = 5000;

        /// <summary>Automatic retries per session (CPH-80 "peut se produire trois fois").</summary>
        public const int MaxRetries = 3;

        /// <summary>Readings older than this are not used, milliseconds (a silent meter is a meter fault, not an over-current).</summary>
        public const int MeasurementMaxAgeMs = 5000;

        private long _overSinceMs = -1;
        private long _tripAtMs;
        private int _tripsThisSession;

        /// <summary>True while waiting for the retry after a trip (fault <c>OverCurrent</c>).</summary>
        public bool IsTripped { get; private set; }

        /// <summary>True after the trip that follows the last retry (fault <c>OverCurrentLockout</c>).</summary>
        public bool IsLockedOut { get; private set; }

        /// <summary>Trips since construction.</summary>
        public int TripCount { get; private set; }

        /// <summary>
        /// Feeds one tick. <paramref name="referenceMa"/> is the current the EV was offered (the last PWM offer);
        /// <paramref name="energized"/> is false while the contactor is open (no current can flow).
        /// </summary>
        public void Update(long nowMs, bool energized, int referenceMa, bool haveMeasurement, int measuredMa)
        {
            if (IsTripped && nowMs - _tripAtMs >= RetryDelayMs)
            {
                IsTripped = false;
            }

            bool over = energized && haveMeasurement && referenceMa > 0
                && (long)measuredMa * TripRatioDenominator >= (long)referenceMa * TripRatioNumerator;
            if (!over)
            {
                _overSinceMs = -1;
                return;
            }

            if (_overSinceMs < 0)
            {
                _overSinceMs = nowMs;
            }

            if (nowMs - _overSinceMs >= TripDelayMs && !IsTripped && !IsLockedOut)
            {
                _overSinceMs = -1;
                TripCount++;
                _tripsThisSession++;
                _tripAtMs = nowMs;
                if (_tripsThisSession > MaxRetries)
                {
                    IsLockedOut = true;
                }
                else
                {
                    IsTripped = true;
                }
            }
        }

        /// <summary>A new session starts (EV unplugged): the retry count starts again. The lockout stays.</summary>
        public void StartNewSession()
        {
            _tripsThisSession = 0;
        }

        /// <summary>Restores a lockout persisted before a reboot.</summary>
        public void RestoreLockout()
        {
            IsLockedOut = true;
        }

        /// <summary>Ends the lockout (power cycle of at least one minute, or service).</summary>
        public void ClearLockout()
        {
            IsLockedOut = false;
            _tripsThisSession = 0;
        }
    }
}
