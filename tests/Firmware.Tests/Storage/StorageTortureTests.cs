using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Config;
using Wallbox.Hal.Simulation;
using Xunit.Abstractions;

namespace Wallbox.Firmware.Tests.Storage;

/// <summary>
/// Fault injection over every persistent store: randomised workloads (sessions starting, meter values, stopping,
/// deliveries to the central system, whitelist updates, local-list updates, configuration changes) are run once to
/// count their flash mutations, then once more per mutation with the power cut at that write and the write torn at a
/// random byte. After each cut the stores are rebooted from what is on flash and checked against what was
/// acknowledged before the cut. WALLBOX_TORTURE_WORKLOADS and WALLBOX_TORTURE_SEED override the defaults.
/// </summary>
public sealed class StorageTortureTests
{
    private readonly ITestOutputHelper _output;

    public StorageTortureTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void A_power_cut_at_every_write_point_of_1000_workloads_loses_duplicates_and_reorders_nothing()
    {
        int workloads = int.Parse(Environment.GetEnvironmentVariable("WALLBOX_TORTURE_WORKLOADS") ?? "1000", CultureInfo.InvariantCulture);
        int seedBase = int.Parse(Environment.GetEnvironmentVariable("WALLBOX_TORTURE_SEED") ?? "20261122", CultureInfo.InvariantCulture);
        long writePoints = 0;
        long messagesChecked = 0;
        long compactionsCut = 0;
        long fallbacks = 0;
        string firstViolation = null;
        Parallel.For(0, workloads, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, w =>
        {
            int seed = seedBase + w;
            var workload = Workload.Generate(seed);
            Outcome dry = Execute(workload, -1, 0);
            Interlocked.Add(ref writePoints, dry.Mutations);
            var tears = new Random(seed * 7919);
            for (long cut = 0; cut < dry.Mutations; cut++)
            {
                Outcome outcome = Execute(workload, cut, tears.Next(0, 160));
                string violation = Verify(outcome);
                Interlocked.Add(ref messagesChecked, outcome.RecoveredMessages);
                Interlocked.Add(ref compactionsCut, outcome.CutDuringCompaction ? 1 : 0);
                Interlocked.Add(ref fallbacks, outcome.FellBack ? 1 : 0);
                if (violation != null)
                {
                    Interlocked.CompareExchange(ref firstViolation, $"seed {seed}, power cut at write {cut}: {violation}", null);
                    return;
                }
            }
        });

        _output.WriteLine($"report: torture: {workloads} workloads (seeds {seedBase}..{seedBase + workloads - 1}), {writePoints} write points, each cut once: "
            + $"{messagesChecked} recovered journal messages checked, {compactionsCut} cuts during a journal compaction, "
            + $"{fallbacks} boots on the previous copy of a record; 0 lost, 0 duplicated, 0 reordered required");
        Assert.True(firstViolation == null, firstViolation + " (rerun with WALLBOX_TORTURE_SEED=<seed> WALLBOX_TORTURE_WORKLOADS=1)");
        Assert.True(writePoints >= workloads * 10L, "workloads too small: " + writePoints + " write points");
        Assert.True(compactionsCut > 0, "no cut hit a journal compaction");
    }

