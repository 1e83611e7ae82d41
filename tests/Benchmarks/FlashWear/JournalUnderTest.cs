using System;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal.Simulation;

namespace Wallbox.Benchmarks.FlashWear;

/// <summary>The firmware's transaction journal (an append-only record log with compaction) under the wear workload.</summary>
public sealed class JournalUnderTest : ITransactionBufferUnderTest
{
    private const long StartUnixMs = 1_790_000_000_000;
    private readonly TransactionJournal _journal;
    private readonly SimulatedStorageLoop _loop;
    private readonly byte[] _sample = new byte[TransactionJournal.MaxSampleBytes];
    private int _nextTransactionId = 1;

    public JournalUnderTest(SimulatedFileStore flash)
    {
        _journal = new TransactionJournal(flash, @"I:\tx\");
        _loop = new SimulatedStorageLoop(flash, _journal);
        _journal.StartLoad();
        _loop.RunUntil(() => _journal.IsLoaded, "journal load");
    }

    public int PendingCount => _journal.PendingMessageCount - _journal.UnflushedConfirmationCount;

    public int AppendStart(int index)
    {
        int tx = 0;
        string refusal = null;
        _loop.RunUntil(() => _journal.TryBeginTransaction(1, "TAG" + index.ToString("D17"), 1000, StartUnixMs, -1, out tx, out refusal), "room for a Start");
        _loop.RunUntil(() => _journal.IsStartDurable(tx), "Start on flash");
        return tx;
    }

    public void AppendMeterValues(int transaction, int sample)
    {
        _sample[0] = (byte)sample;
        _loop.RunUntil(() => _journal.TryAddMeterValues(transaction, StartUnixMs + sample * 60_000L, 1, _sample, 0, _sample.Length), "room for MeterValues");
        _loop.RunUntil(() => _journal.Log.PendingAppends == 0, "MeterValues on flash");
    }

    public void AppendStop(int transaction)
    {
        _loop.RunUntil(() => _journal.TryEndTransaction(transaction, 9_999_000, StartUnixMs + 7_200_000, 1, "TAG00000000000000000"), "room for a Stop");
        _loop.RunUntil(() => _journal.Log.PendingAppends == 0, "Stop on flash");
    }

    public void ConfirmOldest(int roundTripMs)
    {
        if (!_journal.TryFetchHead())
        {
            throw new InvalidOperationException("nothing to confirm");
        }

        _loop.RunUntil(() => { _journal.PollHead(); return _journal.IsHeadReady; }, "head read back");
        int transactionId = _journal.Head.Kind == JournalMessageKind.Start ? _nextTransactionId++ : 0;
        Idle(roundTripMs);
        _loop.RunUntil(() => _journal.TryConfirmHead(transactionId, false), "room for a confirmation");
    }

    public void Idle(int ms) => _loop.Idle(ms);

    public void Flush()
    {
        _journal.Flush();
        _loop.RunUntil(() => _journal.IsFlushed && !_journal.Log.IsCompacting, "journal flushed");
    }
}
