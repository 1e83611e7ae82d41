using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Wallbox.Benchmarks.FlashWear;

namespace Wallbox.Benchmarks;

/// <summary>
/// Flash written per complete transaction by the firmware's record-log journal against the baseline of one
/// atomically replaced snapshot of the whole buffer, for each way a transaction reaches the central system. The
/// wear columns carry the result (bytes, erases, lifetime at 50 sessions/day); the time columns are the host cost of
/// simulating 80 transactions. Issue 4; assumptions in docs/storage.md.
/// </summary>
[Config(typeof(Config))]
public class TransactionFlashWearBenchmarks
{
    /// <summary>How transactions reach the central system.</summary>
    [Params(WearProfile.OnlineStartStopOnly, WearProfile.OnlineEvery60sAroundTheClock, WearProfile.OfflineFortyThenReplay)]
    public WearProfile Profile { get; set; }

    /// <summary>The whole buffer rewritten on every change (baseline).</summary>
    [Benchmark(Baseline = true)]
    public WearFigures Snapshot_of_the_whole_buffer() => WearFigures.Measure(Profile, WearColumn.Create(false));

    /// <summary>The firmware's append-only journal.</summary>
    [Benchmark]
    public WearFigures Record_log_journal() => WearFigures.Measure(Profile, WearColumn.Create(true));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(WearColumn.BytesPerTransaction, WearColumn.BytesRatio, WearColumn.ErasesPerTransaction, WearColumn.LifetimeYears);
        }
    }
}