    private static Outcome Execute(Workload workload, long cutAt, int tear)
    {
        var store = new SimulatedFileStore { JobOverheadUs = 300, WriteUsPerByte = 1, ReadUsPerByte = 0.1, CutPowerAtMutation = cutAt, TearBytes = tear };
        var clock = new VirtualClock();
        var world = new StorageWorld(store, clock);
        var o = new Outcome();
        o.CacheStates[0] = world.CacheState();
        o.ListStates[0] = world.ListState();
        o.ConfigStates[0] = world.ConfigState();
        var rng = new Random(workload.Seed);
        var open = new List<int>();
        var samplesOf = new Dictionary<int, int>();
        foreach (Op op in workload.Ops)
        {
            if (store.PowerLost)
            {
                break;
            }

            Apply(world, op, o, open, samplesOf);
            world.Pump(op.PumpMs);
            Observe(world, o);
        }

        Observe(world, o);
        o.Mutations = store.MutationCount;
        o.CutDuringCompaction = store.PowerLost && world.Journal.Log.IsCompacting;
        if (cutAt < 0)
        {
            return o;
        }

        var rebooted = new StorageWorld(store.AfterPowerCycle(), clock);
        o.RebootLoaded = rebooted.AllLoaded;
        o.Recovered = rebooted.PendingMessages();
        o.RecoveredMessages = o.Recovered.Count;
        foreach (KeyValuePair<int, int> mapping in o.ObservedTransactionIds)
        {
            o.RecoveredTransactionIds[mapping.Key] = rebooted.Journal.TransactionIdOf(mapping.Key);
        }

        o.RecoveredCache = rebooted.CacheState();
        o.RecoveredList = rebooted.ListState();
        o.RecoveredConfig = rebooted.ConfigState();
        o.FellBack = rebooted.Cache.Record.FellBackToPreviousCopy || rebooted.List.Record.FellBackToPreviousCopy || rebooted.Config.Record.FellBackToPreviousCopy;

        // Life goes on after the recovery: a new session must be kept too (nothing may be written behind a torn tail).
        if (rebooted.Journal.TryBeginTransaction(1, "AFTER", 1, 1, -1, out int after, out _)
            && rebooted.Journal.TryAddMeterValues(after, 2, 1, new byte[] { 9 }, 0, 1)
            && rebooted.Journal.TryEndTransaction(after, 3, 3, 1, null))
        {
            int durableBefore = rebooted.Journal.DurableMessageCount;
            o.AfterRecoveryDurable = rebooted.PumpUntil(() => rebooted.Journal.DurableMessageCount == durableBefore + 3, 20_000);
            var l = rebooted.Journal.Log;
            o.Debug = $"gen {l.Generation} bytes {l.FileBytes} compacting {l.IsCompacting} compactions {l.CompactionCount} pendingAppends {l.PendingAppends} failed {l.FailedJobs} torn {l.TornTailBytes} skipped {l.SkippedLiveRecords} live {rebooted.Journal.LiveRecordCount} files {string.Join(",", rebooted.Store.FileNames.Select(f => f + ":" + rebooted.Store.ReadFileDirect(f).Length))}";
            o.AfterRecoveryExpected = new List<string> { "Start/" + after, "MeterValues/" + after + "/9", "Stop/" + after };
            var second = new StorageWorld(rebooted.Store.AfterPowerCycle(), clock);
            List<string> all = second.PendingMessages();
            o.AfterRecoveryRecovered = all.Skip(Math.Max(0, all.Count - 3)).ToList();
        }

        return o;
    }

