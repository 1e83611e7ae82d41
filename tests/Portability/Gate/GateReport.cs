using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wallbox.Portability;

/// <summary>
/// The outcome of a gate run: the violations (each distinct (location, API) once, sorted by file, line,
/// member, API) and, per assembly, the API files — hence nanoFramework NuGet packages — its references
/// resolved to, which is the package list the device project needs.
/// </summary>
public sealed class GateReport
{
    public GateReport(
        GateProfile profile,
        IEnumerable<string> assemblies,
        IEnumerable<Violation> violations,
        IReadOnlyDictionary<string, IReadOnlyList<string>> apiFilesUsed,
        IReadOnlyDictionary<string, ApiFile> files)
    {
        Profile = profile;
        Assemblies = assemblies.ToList();
        Violations = Deduplicate(violations);
        ApiFilesUsed = apiFilesUsed;
        Files = files;
    }

    public GateProfile Profile { get; }

    /// <summary>Assembly names, in the order given.</summary>
    public IReadOnlyList<string> Assemblies { get; }

    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>Assembly name to the API file ids it uses (empty for the facade profile).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ApiFilesUsed { get; }

    public IReadOnlyDictionary<string, ApiFile> Files { get; }

    public bool IsClean => Violations.Count == 0;

    /// <summary>NuGet package ids for the API files <paramref name="assembly"/> uses (file id when the summary has none).</summary>
    public IReadOnlyList<string> PackagesUsed(string assembly)
    {
        if (!ApiFilesUsed.TryGetValue(assembly, out var used))
        {
            return Array.Empty<string>();
        }

        return used.Select(f => Files.TryGetValue(f, out ApiFile file) && file.NuGet != null ? file.NuGet : f)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The report text: one line per violation, a summary line, and the packages used.</summary>
    public string Format()
    {
        var sb = new StringBuilder();
        foreach (Violation violation in Violations)
        {
            sb.AppendLine(violation.ToString());
        }

        sb.Append(IsClean ? "OK: no violations" : Violations.Count + " violation(s)")
            .Append(" in ").Append(string.Join(", ", Assemblies))
            .Append(" (").Append(Profile.Description).AppendLine(")");
        foreach (string assembly in Assemblies)
        {
            if (ApiFilesUsed.TryGetValue(assembly, out var used) && used.Count > 0)
            {
                sb.Append("nanoFramework packages used by ").Append(assembly).Append(": ")
                    .AppendLine(string.Join(", ", used.Select(DescribeFile)));
            }
        }

        return sb.ToString();
    }

    public override string ToString() => Format();

    private string DescribeFile(string fileId)
    {
        return Files.TryGetValue(fileId, out ApiFile file) && file.NuGet != null ? file.NuGet + " (" + fileId + ")" : fileId;
    }

    /// <summary>One violation per (file, line, API); findings without a line are also told apart by member.</summary>
    private static List<Violation> Deduplicate(IEnumerable<Violation> violations)
    {
        var seen = new HashSet<(string, int?, string, string)>();
        var result = new List<Violation>();
        foreach (Violation v in violations)
        {
            string member = v.Line == null ? v.Where : "";
            if (seen.Add((v.SourceFile ?? v.Assembly, v.Line, member, v.Api)))
            {
                result.Add(v);
            }
        }

        return result
            .OrderBy(v => v.SourceFile == null ? 1 : 0)
            .ThenBy(v => v.SourceFile ?? v.Assembly, StringComparer.Ordinal)
            .ThenBy(v => v.Line ?? 0)
            .ThenBy(v => v.Where, StringComparer.Ordinal)
            .ThenBy(v => v.Api, StringComparer.Ordinal)
            .ToList();
    }
}
