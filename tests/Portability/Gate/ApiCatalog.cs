using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Wallbox.Portability;

/// <summary>
/// The nanoFramework 1.x public API, loaded from the <c>*.txt</c> files directly in the <c>api/</c> folder
/// (never <c>api/develop/</c>: that is the 2.0 preview line, which has generics). Lines whose <c>[#if X]</c> does
/// not hold for the package's build are left out (kept aside only to explain a violation).
/// Lookups by full name return every file's declaration; <see cref="ApiLookup"/> narrows them to a profile.
/// </summary>
public sealed class ApiCatalog
{
    private readonly Dictionary<string, ApiFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ApiType>> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _excluded = new(StringComparer.Ordinal);

    private ApiCatalog(string directory)
    {
        Directory = directory;
    }

    /// <summary>The folder the catalog was read from; null for catalogs parsed from text.</summary>
    public string Directory { get; }

    public IReadOnlyDictionary<string, ApiFile> Files => _files;

    public IEnumerable<ApiType> AllTypes => _types.Values.SelectMany(t => t);

    /// <summary>Member lines whose declaring type has no <c>T</c> line in the same file (0 in the shipped lists).</summary>
    public int OrphanMemberLines { get; private set; }

    /// <summary>Reads every <c>*.txt</c> in <paramref name="apiDirectory"/> plus <c>_summary.tsv</c>.</summary>
    public static ApiCatalog Load(string apiDirectory)
    {
        if (!System.IO.Directory.Exists(apiDirectory))
        {
            throw new DirectoryNotFoundException("nanoFramework API list not found at " + apiDirectory);
        }

        var summary = ApiSummary.Read(apiDirectory);
        var files = System.IO.Directory.GetFiles(apiDirectory, "*.txt", SearchOption.TopDirectoryOnly)
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (Path.GetFileNameWithoutExtension(p), File.ReadAllText(p)));
        return Parse(files, summary, apiDirectory);
    }

    /// <summary>Builds a catalog from file texts (id = file name without <c>.txt</c>); used by tests with handwritten lines.</summary>
    public static ApiCatalog Parse(
        IEnumerable<(string FileId, string Text)> files,
        IReadOnlyDictionary<string, (string Assembly, string NuGet)> summary = null,
        string directory = null)
    {
        var catalog = new ApiCatalog(directory);
        foreach (var (fileId, text) in files)
        {
            catalog.AddFile(fileId, text, summary);
        }

        catalog.FixClassBases();
        return catalog;
    }

    /// <summary>Every declaration of <paramref name="fullName"/> (CLR name, no generic parameters), in any file.</summary>
    public IReadOnlyList<ApiType> TypesNamed(string fullName)
    {
        return _types.TryGetValue(fullName, out var list) ? list : (IReadOnlyList<ApiType>)Array.Empty<ApiType>();
    }

    /// <summary>
    /// Lines mentioning <paramref name="fullName"/> (as the type, or as the declaring type of a member) that were
    /// left out because their <c>[#if X]</c> does not hold; for explaining violations.
    /// </summary>
    public IReadOnlyList<string> ExcludedLines(string fullName)
    {
        return _excluded.TryGetValue(fullName, out var list) ? list : (IReadOnlyList<string>)Array.Empty<string>();
    }

    private void AddFile(string fileId, string text, IReadOnlyDictionary<string, (string Assembly, string NuGet)> summary)
    {
        var defines = new HashSet<string>(StringComparer.Ordinal);
        string assembly = null;
        string nuget = null;
        var typesInFile = new Dictionary<string, ApiType>(StringComparer.Ordinal);
        var pendingMembers = new List<ApiMember>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r', ' ');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '#')
            {
                ReadHeader(line, defines, ref assembly, ref nuget);
                continue;
            }

            string condition = null;
            int conditionStart = line.LastIndexOf(" [#if ", StringComparison.Ordinal);
            if (conditionStart >= 0 && line.EndsWith(']'))
            {
                condition = line.Substring(conditionStart + 6, line.Length - conditionStart - 7);
                line = line.Substring(0, conditionStart);
            }

            bool present = PreprocessorCondition.Evaluate(condition, defines);
            if (line.StartsWith("T ", StringComparison.Ordinal))
            {
                ApiType type = ApiLineParser.ParseType(line, fileId);
                if (present)
                {
                    typesInFile[type.FullName] = type;
                }
                else
                {
                    Exclude(type.FullName, fileId, line, condition);
                }
            }
            else if (line.Length > 2 && line[1] == ' ' && "CMPEF".IndexOf(line[0]) >= 0)
            {
                ApiMember member = ApiLineParser.ParseMember(line, fileId);
                if (present)
                {
                    pendingMembers.Add(member);
                }
                else
                {
                    Exclude(member.DeclaringType, fileId, line, condition);
                }
            }
        }

        // Members may precede their type line in principle; attach once the whole file is read.
        foreach (ApiMember member in pendingMembers)
        {
            if (typesInFile.TryGetValue(member.DeclaringType, out ApiType owner))
            {
                owner.Members.Add(member);
            }
            else
            {
                OrphanMemberLines++;
            }
        }

        foreach (ApiType type in typesInFile.Values)
        {
            if (!_types.TryGetValue(type.FullName, out var list))
            {
                _types[type.FullName] = list = new List<ApiType>();
            }

            list.Add(type);
        }

        (string Assembly, string NuGet) row = default;
        bool inSummary = summary != null && summary.TryGetValue(fileId, out row);
        int at = fileId.IndexOf('@');
        _files[fileId] = new ApiFile
        {
            Id = fileId,
            Assembly = inSummary ? row.Assembly : assembly ?? (at < 0 ? fileId : fileId.Substring(0, at)),
            NuGet = inSummary ? row.NuGet : nuget,
            Defines = defines,
        };
    }

    private void Exclude(string name, string fileId, string line, string condition)
    {
        if (!_excluded.TryGetValue(name, out var list))
        {
            _excluded[name] = list = new List<string>();
        }

        list.Add(fileId + ": " + line + " [#if " + condition + "]");
    }

    /// <summary>Header lines: <c># source: ... ; assembly X</c>, <c># ref: ... ; defines: A B ; ...</c>, <c># nuget: id</c>.</summary>
    private static void ReadHeader(string line, HashSet<string> defines, ref string assembly, ref string nuget)
    {
        foreach (string part in line.TrimStart('#').Split(';'))
        {
            string item = part.Trim();
            if (item.StartsWith("defines:", StringComparison.Ordinal))
            {
                foreach (string symbol in item.Substring(8).Split(new[] { ' ', ',' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    if (symbol != "(none)")
                    {
                        defines.Add(symbol);
                    }
                }
            }
            else if (item.StartsWith("assembly ", StringComparison.Ordinal))
            {
                assembly = item.Substring(9).Trim();
            }
            else if (item.StartsWith("nuget:", StringComparison.Ordinal))
            {
                nuget = item.Substring(6).Trim();
            }
        }
    }

    /// <summary>A class line whose first base turns out to be an interface has System.Object as its base class.</summary>
    private void FixClassBases()
    {
        foreach (var list in _types.Values)
        {
            for (int i = 0; i < list.Count; i++)
            {
                ApiType type = list[i];
                if (type.Kind != ApiTypeKind.Class || type.BaseType == null)
                {
                    continue;
                }

                bool baseIsInterface = TypesNamed(type.BaseType).Any(b => b.Kind == ApiTypeKind.Interface);
                if (!baseIsInterface)
                {
                    continue;
                }

                var fixedType = new ApiType
                {
                    FullName = type.FullName,
                    Kind = type.Kind,
                    GenericParameters = type.GenericParameters,
                    Modifiers = type.Modifiers,
                    BaseType = "System.Object",
                    Interfaces = new[] { type.BaseType }.Concat(type.Interfaces).ToList(),
                    File = type.File,
                    Text = type.Text,
                };
                fixedType.Members.AddRange(type.Members);
                list[i] = fixedType;
            }
        }
    }
}