    private static void Apply(StorageWorld world, Op op, Outcome o, List<int> open, Dictionary<int, int> samplesOf)
    {
        switch (op.Kind)
        {
            case OpKind.Begin:
                if (world.Journal.TryBeginTransaction(1, "TAG" + op.A, 1000 + op.A, 1_700_000_000_000 + op.A, -1, out int tx, out _))
                {
                    open.Add(tx);
                    samplesOf[tx] = 0;
                    o.Submitted.Add("Start/" + tx);
                }

                break;
            case OpKind.Sample when open.Count > 0:
                int txs = open[op.A % open.Count];
                byte sample = (byte)samplesOf[txs];
                if (world.Journal.TryAddMeterValues(txs, 1, 1, new[] { sample, (byte)op.B }, 0, 2))
                {
                    samplesOf[txs]++;
                    o.Submitted.Add("MeterValues/" + txs + "/" + sample);
                }

                break;
            case OpKind.End when open.Count > 0:
                int txe = open[op.A % open.Count];
                if (world.Journal.TryEndTransaction(txe, 2000, 1_700_000_900_000, 1, null))
                {
                    open.Remove(txe);
                    o.Submitted.Add("Stop/" + txe);
                }

                break;
            case OpKind.Deliver:
                if (!world.Journal.HasPendingMessage || !world.Journal.TryFetchHead() || !world.PumpUntil(() => world.Journal.IsHeadReady, 5000))
                {
                    break;
                }

                if (world.Journal.TryConfirmHead(7000 + op.A, false))
                {
                    o.ConfirmRequested++;
                    if (world.Journal.Head.Kind == Wallbox.Firmware.Transactions.JournalMessageKind.Start)
                    {
                        o.PendingMappings[world.Journal.Head.LocalTransactionId] = 7000 + op.A;
                    }
                }

                break;
            case OpKind.CacheUpdate:
                world.Cache.Update("C" + op.A, new IdTagInfo { Status = op.B % 4 == 0 ? AuthorizationStatus.Invalid : AuthorizationStatus.Accepted });
                break;
            case OpKind.CacheClear:
                world.Cache.Clear();
                break;
            case OpKind.ListFull:
                var full = new LocalListEntry[op.B % 8];
                for (int i = 0; i < full.Length; i++)
                {
                    full[i] = new LocalListEntry { IdTag = "L" + (op.A + i), Info = new IdTagInfo { Status = (AuthorizationStatus)(i % 2) } };
                }

                world.List.ApplyFull(world.List.Version + 1, full, full.Length);
                break;
            case OpKind.ListDiff:
                var diff = new[] { new LocalListEntry { IdTag = "L" + op.A, Info = op.B % 3 == 0 ? null : new IdTagInfo { Status = AuthorizationStatus.Accepted } } };
                world.List.ApplyDifferential(world.List.Version + 1, diff, 1);
                break;
            case OpKind.ConfigSet:
                string key = StorageWorld.ConfigKeys[op.A % StorageWorld.ConfigKeys.Length];
                string value = key switch
                {
                    "HeartbeatInterval" => (op.B * 17 % 3600).ToString(CultureInfo.InvariantCulture),
                    "FreeVend" => op.B % 2 == 0 ? "true" : "false",
                    "OfflineMode" => new[] { "Whitelist", "AcceptAll", "RefuseAll" }[op.B % 3],
                    _ => "wss://csms" + op.B + ".example/ocpp",
                };
                world.Config.TrySet(key, value, out _);
                break;
        }

        Snapshot(world, o);
    }

    private static void Snapshot(StorageWorld world, Outcome o)
    {
        o.CacheStates[world.Cache.Record.RequestedVersion] = world.CacheState();
        o.ListStates[world.List.Record.RequestedVersion] = world.ListState();
        o.ConfigStates[world.Config.Record.RequestedVersion] = world.ConfigState();
    }

    private static void Observe(StorageWorld world, Outcome o)
    {
        o.DurableMessages = world.Journal.DurableMessageCount;
        o.DurableConfirmations = world.Journal.DurableConfirmationCount;
        foreach (KeyValuePair<int, int> mapping in o.PendingMappings)
        {
            if (world.Journal.IsTransactionIdDurable(mapping.Key) && world.Journal.TransactionIdOf(mapping.Key) == mapping.Value)
            {
                o.ObservedTransactionIds[mapping.Key] = mapping.Value;
            }
        }

        o.CacheDurable = world.Cache.Record.DurableVersion;
        o.CacheRequested = world.Cache.Record.RequestedVersion;
        o.ListDurable = world.List.Record.DurableVersion;
        o.ListRequested = world.List.Record.RequestedVersion;
        o.ConfigDurable = world.Config.Record.DurableVersion;
        o.ConfigRequested = world.Config.Record.RequestedVersion;
    }

