using System;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Storage;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal.Simulation;
using Xunit.Abstractions;

namespace Wallbox.Firmware.Tests.Storage;

/// <summary>
/// Every store at its stated capacity at the same time, on the flash partition of the ESP32 4 MB module, including
/// the journal's compaction at its largest: the partition must never run out of space (docs/storage.md, "Space").
/// </summary>
public sealed class PartitionCapacityTests
{
    /// <summary>
    /// The LittleFS "config" partition of nanoFramework's 4 MB ESP32 layout (nf-interpreter
    /// targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv: 0x40000 at 0x3C0000), bytes. nanoFramework keeps its
    /// network configuration and certificates there too: the headroom left by the peak is theirs.
    /// </summary>
    private const int PartitionBytes = 256 * 1024;

    /// <summary>
    /// Blocks LittleFS keeps for itself: the superblock pair (which holds the root directory) and the metadata pair
    /// of the <c>tx</c> directory.
    /// </summary>
    private const int FileSystemMetadataBlocks = 4;

    private const int BlockBytes = 4096;

    private readonly ITestOutputHelper _output;

    public PartitionCapacityTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void All_stores_full_together_with_a_journal_compaction_at_its_largest_fit_the_256KiB_partition()
    {
        var store = new SimulatedFileStore(PartitionBytes - FileSystemMetadataBlocks * BlockBytes);
        var clock = new VirtualClock();
        var wall = new SimulatedWallClock(clock);
        var world = new FullWorld(store, clock, wall);

        world.FillConfiguration();
        world.FillAuthorizationCache();
        world.FillLocalList();
        world.SaveChargingRecord();

        // A log without live records is reset instead of compacted, so grow it the way a long session does: its
        // Start confirmed (the transactionId mapping stays live) and meter values delivered one by one, until 39
        // full transactions cross the compaction threshold. Then end it and buffer 39 full transactions behind its
        // Stop: the threshold compaction runs with nearly the most live records there can be.
        int fullBufferBytes = world.LogBytesOfFullTransaction() * (TransactionJournal.MaxTransactions - 1);
        int longSession = world.BeginDeliveredTransaction();
        for (int guard = 0; world.Journal.Log.FileBytes + fullBufferBytes <= TransactionJournal.CompactionThresholdBytes; guard++)
        {
            Assert.True(guard < 10_000, "log stuck at " + world.Journal.Log.FileBytes + " B");
            world.AddDeliveredSample(longSession);
        }

        int compactionsBefore = world.Journal.Log.CompactionCount;
        world.End(longSession);
        for (int t = 1; t < TransactionJournal.MaxTransactions; t++)
        {
            world.BufferFullTransaction(t);
        }

        Assert.False(world.Journal.CanBeginTransaction);
        Assert.True(world.Journal.Log.CompactionCount > compactionsBefore, "the threshold compaction did not run while filling");

        // And once more with everything full: a compaction of the full live set on top of a log at the threshold.
        int compactionsAtFull = world.Journal.Log.CompactionCount;
        world.Journal.Log.RequestCompaction();
        Assert.True(world.PumpUntil(() => world.Journal.Log.CompactionCount > compactionsAtFull, 60_000), "requested compaction did not finish");
        Assert.True(world.PumpUntil(() => !world.Journal.Log.IsCompacting && store.PendingJobCount == 0, 10_000));

        _output.WriteLine(
            $"report: partition capacity: peak {store.PeakUsedBytes / 1024} KiB of {store.CapacityBytes / 1024} KiB usable ({PartitionBytes / 1024} KiB partition, "
            + $"{FileSystemMetadataBlocks} blocks of file-system metadata); at rest {store.UsedBytes / 1024} KiB; "
            + $"log {world.Journal.Log.FileBytes} B after {world.Journal.Log.CompactionCount} compaction(s)");
        Assert.Equal(0, store.NoSpaceFailureCount);
        Assert.Equal(0, world.Journal.Log.FailedJobs);
        Assert.True(store.PeakUsedBytes <= store.CapacityBytes);

        // Everything is still there after a reboot.
        var rebooted = new FullWorld(store.AfterPowerCycle(), clock, wall);
        Assert.Equal(TransactionJournal.MaxTransactions, rebooted.Journal.TransactionCount);
        Assert.Equal(1 + (TransactionJournal.MaxTransactions - 1) * (TransactionJournal.MaxSamplesPerTransaction + 2), rebooted.Journal.PendingMessageCount);
        Assert.Equal(AuthorizationCache.Capacity, rebooted.Cache.Count);
        Assert.Equal(LocalAuthorizationList.MaxLength, rebooted.List.Count);
        Assert.Equal(world.Config.Get("Pad00"), rebooted.Config.Get("Pad00"));
        Assert.True(rebooted.ChargingRecordLoaded);
    }

