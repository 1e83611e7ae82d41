namespace Wallbox.Hal
{
    /// <summary>
    /// Persistent files (ESP32: LittleFS on the internal <c>I:</c> partition, 256 KiB on a 4 MB module).
    /// Flash writes and erases block for milliseconds to hundreds of milliseconds, so every operation runs
    /// on a HAL-owned worker; the loop submits <see cref="FileJob"/>s and polls them.
    /// </summary>
    /// <remarks>
    /// Commit rule: each job opens, acts, flushes and closes its file. When a write, append, delete or
    /// rename job reports <see cref="FileJobState.Succeeded"/>, its effect is on flash. A power loss before
    /// that leaves the file as it was, or — for a write or append — with any prefix of the new bytes
    /// (a torn write). Code above this interface must detect torn data (CRC) and never trust it.
    /// Jobs are executed one at a time, in submission order.
    /// </remarks>
    public interface IFileStore
    {
        /// <summary>Maximum number of jobs queued or running at once.</summary>
        int QueueCapacity { get; }

        /// <summary>Size of the partition in bytes.</summary>
        long CapacityBytes { get; }

        /// <summary>Root directory of the partition, e.g. <c>I:\</c> on the ESP32.</summary>
        string Root { get; }

        /// <summary>
        /// Hands a prepared, idle job to the worker. Returns false, leaving the job untouched, when the
        /// queue is full or the job is already queued; the caller retries on a later tick.
        /// </summary>
        bool TrySubmit(FileJob job);
    }
}
