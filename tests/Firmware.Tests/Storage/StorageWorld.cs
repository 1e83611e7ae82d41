using System;
using System.Collections.Generic;
using System.Linq;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Storage;

/// <summary>
/// Every persistent store of the firmware booted on one simulated flash: transaction journal, whitelist, local list
/// and configuration, ticked together as in the main loop.
/// </summary>
internal sealed class StorageWorld
{
    public const int SmallCompactionThresholdBytes = 768;

    public static readonly string[] ConfigKeys = { "HeartbeatInterval", "FreeVend", "OfflineMode", "CentralSystemUrl" };

    public StorageWorld(SimulatedFileStore store, VirtualClock clock)
    {
        Store = store;
        Clock = clock;
        Wall = new SimulatedWallClock(clock);
        Journal = new TransactionJournal(store, @"I:\tx\", SmallCompactionThresholdBytes);
        Cache = new AuthorizationCache(store, @"I:\authcache", Wall);
        List = new LocalAuthorizationList(store, @"I:\locallist", Wall);
        Config = new ConfigurationStore(store, @"I:\config");
        Config.Declare(ConfigKey.Integer("HeartbeatInterval", 60, 0, 86400));
        Config.Declare(ConfigKey.Boolean("FreeVend", false));
        Config.Declare(ConfigKey.Text("OfflineMode", "Whitelist", 16).OneOf(new[] { "Whitelist", "AcceptAll", "RefuseAll" }));
        Config.Declare(ConfigKey.Text("CentralSystemUrl", string.Empty, 255).StartingWith(new[] { "ws://", "wss://" }));
        Journal.StartLoad();
        Cache.StartLoad();
        List.StartLoad();
        Config.StartLoad();
        PumpUntil(() => Journal.IsLoaded && Cache.IsLoaded && List.IsLoaded && Config.IsLoaded, 20_000);
    }

    public SimulatedFileStore Store { get; }

    public VirtualClock Clock { get; }

    public SimulatedWallClock Wall { get; }

    public TransactionJournal Journal { get; }

    public AuthorizationCache Cache { get; }

    public LocalAuthorizationList List { get; }

    public ConfigurationStore Config { get; }

    public bool AllLoaded => Journal.IsLoaded && Cache.IsLoaded && List.IsLoaded && Config.IsLoaded;

    public void Pump(int ms)
    {
        for (int i = 0; i < ms && !Store.PowerLost; i++)
        {
            Clock.AdvanceMs(1);
            Store.Advance(Clock.NowUs);
            Journal.Tick(Clock.NowMs);
            Journal.PollHead();
            Cache.Tick(Clock.NowMs);
            List.Tick(Clock.NowMs);
            Config.Tick(Clock.NowMs);
        }
    }

    public bool PumpUntil(Func<bool> condition, int maxMs)
    {
        for (int i = 0; i < maxMs && !condition() && !Store.PowerLost; i++)
        {
            Pump(1);
        }

        return condition();
    }

    public string CacheState()
    {
        var tags = new List<string>();
        for (int i = 0; i < Cache.Count; i++)
        {
            tags.Add(Cache.IdTagAt(i));
        }

        tags.Sort(StringComparer.Ordinal);
        return string.Join(",", tags);
    }

    public string ListState()
    {
        var entries = new List<string>();
        var info = new IdTagInfo();
        for (int i = 0; i < List.Count; i++)
        {
            string tag = List.IdTagAt(i);
            List.TryGet(tag, info);
            entries.Add(tag + "=" + info.Status);
        }

        entries.Sort(StringComparer.Ordinal);
        return "v" + List.Version + ":" + string.Join(",", entries);
    }

    public string ConfigState() => string.Join(";", ConfigKeys.Select(k => k + "=" + Config.Get(k)));

    /// <summary>Reads every pending journal message, oldest first, as "Kind/localTx/sample".</summary>
    public List<string> PendingMessages()
    {
        var messages = new List<string>();
        for (int i = 0; i < Journal.PendingMessageCount; i++)
        {
            if (!Journal.TryFetch(i) || !PumpUntil(() => Journal.IsHeadReady, 5000))
            {
                messages.Add("<unreadable>");
                continue;
            }

            messages.Add(Describe(Journal.Head));
            Journal.ReleaseHead();
        }

        return messages;
    }

    public static string Describe(JournalMessage m) =>
        m.Kind + "/" + m.LocalTransactionId + (m.Kind == JournalMessageKind.MeterValues ? "/" + m.Samples[0] : string.Empty);
}
