namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// Order in the outgoing queue (higher first, first-in first-out within a priority) and who gives way when it
    /// is full: a call of lower priority is evicted for a higher one; a <see cref="Transaction"/> call is never
    /// evicted.
    /// </summary>
    public enum OcppCallPriority
    {
        /// <summary>May be evicted by any other call (Heartbeat, periodic MeterValues outside transactions).</summary>
        Low = 0,

        /// <summary>StatusNotification, Authorize, notifications of firmware and diagnostics.</summary>
        Normal = 1,

        /// <summary>
        /// StartTransaction, StopTransaction and transaction MeterValues (OCPP 1.6 §4.7 "transaction-related
        /// messages"): never evicted; the transaction journal keeps them until confirmed anyway.
        /// </summary>
        Transaction = 2,

        /// <summary>BootNotification: the central system must see it before anything else.</summary>
        Boot = 3,
    }
}
