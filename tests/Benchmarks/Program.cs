using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using Wallbox.Benchmarks.FlashWear;

namespace Wallbox.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project tests/Benchmarks -- --filter '*'</c>. With <c>--wear-table</c> it
/// prints only the flash-wear figures (deterministic, seconds) as the table docs/storage.md quotes.
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line (BenchmarkDotNet switcher).</summary>
    public static void Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--wear-table")
        {
            PrintWearTable();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void PrintWearTable()
    {
        Console.WriteLine("| Profile | Design | Flash B/tx | Ratio to baseline | Erases/tx | Lifetime @50/day |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (WearProfile profile in Enum.GetValues<WearProfile>())
        {
            WearFigures baseline = WearColumn.FiguresFor(profile, false);
            foreach (bool journal in new[] { false, true })
            {
                WearFigures own = WearColumn.FiguresFor(profile, journal);
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0} | {1} | {2:N0} | {3:0.000} | {4:0.0} | {5:0.0} y |",
                    profile,
                    journal ? "record-log journal" : "snapshot (baseline)",
                    own.BytesPerTransaction,
                    own.BytesPerTransaction / baseline.BytesPerTransaction,
                    own.ErasesPerTransaction,
                    own.LifetimeYears));
            }
        }
    }
}