    private static string Verify(Outcome o)
    {
        if (!o.RebootLoaded)
        {
            return "stores did not load after the reboot";
        }

        // Journal: the recovered queue is a slice of the submitted messages that starts where confirmations
        // ended and reaches at least every message that was durable: nothing lost, duplicated or reordered.
        List<string> r = o.Recovered;
        bool sliceFound = false;
        for (int c = o.DurableConfirmations; c <= o.ConfirmRequested && !sliceFound; c++)
        {
            int end = c + r.Count;
            if (end < o.DurableMessages || end > o.Submitted.Count)
            {
                continue;
            }

            sliceFound = r.SequenceEqual(o.Submitted.Skip(c).Take(r.Count));
        }

        if (!sliceFound)
        {
            return $"journal: recovered [{string.Join(" ", r)}] is not the submitted messages from #{o.DurableConfirmations}..{o.ConfirmRequested} "
                + $"up to at least #{o.DurableMessages} of [{string.Join(" ", o.Submitted)}]";
        }

        foreach (KeyValuePair<int, int> mapping in o.ObservedTransactionIds)
        {
            bool stillHeld = r.Contains("Stop/" + mapping.Key) || !o.Submitted.Contains("Stop/" + mapping.Key);
            if (stillHeld && o.RecoveredTransactionIds[mapping.Key] != mapping.Value)
            {
                return $"journal: transaction {mapping.Key} lost its central transactionId {mapping.Value}";
            }
        }

        if (o.AfterRecoveryExpected != null && (!o.AfterRecoveryDurable || !o.AfterRecoveryRecovered.SequenceEqual(o.AfterRecoveryExpected)))
        {
            return "journal: the session written after the recovery (durable " + o.AfterRecoveryDurable + " " + o.Debug + ") was not kept across the next reboot: ["
                + string.Join(" ", o.AfterRecoveryRecovered) + "]";
        }

        return CheckRecord("whitelist", o.RecoveredCache, o.CacheStates, o.CacheDurable, o.CacheRequested)
            ?? CheckRecord("local list", o.RecoveredList, o.ListStates, o.ListDurable, o.ListRequested)
            ?? CheckRecord("configuration", o.RecoveredConfig, o.ConfigStates, o.ConfigDurable, o.ConfigRequested);
    }

    private static string CheckRecord(string name, string recovered, Dictionary<int, string> states, int durable, int requested)
    {
        // A state that existed: the last one on flash before the cut, or one requested after it (the write in flight).
        for (int v = durable; v <= requested; v++)
        {
            if (states.TryGetValue(v, out string state) && state == recovered)
            {
                return null;
            }
        }

        return $"{name}: recovered '{recovered}' is none of the states from version {durable} to {requested}";
    }

    private enum OpKind
    {
        Begin,
        Sample,
        End,
        Deliver,
        CacheUpdate,
        CacheClear,
        ListFull,
        ListDiff,
        ConfigSet,
    }

    private readonly record struct Op(OpKind Kind, int A, int B, int PumpMs);

    private sealed class Workload
    {
        public int Seed { get; private init; }

        public Op[] Ops { get; private init; }

        public static Workload Generate(int seed)
        {
            var rng = new Random(seed);
            int count = rng.Next(15, 45);
            var ops = new Op[count];
            for (int i = 0; i < count; i++)
            {
                int roll = rng.Next(100);
                OpKind kind = roll < 15 ? OpKind.Begin
                    : roll < 40 ? OpKind.Sample
                    : roll < 50 ? OpKind.End
                    : roll < 70 ? OpKind.Deliver
                    : roll < 78 ? OpKind.CacheUpdate
                    : roll < 80 ? OpKind.CacheClear
                    : roll < 85 ? OpKind.ListFull
                    : roll < 90 ? OpKind.ListDiff
                    : OpKind.ConfigSet;
                ops[i] = new Op(kind, rng.Next(0, 60), rng.Next(0, 1000), rng.Next(0, 25));
            }

            return new Workload { Seed = seed, Ops = ops };
        }
    }

    private sealed class Outcome
    {
        public long Mutations;
        public bool CutDuringCompaction;
        public bool RebootLoaded;
        public bool FellBack;
        public int RecoveredMessages;
        public List<string> Submitted = new List<string>();
        public int ConfirmRequested;
        public int DurableMessages;
        public int DurableConfirmations;
        public List<string> Recovered = new List<string>();
        public Dictionary<int, int> PendingMappings = new Dictionary<int, int>();
        public Dictionary<int, int> ObservedTransactionIds = new Dictionary<int, int>();
        public Dictionary<int, int> RecoveredTransactionIds = new Dictionary<int, int>();
        public Dictionary<int, string> CacheStates = new Dictionary<int, string>();
        public Dictionary<int, string> ListStates = new Dictionary<int, string>();
        public Dictionary<int, string> ConfigStates = new Dictionary<int, string>();
        public int CacheDurable;
        public int CacheRequested;
        public int ListDurable;
        public int ListRequested;
        public int ConfigDurable;
        public int ConfigRequested;
        public string RecoveredCache;
        public string RecoveredList;
        public string RecoveredConfig;
        public bool AfterRecoveryDurable;
        public string Debug;
        public List<string> AfterRecoveryExpected;
        public List<string> AfterRecoveryRecovered = new List<string>();
    }
}
