using Wallbox.Hal;

namespace Wallbox.Firmware.Storage
{
    /// <summary>
    /// Attempts again a load read that failed with an I/O error, after a pause. A read error may be transient (a
    /// flaky bus at power-up); taking it for missing or corrupt data would boot an older copy or drop records. A
    /// missing file is an answer, not an error, and is never retried.
    /// </summary>
    public sealed class ReadRetry
    {
        private readonly int _maxAttempts;
        private readonly int _delayMs;
        private int _attempts;
        private long _nextAttemptAtMs;

        /// <summary>Makes at most <paramref name="maxAttempts"/> attempts per read, <paramref name="delayMs"/> apart.</summary>
        public ReadRetry(int maxAttempts, int delayMs)
        {
            _maxAttempts = maxAttempts;
            _delayMs = delayMs;
        }

        /// <summary>Reads attempted again since construction.</summary>
        public int RetryCount { get; private set; }

        /// <summary>True when the pause before the next attempt has passed.</summary>
        public bool MayAttempt(long nowMs)
        {
            return nowMs - _nextAttemptAtMs >= 0;
        }

        /// <summary>
        /// Called with a finished read job: true when it failed with an I/O error and should be submitted again
        /// (the caller releases the job and goes back to submitting); false when its outcome stands — success, not
        /// found, or the last attempt (unless <paramref name="forever"/>).
        /// </summary>
        public bool ShouldRetry(FileJob job, long nowMs, bool forever)
        {
            bool failed = job.State != FileJobState.Succeeded && job.Error != FileError.NotFound;
            if (!failed || (!forever && _attempts + 1 >= _maxAttempts))
            {
                _attempts = 0;
                return false;
            }

            _attempts++;
            RetryCount++;
            _nextAttemptAtMs = nowMs + _delayMs;
            return true;
        }
    }
}