    /// <summary>All stores of the firmware on one partition, pumped in virtual time as the main loop does.</summary>
    private sealed class FullWorld
    {
        private const long Now = 1_790_000_000_000;
        private readonly SimulatedFileStore _store;
        private readonly VirtualClock _clock;
        private readonly ChargingPersistentState _chargingState = new ChargingPersistentState();
        private readonly PersistentRecord _chargingRecord;
        private readonly Wallbox.Firmware.Ocpp.Tx.ActiveTransactionRecord _active = new Wallbox.Firmware.Ocpp.Tx.ActiveTransactionRecord();
        private readonly PersistentRecord _activeRecord;
        private int _nextTransactionId = 1;

        public FullWorld(SimulatedFileStore store, VirtualClock clock, SimulatedWallClock wall)
        {
            _store = store;
            _clock = clock;
            wall.SetUtc(DateTimeOffset.FromUnixTimeMilliseconds(Now).UtcDateTime);
            Journal = new TransactionJournal(store, @"I:\tx\");
            Cache = new AuthorizationCache(store, @"I:\authcache", wall);
            List = new LocalAuthorizationList(store, @"I:\locallist", wall);
            Config = new ConfigurationStore(store, @"I:\config");
            ChargePointConfigKeys.Declare(Config, new ChargingSettings());
            for (int i = Config.KeyCount; i < ConfigurationStore.MaxKeys; i++)
            {
                Config.Declare(ConfigKey.Text("Pad" + (i - 9).ToString("00"), string.Empty, 500));
            }

            _chargingRecord = new PersistentRecord(store, @"I:\charging", ChargingPersistentState.RecordType, ChargingPersistentState.MaxPayloadBytes, _chargingState);
            Journal.StartLoad();
            Cache.StartLoad();
            List.StartLoad();
            Config.StartLoad();
            _activeRecord = new PersistentRecord(store, @"I:\txactive", Wallbox.Firmware.Ocpp.Tx.ActiveTransactionRecord.RecordType, Wallbox.Firmware.Ocpp.Tx.ActiveTransactionRecord.MaxPayloadBytes, _active);
            _chargingRecord.StartLoad();
            _activeRecord.StartLoad();
            Assert.True(PumpUntil(() => Journal.IsLoaded && Cache.IsLoaded && List.IsLoaded && Config.IsLoaded && _chargingRecord.IsLoaded && _activeRecord.IsLoaded, 30_000));
        }

        public TransactionJournal Journal { get; }

        public AuthorizationCache Cache { get; }

        public LocalAuthorizationList List { get; }

        public ConfigurationStore Config { get; }

        public bool ChargingRecordLoaded => _chargingRecord.LoadedValue && _chargingState.SessionNumber == 7;

        public void FillConfiguration()
        {
            Assert.Equal(ConfigChangeStatus.RebootRequired, Config.TrySet(ChargePointConfigKeys.CentralSystemUrl, "wss://" + new string('c', 249), out _));
            int padded = 0;
            for (int i = 0; ; i++)
            {
                string name = "Pad" + i.ToString("00");
                if (Config.Find(name) == null || Config.TrySet(name, new string('v', 500), out string reason) != ConfigChangeStatus.Accepted)
                {
                    break;
                }

                padded++;
            }

            Assert.True(padded > 5);
            Assert.Equal("configuration full", Refusal(Config, "Pad" + padded.ToString("00")));
            Assert.True(PumpUntil(() => !Config.Record.IsSaving, 10_000));
        }

        public void FillAuthorizationCache()
        {
            for (int i = 0; i < AuthorizationCache.Capacity; i++)
            {
                Cache.Update(Tag('C', i), Accepted(Tag('P', i)));
                Pump(20);
            }

            Assert.Equal(AuthorizationCache.Capacity, Cache.Count);
        }

        public void FillLocalList()
        {
            var entries = new LocalListEntry[LocalAuthorizationList.MaxLength];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = new LocalListEntry { IdTag = Tag('L', i), Info = Accepted(Tag('Q', i)) };
            }

            Assert.Equal(LocalListUpdateStatus.Accepted, List.ApplyFull(int.MaxValue, entries, entries.Length));
            Pump(500);
        }

        public void SaveChargingRecord()
        {
            _chargingState.SessionNumber = 7;
            _chargingState.LatchedFaultBits = -1;
            _chargingState.LockoutAliveUnixS = long.MaxValue;
            _chargingRecord.RequestSave();
            Assert.True(PumpUntil(() => !_chargingRecord.IsSaving, 5000));

            // The OCPP power-loss record of the running transaction, at its largest (two 20-character idTags), both slots.
            _active.Active = true;
            _active.LocalTransactionId = 7;
            _active.IdTag = new string('I', 20);
            _active.ParentIdTag = new string('P', 20);
            for (int i = 0; i < 2; i++)
            {
                _activeRecord.RequestSave();
                Assert.True(PumpUntil(() => !_activeRecord.IsSaving, 5000));
            }
        }

