using System;
using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Wallbox.Hal.Simulation;

namespace Wallbox.Benchmarks.FlashWear;

/// <summary>
/// A summary column with a wear figure of the benchmark's design and profile. The simulation is deterministic, so the
/// figures are computed once here, in the host process, rather than carried out of the measured runs.
/// </summary>
public sealed class WearColumn : IColumn
{
    private static readonly ConcurrentDictionary<string, WearFigures> Figures = new ConcurrentDictionary<string, WearFigures>();
    private readonly string _name;
    private readonly Func<WearFigures, WearFigures, string> _value;

    private WearColumn(string name, string legend, Func<WearFigures, WearFigures, string> value)
    {
        _name = name;
        Legend = legend;
        _value = value;
    }

    public static readonly IColumn BytesPerTransaction = new WearColumn(
        "Flash B/tx", "Bytes handed to the flash per complete transaction (messages, confirmations, amortised compaction)",
        (own, _) => own.BytesPerTransaction.ToString("N0", CultureInfo.InvariantCulture));

    public static readonly IColumn BytesRatio = new WearColumn(
        "Flash B ratio", "Flash bytes per transaction relative to the baseline design in the same run",
        (own, baseline) => (own.BytesPerTransaction / baseline.BytesPerTransaction).ToString("0.000", CultureInfo.InvariantCulture));

    public static readonly IColumn ErasesPerTransaction = new WearColumn(
        "Erases/tx", "4 KiB blocks erased per transaction under the LittleFS model (data blocks + metadata share)",
        (own, _) => own.ErasesPerTransaction.ToString("0.0", CultureInfo.InvariantCulture));

    public static readonly IColumn LifetimeYears = new WearColumn(
        "Lifetime @50/day", "Years until the wear-levelled blocks reach 100k erase cycles at 50 sessions/day",
        (own, _) => own.LifetimeYears.ToString("0.0", CultureInfo.InvariantCulture) + " y");

    public string Id => nameof(WearColumn) + "." + _name;

    public string ColumnName => _name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var profile = (WearProfile)benchmarkCase.Parameters[nameof(TransactionFlashWearBenchmarks.Profile)];
        bool journal = benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(TransactionFlashWearBenchmarks.Record_log_journal);
        return _value(FiguresFor(profile, journal), FiguresFor(profile, false));
    }

    /// <summary>The figures of one design under one profile (computed once).</summary>
    public static WearFigures FiguresFor(WearProfile profile, bool journal) =>
        Figures.GetOrAdd(profile + "/" + journal, _ => WearFigures.Measure(profile, Create(journal)));

    public static Func<SimulatedFileStore, ITransactionBufferUnderTest> Create(bool journal) =>
        journal ? flash => new JournalUnderTest(flash) : flash => new SnapshotBufferUnderTest(flash);

    public override string ToString() => _name;
}
