using Wallbox.Firmware.Ocpp.Status;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// Whether the RFID reader works (issue 8 item 5; docs/rfid.md): the driver reports each poll or self-check
    /// (ok: the chip answered, with or without a card; not ok: no answer, bad version register, SPI error). After
    /// <see cref="FailuresToFail"/> consecutive failures the reader counts as failed, which reaches the central system
    /// as StatusNotification errorCode ReaderFailure through <see cref="PeripheralHealth.ReaderFailed"/>; one good
    /// report recovers it. A single failure does not: one disturbed SPI transfer is not a broken reader.
    /// </summary>
    public sealed class ReaderHealth
    {
        /// <summary>Default consecutive failures that make the reader failed.</summary>
        public const int DefaultFailuresToFail = 3;

        /// <summary>Creates the watch with <see cref="DefaultFailuresToFail"/>.</summary>
        public ReaderHealth()
            : this(DefaultFailuresToFail)
        {
        }

        /// <summary>Creates the watch; <paramref name="failuresToFail"/> is at least 1.</summary>
        public ReaderHealth(int failuresToFail)
        {
            FailuresToFail = failuresToFail < 1 ? 1 : failuresToFail;
        }

        /// <summary>Consecutive failures that make the reader failed.</summary>
        public int FailuresToFail { get; private set; }

        /// <summary>Failures since the last good report.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>The reader counts as failed (OCPP ReaderFailure).</summary>
        public bool Failed { get; private set; }

        /// <summary>Monotonic time the reader became failed, milliseconds (valid while <see cref="Failed"/>).</summary>
        public long FailedSinceMs { get; private set; }

        /// <summary>Times the reader became failed since boot.</summary>
        public int FailureCount { get; private set; }

        /// <summary>The driver's result of one poll or check.</summary>
        public void Report(bool ok, long nowMs)
        {
            if (ok)
            {
                ConsecutiveFailures = 0;
                Failed = false;
                return;
            }

            if (ConsecutiveFailures < FailuresToFail)
            {
                ConsecutiveFailures++;
            }

            if (!Failed && ConsecutiveFailures >= FailuresToFail)
            {
                Failed = true;
                FailedSinceMs = nowMs;
                FailureCount++;
            }
        }

        /// <summary>Copies the state into <paramref name="health"/> for the StatusNotification service.</summary>
        public void Publish(PeripheralHealth health)
        {
            health.ReaderFailed = Failed;
        }
    }
}
