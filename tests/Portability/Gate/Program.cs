using System;
using System.IO;
using System.Linq;

namespace Wallbox.Portability;

/// <summary>
/// Command line: prints the report and exits 0 (clean), 1 (violations), 2 (usage error) or 3 (the API list is
/// missing — CI treats that as a failure, it must never pass silently).
/// </summary>
public static class Program
{
    public const int Clean = 0;
    public const int ViolationsFound = 1;
    public const int UsageError = 2;
    public const int ApiListMissing = 3;

    public static int Main(string[] args)
    {
        CommandLine options = CommandLine.Parse(args, out string error);
        if (options.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return Clean;
        }

        if (error != null)
        {
            Console.Error.WriteLine("error: " + error);
            Console.Error.WriteLine(CommandLine.Usage);
            return UsageError;
        }

        string repoRoot = options.RepoRoot ?? RepositoryRoot.Find(Directory.GetCurrentDirectory());
        string api = options.ApiDirectory != null
            ? Path.GetFullPath(options.ApiDirectory)
            : ApiFolderLocator.Resolve(Environment.GetEnvironmentVariable(ApiFolderLocator.ApiVariable), repoRoot);
        if (!ApiFolderLocator.Exists(api))
        {
            Console.Error.WriteLine("error: nanoFramework API list not found at " + (api ?? "(no --api given and no repository root found)")
                + " (expected " + ApiFolderLocator.MarkerFile + " there): pass --api <dir>, set " + ApiFolderLocator.ApiVariable
                + ", or clone the steering repository beside this one");
            return ApiListMissing;
        }

        var absent = options.Assemblies.Where(a => !File.Exists(a)).ToList();
        if (absent.Count > 0)
        {
            Console.Error.WriteLine("error: assembly not found: " + string.Join(", ", absent) + " (build it first)");
            return UsageError;
        }

        GateReport report = PortabilityGate.Run(api, GateProfile.Named(options.Profile), options.Assemblies, repoRoot, options.SourceDirectories);
        Console.Write(report.Format());
        return report.IsClean ? Clean : ViolationsFound;
    }
}
