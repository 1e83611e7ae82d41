namespace Wallbox.Firmware.Charging.Protection
{
    /// <summary>
    /// Recovery policy for trips of the 6 mA DC RCD module (CPH-61/62/64/85): the first trip of a session clears
    /// itself 10 s after the module stops signalling (CPH-62 "le défaut sera effacé dans 10 secondes"); a second
    /// trip in the same session latches until the EV is unplugged (CPH-64 "débranchez le véhicule"). The contactor
    /// reaction itself is immediate and is the controller's.
    /// </summary>
    public sealed class RcdProtection
    {
        /// <summary>Quiet time after a first trip before charging may resume, milliseconds (CPH-62).</summary>
        public const int RecoveryDelayMs = 10000;

        private bool _wasTripped;
        private long _quietSinceMs = -1;
        private int _tripsThisSession;

        /// <summary>True while a first trip is recovering (fault <c>ResidualCurrent</c>).</summary>
        public bool IsRecovering { get; private set; }

        /// <summary>True after a repeated trip until the EV is unplugged (fault <c>ResidualCurrentRepeated</c>).</summary>
        public bool IsLatched { get; private set; }

        /// <summary>True in the tick a trip starts; the controller then requires a new RCD self-test.</summary>
        public bool TripStarted { get; private set; }

        /// <summary>Trips since construction.</summary>
        public int TripCount { get; private set; }

        /// <summary>Feeds one tick: whether the module signals a trip, and whether an EV is plugged in.</summary>
        public void Update(long nowMs, bool tripped, bool evPlugged)
        {
            TripStarted = tripped && !_wasTripped;
            _wasTripped = tripped;
            if (TripStarted)
            {
                TripCount++;
                _tripsThisSession++;
                if (_tripsThisSession == 1)
                {
                    IsRecovering = true;
                }
                else
                {
                    IsRecovering = false;
                    IsLatched = true;
                }
            }

            if (tripped)
            {
                _quietSinceMs = -1;
            }
            else
            {
                if (_quietSinceMs < 0)
                {
                    // The first tick that reads the module quiet starts the 10 s (never earlier than seen).
                    _quietSinceMs = nowMs;
                }

                if (IsRecovering && nowMs - _quietSinceMs >= RecoveryDelayMs)
                {
                    IsRecovering = false;
                }
            }

            if (!evPlugged && !tripped)
            {
                // A new plug-in is a new session: the latch of CPH-64 ends here, the count starts again.
                IsLatched = false;
                _tripsThisSession = IsRecovering ? 1 : 0;
            }
        }
    }
}
