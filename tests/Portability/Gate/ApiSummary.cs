using System;
using System.Collections.Generic;
using System.IO;

namespace Wallbox.Portability;

/// <summary>
/// Reads <c>api/_summary.tsv</c> (<c>file, assembly, nuget, repo, commit, counts</c>): which assembly and NuGet
/// package each API file stands for. That is what tells the device project its package references.
/// </summary>
public static class ApiSummary
{
    public const string FileName = "_summary.tsv";

    /// <summary>File id to (assembly, NuGet id). Empty if the file is missing.</summary>
    public static Dictionary<string, (string Assembly, string NuGet)> Read(string apiDirectory)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        string path = Path.Combine(apiDirectory, FileName);
        if (!File.Exists(path))
        {
            return result;
        }

        foreach (string line in File.ReadAllLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] columns = line.Split('\t');
            if (columns.Length >= 3)
            {
                result[columns[0]] = (columns[1], columns[2]);
            }
        }

        return result;
    }
}
