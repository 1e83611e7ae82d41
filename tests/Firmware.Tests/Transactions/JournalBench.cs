using System.Collections.Generic;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Transactions;

/// <summary>A journal on a simulated flash, pumped in virtual time, with a scripted central system that confirms in order.</summary>
internal sealed class JournalBench
{
    public const string Directory = @"I:\tx\";

    private readonly VirtualClock _clock = new VirtualClock();
    private int _nextCsmsTransactionId = 1000;

    public JournalBench(SimulatedFileStore store = null)
    {
        Store = store ?? new SimulatedFileStore();
        Journal = new TransactionJournal(Store, Directory);
        Journal.StartLoad();
        Pump(500);
    }

    public SimulatedFileStore Store { get; }

    public TransactionJournal Journal { get; }

    public List<string> Sent { get; } = new List<string>();

    public void Pump(int ms = 50)
    {
        for (int i = 0; i < ms; i++)
        {
            _clock.AdvanceMs(1);
            Store.Advance(_clock.NowUs);
            Journal.Tick(_clock.NowMs);
            Journal.PollHead();
        }
    }

    public int Begin(string idTag, long meterStartWh = 1000, long timestamp = 1_700_000_000_000)
    {
        Assert.True(Journal.TryBeginTransaction(1, idTag, meterStartWh, timestamp, -1, out int localId, out string refusal), refusal);
        Assert.True(PumpUntil(() => Journal.IsStartDurable(localId)), "start not durable");
        return localId;
    }

    public void Sample(int localId, byte value)
    {
        Assert.True(Journal.TryAddMeterValues(localId, 1_700_000_060_000 + value, 1, new byte[] { value, value, value }, 0, 3));
        Pump();
    }

    public void End(int localId, long meterStopWh = 2000, byte reason = 1)
    {
        Assert.True(Journal.TryEndTransaction(localId, meterStopWh, 1_700_000_600_000, reason, null));
        Pump();
    }

    /// <summary>Pumps until <paramref name="condition"/> holds (a compaction can delay appends by a few hundred ms).</summary>
    public bool PumpUntil(System.Func<bool> condition, int maxMs = 5000)
    {
        for (int i = 0; i < maxMs && !condition(); i++)
        {
            Pump(1);
        }

        return condition();
    }

    /// <summary>Sends and confirms up to <paramref name="max"/> messages, then flushes; returns what was sent.</summary>
    public List<string> Deliver(int max = int.MaxValue)
    {
        var delivered = new List<string>();
        for (int i = 0; i < max && Journal.HasPendingMessage; i++)
        {
            delivered.Add(ConfirmNext());
        }

        // The bench's central system is done: write the deferred confirmations now, as an orderly stop would.
        Journal.Flush();
        Assert.True(PumpUntil(() => Journal.IsFlushed && Journal.UnflushedConfirmationCount == 0), "confirmations not durable");
        return delivered;
    }

    /// <summary>Sends the oldest message and queues its confirmation (which may wait to be written); returns what was sent.</summary>
    public string ConfirmNext()
    {
        Assert.True(Journal.TryFetchHead());
        Assert.True(PumpUntil(() => Journal.IsHeadReady), "head not read back");
        JournalMessage m = Journal.Head;
        string line = m.Kind + " tx" + m.LocalTransactionId + " id" + m.TransactionId + (m.IdTag != null ? " " + m.IdTag : string.Empty)
            + (m.Kind == JournalMessageKind.MeterValues ? " s" + m.Samples[0] : string.Empty);
        Sent.Add(line);
        int transactionId = m.Kind == JournalMessageKind.Start ? _nextCsmsTransactionId++ : 0;
        bool queued = false;
        Assert.True(PumpUntil(() => queued || (queued = Journal.TryConfirmHead(transactionId, false))), "confirmation not queued");
        return line;
    }
}
