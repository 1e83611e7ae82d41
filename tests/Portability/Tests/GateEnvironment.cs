using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;

namespace Wallbox.Portability.Tests;

/// <summary>
/// Shared test context: the repository root, the nanoFramework API list (skip or fail when it is missing,
/// see <see cref="ApiFolderLocator"/>), one catalog for the whole run and cached reports per assembly.
/// </summary>
internal static class GateEnvironment
{
    private static readonly Lazy<string> LazyRepoRoot = new(() =>
        RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("No " + RepositoryRoot.MarkerFile + " above " + AppContext.BaseDirectory));

    private static readonly Lazy<ApiFolderStatus> LazyStatus = new(() => ApiFolderLocator.FromEnvironment(RepoRoot));

    private static readonly Lazy<ApiCatalog> LazyCatalog = new(() => ApiCatalog.Load(Status.Path));

    private static readonly ConcurrentDictionary<string, Lazy<GateReport>> Reports = new(StringComparer.Ordinal);

    public static string RepoRoot => LazyRepoRoot.Value;

    public static ApiFolderStatus Status => LazyStatus.Value;

    /// <summary>The test output folder, where referenced assemblies and their pdbs are copied.</summary>
    public static string OutputDirectory => AppContext.BaseDirectory;

    /// <summary>
    /// The catalog, or: fails the test when CI requires the gate (WALLBOX_REQUIRE_PORTABILITY_GATE=1) and the
    /// list is missing; skips it otherwise.
    /// </summary>
    public static ApiCatalog RequireCatalog()
    {
        ApiFolderStatus status = Status;
        if (status.MustFail)
        {
            Assert.Fail(status.Message);
        }

        Skip.If(status.ShouldSkip, status.Message);
        return LazyCatalog.Value;
    }

    /// <summary>Full path of <paramref name="fileName"/> in the output folder; fails with a hint when it is not there.</summary>
    public static string OutputAssembly(string fileName)
    {
        string path = Path.Combine(OutputDirectory, fileName);
        Assert.True(File.Exists(path), fileName + " is not in " + OutputDirectory + ": build tests/Portability/Tests (it references the project)");
        return path;
    }

    /// <summary>The report for assemblies of the output folder (cached: each assembly is scanned once per run).</summary>
    public static GateReport Check(GateProfile profile, string fileName, params string[] sourceDirectories)
    {
        ApiCatalog catalog = RequireCatalog();
        string path = OutputAssembly(fileName);
        string key = profile.Name + "|" + path;
        return Reports.GetOrAdd(key, _ => new Lazy<GateReport>(() =>
            new PortabilityGate(catalog, RepoRoot).Check(profile, new[] { path }, sourceDirectories.Select(d => Path.Combine(RepoRoot, d))))).Value;
    }

    /// <summary>The text of the line a violation points at (read from the repository).</summary>
    public static string SourceLine(Violation violation)
    {
        if (violation.SourceFile == null || violation.Line == null)
        {
            return null;
        }

        string[] lines = File.ReadAllLines(Path.Combine(RepoRoot, violation.SourceFile));
        int index = violation.Line.Value - 1;
        return index >= 0 && index < lines.Length ? lines[index] : null;
    }
}