        /// <summary>Log bytes of one transaction with every sample slot used (measured, not assumed).</summary>
        public int LogBytesOfFullTransaction()
        {
            int before = Journal.Log.FileBytes;
            int compactions = Journal.Log.CompactionCount;
            BufferFullTransaction(0);
            int bytes = Journal.Log.FileBytes - before;
            Deliver();
            Assert.Equal(compactions, Journal.Log.CompactionCount);
            return bytes;
        }

        public int BeginDeliveredTransaction()
        {
            Assert.True(Journal.TryBeginTransaction(1, Tag('S', 0), 1000, Now, -1, out int tx, out string refusal), refusal);
            Assert.True(PumpUntil(() => Journal.IsStartDurable(tx), 10_000), "start not durable");
            Deliver();
            return tx;
        }

        public void AddDeliveredSample(int tx)
        {
            var sample = new byte[TransactionJournal.MaxSampleBytes];
            Assert.True(Journal.TryAddMeterValues(tx, Now, 1, sample, 0, sample.Length));
            Assert.True(PumpUntil(() => Journal.Log.PendingAppends == 0, 10_000));
            Deliver();
        }

        public void End(int tx)
        {
            Assert.True(Journal.TryEndTransaction(tx, 99_999_999, Now + 3_600_000, 1, Tag('S', 0)));
            Assert.True(PumpUntil(() => Journal.Log.PendingAppends == 0, 10_000));
        }

        public void BufferFullTransaction(int index)
        {
            string tag = Tag('T', index);
            Assert.True(Journal.TryBeginTransaction(1, tag, 1000, Now, -1, out int tx, out string refusal), refusal);
            Assert.True(PumpUntil(() => Journal.IsStartDurable(tx), 10_000), "start not durable");
            var sample = new byte[TransactionJournal.MaxSampleBytes];
            for (int s = 0; s < TransactionJournal.MaxSamplesPerTransaction; s++)
            {
                Assert.True(PumpUntil(() => Journal.Log.FreeAppendSlots > 0, 10_000));
                Assert.True(Journal.TryAddMeterValues(tx, Now + s * 60_000, 1, sample, 0, sample.Length));
                Pump(30);
            }

            Assert.True(PumpUntil(() => Journal.Log.FreeAppendSlots > 0, 10_000));
            Assert.True(Journal.TryEndTransaction(tx, 99_999_999, Now + 3_600_000, 1, tag));
            Assert.True(PumpUntil(() => Journal.Log.PendingAppends == 0, 10_000));
        }

        public void Deliver()
        {
            while (Journal.HasPendingMessage)
            {
                Assert.True(Journal.TryFetchHead());
                Assert.True(PumpUntil(() => Journal.IsHeadReady, 10_000), "head not read back");
                bool isStart = Journal.Head.Kind == JournalMessageKind.Start;
                int transactionId = isStart ? _nextTransactionId++ : 0;
                bool queued = false;
                Assert.True(PumpUntil(() => queued || (queued = Journal.TryConfirmHead(transactionId, false)), 10_000));
            }

            Journal.Flush();
            Assert.True(PumpUntil(() => Journal.IsFlushed && Journal.UnflushedConfirmationCount == 0, 10_000));
        }

        public void Pump(int ms)
        {
            for (int i = 0; i < ms; i++)
            {
                _clock.AdvanceMs(1);
                _store.Advance(_clock.NowUs);
                Journal.Tick(_clock.NowMs);
                Journal.PollHead();
                Cache.Tick(_clock.NowMs);
                List.Tick(_clock.NowMs);
                Config.Tick(_clock.NowMs);
                _chargingRecord.Tick(_clock.NowMs);
                _activeRecord.Tick(_clock.NowMs);
            }
        }

        public bool PumpUntil(Func<bool> condition, int maxMs)
        {
            for (int i = 0; i < maxMs && !condition(); i++)
            {
                Pump(1);
            }

            return condition();
        }

        private static string Refusal(ConfigurationStore config, string name)
        {
            config.TrySet(name, new string('v', 500), out string reason);
            return reason;
        }

        /// <summary>A maximum-length (20 character) idTag.</summary>
        private static string Tag(char prefix, int index) => prefix + index.ToString("D19");

        private static IdTagInfo Accepted(string parent) =>
            new IdTagInfo { Status = AuthorizationStatus.Accepted, ExpiryUnixMs = Now + 365L * 86_400_000, ParentIdTag = parent };
    }
}
