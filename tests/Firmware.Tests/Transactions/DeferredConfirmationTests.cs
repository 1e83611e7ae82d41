using Wallbox.Firmware.Transactions;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Transactions;

/// <summary>
/// Confirmations of MeterValues and StopTransaction wait up to <see cref="TransactionJournal.ConfirmationFlushDelayMs"/>
/// to share a flash job with the next record (one block erase per job under LittleFS; docs/storage.md "Wear").
/// </summary>
public sealed class DeferredConfirmationTests
{
    [Fact]
    public void A_meter_values_confirmation_shares_one_flash_job_with_the_next_sample()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        bench.Deliver(); // the Start and its transactionId
        bench.Sample(tx, 1);
        bench.ConfirmNext();
        bench.Pump(1000);
        long writesBefore = bench.Store.MutationCount;
        int confirmationsBefore = bench.Journal.DurableConfirmationCount;
        int messagesBefore = bench.Journal.DurableMessageCount;
        Assert.Equal(1, bench.Journal.UnflushedConfirmationCount);

        bench.Sample(tx, 2);

        Assert.Equal(writesBefore + 1, bench.Store.MutationCount);
        Assert.Equal(confirmationsBefore + 1, bench.Journal.DurableConfirmationCount);
        Assert.Equal(messagesBefore + 1, bench.Journal.DurableMessageCount);
        Assert.Equal(0, bench.Journal.UnflushedConfirmationCount);
    }

    [Fact]
    public void A_deferred_confirmation_reaches_flash_within_ConfirmationFlushDelayMs()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        bench.Deliver();
        bench.Sample(tx, 1);
        bench.ConfirmNext();

        bench.Pump(TransactionJournal.ConfirmationFlushDelayMs - 100);
        Assert.Equal(1, bench.Journal.UnflushedConfirmationCount);
        bench.Pump(200);
        Assert.Equal(0, bench.Journal.UnflushedConfirmationCount);
        Assert.Equal(0, bench.Journal.PendingMessageCount);
    }

    [Fact]
    public void The_next_message_can_be_sent_while_the_previous_confirmation_waits()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        bench.Sample(tx, 1);
        bench.Sample(tx, 2);
        bench.Sample(tx, 3);

        Assert.Equal("Start tx1 id0 CARD", bench.ConfirmNext());
        Assert.Equal("MeterValues tx1 id1000 s1", bench.ConfirmNext());
        Assert.Equal("MeterValues tx1 id1000 s2", bench.ConfirmNext());
        Assert.Equal(2, bench.Journal.UnflushedConfirmationCount);
        Assert.True(bench.Journal.HasPendingMessage);
        Assert.Equal("MeterValues tx1 id1000 s3", bench.ConfirmNext());
    }

    [Fact]
    public void A_start_confirmation_is_written_at_once_so_the_transactionId_survives_a_power_cut()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        bench.ConfirmNext();
        bench.Pump(50);

        Assert.True(bench.Journal.IsTransactionIdDurable(tx));
        var rebooted = new JournalBench(bench.Store.AfterPowerCycle());
        Assert.Equal(1000, rebooted.Journal.TransactionIdOf(tx));
        Assert.False(rebooted.Journal.HasPendingMessage);
    }

    [Fact]
    public void After_a_power_cut_before_a_deferred_confirmation_is_written_the_message_is_sent_again_and_nothing_is_lost()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        bench.Deliver();
        bench.Sample(tx, 1);
        bench.End(tx);
        bench.ConfirmNext(); // MeterValues s1: confirmed by the central system, confirmation not yet on flash
        Assert.Equal(1, bench.Journal.UnflushedConfirmationCount);

        var rebooted = new JournalBench(bench.Store.AfterPowerCycle());

        // At-least-once: the confirmed sample goes out once more, then the Stop; nothing missing, nothing reordered.
        Assert.Equal(new[] { "MeterValues tx1 id1000 s1", "Stop tx1 id1000" }, rebooted.Deliver());
    }

    [Fact]
    public void Flush_writes_deferred_confirmations_at_once()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        bench.Deliver();
        bench.End(tx);
        bench.ConfirmNext();
        Assert.False(bench.Journal.IsFlushed);

        bench.Journal.Flush();
        bench.Pump(50);

        Assert.True(bench.Journal.IsFlushed);
        Assert.Equal(0, bench.Journal.TransactionCount);
        Assert.False(new JournalBench(bench.Store.AfterPowerCycle()).Journal.HasPendingMessage);
    }

    [Fact]
    public void With_all_40_transactions_held_a_stop_confirmation_is_written_at_once_so_the_next_session_can_begin()
    {
        var bench = new JournalBench();
        for (int t = 0; t < TransactionJournal.MaxTransactions; t++)
        {
            bench.End(bench.Begin("CARD" + t));
        }

        Assert.False(bench.Journal.CanBeginTransaction);
        bench.ConfirmNext(); // Start of the first transaction
        Assert.StartsWith("Stop tx1", bench.ConfirmNext());
        bench.Pump(50);

        Assert.True(bench.Journal.CanBeginTransaction);
        Assert.Equal(TransactionJournal.MaxTransactions - 1, bench.Journal.TransactionCount);
    }
}
