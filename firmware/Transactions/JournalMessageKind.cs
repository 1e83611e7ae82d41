namespace Wallbox.Firmware.Transactions
{
    /// <summary>Transaction messages kept in the journal, in the order they must reach the central system.</summary>
    public enum JournalMessageKind
    {
        /// <summary>StartTransaction.</summary>
        Start = 1,

        /// <summary>MeterValues during a transaction.</summary>
        MeterValues = 2,

        /// <summary>StopTransaction.</summary>
        Stop = 3,
    }
}
