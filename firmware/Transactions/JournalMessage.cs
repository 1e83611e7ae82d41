namespace Wallbox.Firmware.Transactions
{
    /// <summary>
    /// One transaction message read back from the journal for sending. A single instance is reused; its fields are
    /// valid while <see cref="TransactionJournal.IsHeadReady"/> is true.
    /// </summary>
    public sealed class JournalMessage
    {
        /// <summary>Creates an empty message with room for <paramref name="maxSampleBytes"/> of meter samples.</summary>
        public JournalMessage(int maxSampleBytes)
        {
            Samples = new byte[maxSampleBytes];
        }

        /// <summary>What the message is.</summary>
        public JournalMessageKind Kind;

        /// <summary>Journal identifier of the message (confirmations refer to it).</summary>
        public uint MessageId;

        /// <summary>The firmware's number for the transaction (never reused).</summary>
        public int LocalTransactionId;

        /// <summary>The central system's transactionId, 0 until StartTransaction was confirmed.</summary>
        public int TransactionId;

        /// <summary>Connector (Start).</summary>
        public int ConnectorId;

        /// <summary>idTag of the Start, or of the Stop (may be null for a Stop).</summary>
        public string IdTag;

        /// <summary>Energy register, watt-hours: meterStart of a Start, meterStop of a Stop.</summary>
        public long MeterWh;

        /// <summary>Original time of the event, Unix milliseconds (0 when the wall clock was not valid).</summary>
        public long TimestampUnixMs;

        /// <summary>Reservation of a Start, -1 for none.</summary>
        public int ReservationId;

        /// <summary>Reading context of a MeterValues message (the metering service's code).</summary>
        public byte Context;

        /// <summary>Stop reason (the charging layer's code).</summary>
        public byte Reason;

        /// <summary>Meter samples of a MeterValues message, encoded by the metering service.</summary>
        public byte[] Samples;

        /// <summary>Bytes of <see cref="Samples"/> in use.</summary>
        public int SampleLength;

        /// <summary>MeterValues dropped because the transaction reached its per-transaction cap (reported with the Stop).</summary>
        public int DroppedSamples;
    }
}
