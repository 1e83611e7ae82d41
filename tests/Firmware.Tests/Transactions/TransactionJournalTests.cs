using Wallbox.Firmware.Storage;
using System.Collections.Generic;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Transactions;

/// <summary>The offline transaction buffer (CPL-50).</summary>
public sealed class TransactionJournalTests
{
    [Fact]
    public void Messages_are_delivered_in_the_order_they_happened_with_the_central_transactionId_mapped()
    {
        var bench = new JournalBench();
        int a = bench.Begin("CARD-A");
        bench.Sample(a, 1);
        int b = bench.Begin("CARD-B");
        bench.Sample(a, 2);
        bench.End(a);
        bench.Sample(b, 3);
        bench.End(b);

        List<string> sent = bench.Deliver();

        Assert.Equal(
            new[] { "Start tx1 id0 CARD-A", "MeterValues tx1 id1000 s1", "Start tx2 id0 CARD-B", "MeterValues tx1 id1000 s2", "Stop tx1 id1000", "MeterValues tx2 id1001 s3", "Stop tx2 id1001" },
            sent);
        Assert.Equal(0, bench.Journal.TransactionCount);
    }

    [Fact]
    public void Original_timestamps_meter_readings_and_idTag_survive_a_reboot()
    {
        var store = new SimulatedFileStore();
        var bench = new JournalBench(store);
        int tx = bench.Begin("04A1B2C3D4E5F6", 123_456, 1_700_000_000_123);
        bench.End(tx, 130_000);

        var rebooted = new JournalBench(store.AfterPowerCycle());
        Assert.True(rebooted.Journal.TryFetchHead());
        rebooted.Pump(10);

        JournalMessage start = rebooted.Journal.Head;
        Assert.Equal((JournalMessageKind.Start, "04A1B2C3D4E5F6", 123_456L, 1_700_000_000_123L), (start.Kind, start.IdTag, start.MeterWh, start.TimestampUnixMs));
        Assert.Equal(2, rebooted.Journal.PendingMessageCount);
    }

    [Fact]
    public void A_message_becomes_visible_to_the_sender_only_once_it_is_on_flash()
    {
        var bench = new JournalBench();
        Assert.True(bench.Journal.TryBeginTransaction(1, "CARD", 0, 0, -1, out int tx, out _));

        Assert.False(bench.Journal.IsStartDurable(tx));
        Assert.False(bench.Journal.HasPendingMessage);
        bench.Pump();
        Assert.True(bench.Journal.IsStartDurable(tx));
        Assert.True(bench.Journal.HasPendingMessage);
    }

    [Fact]
    public void The_transactionId_mapping_survives_a_reboot_between_the_Start_confirmation_and_the_Stop()
    {
        var store = new SimulatedFileStore();
        var bench = new JournalBench(store);
        int tx = bench.Begin("CARD");
        bench.Deliver(); // Start confirmed: id 1000

        var rebooted = new JournalBench(store.AfterPowerCycle());
        Assert.Equal(1000, rebooted.Journal.TransactionIdOf(tx));
        rebooted.End(tx);

        Assert.Equal(new[] { "Stop tx1 id1000" }, rebooted.Deliver());
    }

    [Fact]
    public void Forty_transactions_with_ten_samples_each_fit_and_the_41st_is_refused_with_a_clear_reason()
    {
        var bench = new JournalBench();
        for (int t = 0; t < TransactionJournal.MaxTransactions; t++)
        {
            int tx = bench.Begin("CARD" + t);
            for (int s = 0; s < 10; s++)
            {
                bench.Sample(tx, (byte)s);
            }

            bench.End(tx);
        }

        Assert.False(bench.Journal.CanBeginTransaction);
        Assert.False(bench.Journal.TryBeginTransaction(1, "CARD40", 0, 0, -1, out _, out string refusal));
        Assert.Contains("offline transaction buffer full: 40 transactions", refusal);

        var rebooted = new JournalBench(bench.Store.AfterPowerCycle());
        Assert.Equal(40 * 12, rebooted.Journal.PendingMessageCount);
        List<string> sent = rebooted.Deliver();
        Assert.Equal(480, sent.Count);
        Assert.True(rebooted.Journal.CanBeginTransaction);
    }

