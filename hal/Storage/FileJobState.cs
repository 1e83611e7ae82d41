namespace Wallbox.Hal
{
    /// <summary>Life of a <see cref="FileJob"/>.</summary>
    public enum FileJobState
    {
        /// <summary>Not submitted, or finished and read by its owner; may be prepared again.</summary>
        Idle = 0,

        /// <summary>Accepted by the store, waiting for the worker.</summary>
        Queued = 1,

        /// <summary>The worker is executing it.</summary>
        Running = 2,

        /// <summary>Finished; the effect is durable (it survives a power loss).</summary>
        Succeeded = 3,

        /// <summary>Finished with <see cref="FileJob.Error"/> set; nothing may be assumed about a partial write.</summary>
        Failed = 4,
    }
}
