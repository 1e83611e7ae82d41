using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Firmware.Storage;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Storage;

public sealed class RecordLogTests
{
    private const string Dir = @"I:\log\";

    [Fact]
    public void Appended_records_survive_a_reboot_in_order()
    {
        var store = new SimulatedFileStore();
        var (log, owner) = Open(store);
        Append(log, owner, store, "a", "b", "c");

        var (_, reloaded) = Open(store.AfterPowerCycle());

        Assert.Equal(new[] { "a", "b", "c" }, reloaded.Values);
    }

    [Fact]
    public void A_torn_tail_is_ignored_and_rewritten_before_the_next_append()
    {
        var store = new SimulatedFileStore();
        var (log, owner) = Open(store);
        Append(log, owner, store, "a", "b", "c");
        string file = Dir + "log.1";
        byte[] bytes = store.ReadFileDirect(file);
        store.WriteFileDirect(file, bytes.AsSpan(0, bytes.Length - 5).ToArray()); // "c" torn

        store = store.AfterPowerCycle();
        var (log2, owner2) = Open(store);
        Assert.Equal(new[] { "a", "b" }, owner2.Values);
        Assert.Equal(14 + 1 - 5, log2.TornTailBytes);
        Append(log2, owner2, store, "d");

        var (_, owner3) = Open(store.AfterPowerCycle());
        Assert.Equal(new[] { "a", "b", "d" }, owner3.Values);
        Assert.True(log2.CompactionCount >= 1);
    }

    [Fact]
    public void An_interrupted_compaction_is_discarded_and_the_old_generation_is_used()
    {
        var store = new SimulatedFileStore();
        var (log, owner) = Open(store);
        Append(log, owner, store, "a", "b");
        byte[] gen1 = store.ReadFileDirect(Dir + "log.1");
        store.WriteFileDirect(Dir + "log.2", gen1.AsSpan(0, 20).ToArray()); // a new generation without its marker

        store = store.AfterPowerCycle();
        var (log2, owner2) = Open(store);

        Assert.Equal(new[] { "a", "b" }, owner2.Values);
        Assert.Equal(1, log2.DiscardedGenerations);
        Assert.Equal(1, log2.Generation);
        Assert.Null(store.ReadFileDirect(Dir + "log.2"));
    }

    [Fact]
    public void A_compaction_keeps_only_the_live_records_and_later_appends_follow_them()
    {
        var store = new SimulatedFileStore();
        var (log, owner) = Open(store);
        Append(log, owner, store, "a", "b", "c", "d");
        owner.Kill("a");
        owner.Kill("c");

        log.RequestCompaction();
        Pump(log, store, 200);
        Append(log, owner, store, "e");

        Assert.Equal(2, log.Generation);
        Assert.Null(store.ReadFileDirect(Dir + "log.1"));
        var (_, reloaded) = Open(store.AfterPowerCycle());
        Assert.Equal(new[] { "b", "d", "e" }, reloaded.Values);
    }

    [Fact]
    public void When_the_old_generation_was_not_deleted_the_newest_valid_one_wins()
    {
        var store = new SimulatedFileStore();
        var (log, owner) = Open(store);
        Append(log, owner, store, "a", "b");
        byte[] gen1 = store.ReadFileDirect(Dir + "log.1");
        owner.Kill("a");
        log.RequestCompaction();
        Pump(log, store, 200);
        store.WriteFileDirect(Dir + "log.1", gen1); // the delete after the commit was cut off

        store = store.AfterPowerCycle();
        var (log2, reloaded) = Open(store);

        Assert.Equal(new[] { "b" }, reloaded.Values);
        Assert.Equal(2, log2.Generation);
        Assert.Null(store.ReadFileDirect(Dir + "log.1"));
    }

    [Fact]
    public void Records_of_another_log_type_or_with_a_bad_CRC_stop_the_replay()
    {
        var store = new SimulatedFileStore();
        var (log, owner) = Open(store);
        Append(log, owner, store, "a", "b", "c");
        byte[] bytes = store.ReadFileDirect(Dir + "log.1");
        int secondRecord = bytes.Length - 2 * (14 + 1);
        bytes[secondRecord + 10] ^= 0xFF; // "b" corrupted
        store.WriteFileDirect(Dir + "log.1", bytes);

        var (_, reloaded) = Open(store.AfterPowerCycle());

        Assert.Equal(new[] { "a" }, reloaded.Values);
    }

    private static (RecordLog Log, ListOwner Owner) Open(SimulatedFileStore store)
    {
        var owner = new ListOwner();
        var log = new RecordLog(store, Dir, 0x41, 64, 4, 64, 4096, owner);
        owner.Log = log;
        log.StartLoad();
        Pump(log, store, 200);
        Assert.True(log.IsLoaded);
        return (log, owner);
    }

    private static void Append(RecordLog log, ListOwner owner, SimulatedFileStore store, params string[] values)
    {
        foreach (string v in values)
        {
            Assert.True(log.TryAppend(1, new[] { (byte)v[0] }, 0, 1));
            Pump(log, store, 50);
        }

        Assert.Equal(0, log.PendingAppends);
    }

    private static long _nowUs;

    private static void Pump(RecordLog log, SimulatedFileStore store, int ms)
    {
        for (int i = 0; i < ms; i++)
        {
            _nowUs += 1000;
            store.Advance(_nowUs);
            log.Tick(_nowUs / 1000);
        }
    }

    /// <summary>An owner whose state is the list of one-character records; all are live unless killed.</summary>
    private sealed class ListOwner : IRecordLogOwner
    {
        private readonly List<(string Value, int Offset)> _records = new List<(string, int)>();
        private readonly List<int> _live = new List<int>();

        public RecordLog Log { get; set; }

        public string[] Values => _records.Select(r => r.Value).ToArray();

        public int LiveRecordCount => _records.Count;

        public void Kill(string value) => _records.RemoveAll(r => r.Value == value);

        public void OnRecordLoaded(byte kind, byte[] buffer, int payloadOffset, int payloadLength, int fileOffset, int recordLength) =>
            _records.Add((((char)buffer[payloadOffset]).ToString(), fileOffset));

        public void OnCommitHeaderLoaded(byte[] buffer, int offset, int count)
        {
        }

        public void OnRecordDurable(uint sequence, byte kind, byte[] buffer, int payloadOffset, int payloadLength, int fileOffset, int recordLength) =>
            _records.Add((((char)buffer[payloadOffset]).ToString(), fileOffset));

        public int PrepareLiveRecords() => _records.Count;

        public int GetLiveRecordOffset(int index) => _records[index].Offset;

        public void OnLiveRecordMoved(int index, int newFileOffset) => _records[index] = (_records[index].Value, newFileOffset);

        public int WriteCommitHeader(byte[] buffer, int offset, int capacity) => 0;
    }
}