    [Fact]
    public void Samples_beyond_the_per_transaction_cap_are_dropped_and_counted_in_the_Stop()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        for (int s = 0; s < TransactionJournal.MaxSamplesPerTransaction; s++)
        {
            bench.Sample(tx, (byte)s);
        }

        Assert.False(bench.Journal.TryAddMeterValues(tx, 0, 1, new byte[1], 0, 1));
        Assert.False(bench.Journal.TryAddMeterValues(tx, 0, 1, new byte[1], 0, 1));
        bench.End(tx);
        bench.Deliver(TransactionJournal.MaxSamplesPerTransaction + 1);

        Assert.True(bench.Journal.TryFetchHead());
        bench.Pump(10);
        Assert.Equal((JournalMessageKind.Stop, 2), (bench.Journal.Head.Kind, bench.Journal.Head.DroppedSamples));
    }

    [Fact]
    public void Compaction_keeps_only_what_is_still_needed_and_nothing_is_lost_or_reordered()
    {
        var bench = new JournalBench();
        var expected = new List<string>();
        int open = bench.Begin("LONG"); // stays open across many compactions
        bench.Deliver();
        for (int round = 0; round < 400; round++)
        {
            int tx = bench.Begin("R" + round);
            bench.Sample(tx, (byte)round);
            bench.End(tx);
            bench.Deliver();
        }

        Assert.True(bench.Journal.Log.CompactionCount > 0, "the log compacted");
        bench.Sample(open, 9);
        bench.End(open);
        var rebooted = new JournalBench(bench.Store.AfterPowerCycle());

        Assert.Equal(new[] { "MeterValues tx1 id1000 s9", "Stop tx1 id1000" }, rebooted.Deliver());
        Assert.Equal(0, rebooted.Journal.Log.SkippedLiveRecords);
        Assert.True(rebooted.Journal.Log.FileBytes < TransactionJournal.CompactionThresholdBytes);
    }

    [Fact]
    public void Local_transaction_numbers_are_never_reused_even_after_everything_was_confirmed_and_compacted()
    {
        var bench = new JournalBench();
        int last = 0;
        for (int i = 0; i < 5; i++)
        {
            last = bench.Begin("CARD");
            bench.End(last);
            bench.Deliver();
        }

        bench.Journal.Log.RequestCompaction();
        bench.Pump(500);
        var rebooted = new JournalBench(bench.Store.AfterPowerCycle());

        Assert.Equal(last + 1, rebooted.Begin("CARD"));
    }

    [Fact]
    public void Read_errors_while_loading_are_retried_and_no_buffered_transaction_is_dropped()
    {
        var bench = new JournalBench();
        int tx = bench.Begin("CARD");
        bench.Sample(tx, 1);
        bench.End(tx);
        SimulatedFileStore store = bench.Store.AfterPowerCycle();

        // The listing and the first reads fail (a flaky SPI bus at power-up): taking that for "no log" would start an
        // empty log over the buffered transaction.
        store.FailNextReads(4);
        var rebooted = new JournalBench(store);
        Assert.True(rebooted.PumpUntil(() => rebooted.Journal.IsLoaded, 5000));

        Assert.Equal(new[] { "Start tx1 id0 CARD", "MeterValues tx1 id1000 s1", "Stop tx1 id1000" }, rebooted.Deliver());
        Assert.True(rebooted.Journal.Log.ReadRetryCount > 0);
    }

    [Fact]
    public void While_the_file_system_cannot_list_the_log_the_journal_stays_unloaded_and_overwrites_nothing()
    {
        var bench = new JournalBench();
        bench.End(bench.Begin("CARD"));
        SimulatedFileStore store = bench.Store.AfterPowerCycle();
        store.FailNextReads(50);

        var rebooted = new JournalBench(store);
        Assert.False(rebooted.Journal.IsLoaded);
        Assert.False(rebooted.Journal.TryBeginTransaction(1, "OTHER", 0, 0, -1, out _, out string refusal));
        Assert.Equal("transaction journal not loaded yet", refusal);

        Assert.True(rebooted.PumpUntil(() => rebooted.Journal.IsLoaded, 20_000));
        Assert.Equal(new[] { "Start tx1 id0 CARD", "Stop tx1 id1000" }, rebooted.Deliver());
    }
}
