using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// Entry point of the gate as a library: checks compiled assemblies against a <see cref="GateProfile"/> of
/// the nanoFramework 1.x API list and returns a <see cref="GateReport"/>.
/// </summary>
public sealed class PortabilityGate
{
    public PortabilityGate(ApiCatalog catalog, string repoRoot = null)
    {
        Catalog = catalog;
        RepoRoot = repoRoot;
    }

    public ApiCatalog Catalog { get; }

    /// <summary>Source files are reported relative to this folder; null: found from each assembly's location.</summary>
    public string RepoRoot { get; }

    /// <summary>Loads the catalog from <paramref name="apiDirectory"/> and checks the assemblies.</summary>
    public static GateReport Run(string apiDirectory, GateProfile profile, IEnumerable<string> assemblies, string repoRoot = null, IEnumerable<string> sourceDirectories = null)
    {
        return new PortabilityGate(ApiCatalog.Load(apiDirectory), repoRoot).Check(profile, assemblies, sourceDirectories);
    }

    /// <param name="profile">What to check and against which API files.</param>
    /// <param name="assemblyPaths">Compiled assemblies (their .pdb next to them gives file and line).</param>
    /// <param name="sourceDirectories">Extra folders to search for type declarations when an assembly has no PDB (the facade).</param>
    public GateReport Check(GateProfile profile, IEnumerable<string> assemblyPaths, IEnumerable<string> sourceDirectories = null)
    {
        var missing = profile.ApiFiles.Where(f => !Catalog.Files.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("The API list at " + Catalog.Directory + " lacks file(s) of " + profile.Description + ": " + string.Join(", ", missing));
        }

        var lookup = new ApiLookup(Catalog, profile.ApiFiles);
        var queries = new MemberQueryBuilder(Catalog, new DefinitionNames());
        var names = new List<string>();
        var violations = new List<Violation>();
        var used = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var loader = new AssemblyLoader();
        foreach (string path in assemblyPaths)
        {
            AssemblyDefinition assembly = loader.Load(path);
            string name = assembly.Name.Name;
            string fileName = Path.GetFileName(path);
            names.Add(name);
            string root = RepoRoot ?? RepositoryRoot.Find(Path.GetDirectoryName(Path.GetFullPath(path)));
            var directories = (sourceDirectories ?? Enumerable.Empty<string>()).ToList();
            string documentRoot = DocumentRoot(assembly);
            if (documentRoot != null && (root == null || IsUnder(documentRoot, root)))
            {
                directories.Add(documentRoot);
            }

            var locator = new SourceLocator(root, directories);
            if (profile.Mode == GateMode.CheckFacadeDeclarations)
            {
                foreach (var (finding, site) in new FacadeChecker(lookup, queries).Check(assembly))
                {
                    var (file, line) = locator.Locate(site);
                    violations.Add(new Violation(file, line, MemberDisplay.TypeName(site.Type), MemberDisplay.MemberName(site), finding.Api, finding.Reason + " (" + profile.Description + ")", finding.Kind, fileName));
                }

                used[name] = Array.Empty<string>();
                continue;
            }

            var checker = new ReferenceChecker(lookup, profile, queries, CompilationFacts.Read(path));
            var collector = new ViolationCollector(checker, locator, profile, fileName);
            AssemblyScanner.Scan(assembly, collector);
            violations.AddRange(collector.Violations);
            used[name] = checker.UsedFiles.ToList();
        }

        return new GateReport(profile, names, violations, used, Catalog.Files);
    }

    /// <summary>
    /// The deepest folder holding every source document of the assembly's PDB (normally the project folder):
    /// searched for declarations of types that have no sequence points (interfaces, enums).
    /// </summary>
    private static string DocumentRoot(AssemblyDefinition assembly)
    {
        var documents = assembly.Modules
            .SelectMany(m => m.GetTypes())
            .SelectMany(t => t.Methods)
            .Where(m => m.DebugInformation.HasSequencePoints)
            .Select(m => m.DebugInformation.SequencePoints[0].Document.Url)
            .Where(u => Path.IsPathRooted(u))
            .Select(u => Path.GetDirectoryName(u))
            .Distinct()
            .ToList();
        if (documents.Count == 0)
        {
            return null;
        }

        string common = documents[0];
        foreach (string directory in documents.Skip(1))
        {
            while (common != null && !IsUnder(directory, common))
            {
                common = Path.GetDirectoryName(common);
            }
        }

        // Never search a whole drive: a document outside the project tree would widen the root to it.
        bool usable = common != null && Directory.Exists(common) && common != Path.GetPathRoot(common);
        return usable ? common : null;
    }

    private static bool IsUnder(string directory, string root)
    {
        string d = directory.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        string r = root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar;
        return d.StartsWith(r, StringComparison.Ordinal);
    }
}
