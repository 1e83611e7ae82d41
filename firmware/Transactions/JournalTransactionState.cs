namespace Wallbox.Firmware.Transactions
{
    /// <summary>
    /// The life of one transaction in the journal, as one explicit value. It is rebuilt from the log at boot, so it
    /// survives any reboot.
    /// </summary>
    public enum JournalTransactionState
    {
        /// <summary>The slot is free.</summary>
        Free = 0,

        /// <summary>StartTransaction queued for flash; the slot is taken (it counts towards the 40).</summary>
        Starting = 1,

        /// <summary>StartTransaction on flash; the transaction runs.</summary>
        Open = 2,

        /// <summary>StopTransaction queued for flash.</summary>
        Stopping = 3,

        /// <summary>StopTransaction on flash; the slot frees when the central system has confirmed it.</summary>
        Stopped = 4,
    }
}
