using System;
using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// Arguments of the command line tool:
/// <c>--api &lt;dir&gt; --profile portable|esp32|facade [--repo-root &lt;dir&gt;] [--sources &lt;dir&gt;]... &lt;assembly.dll&gt;...</c>
/// </summary>
public sealed class CommandLine
{
    public const string Usage =
        "usage: dotnet run --project tests/Portability/Gate -- [--api <dir>] --profile portable|esp32|facade\n" +
        "           [--repo-root <dir>] [--sources <dir>]... <assembly.dll>...\n" +
        "  --api        nanoFramework API list (default: $" + ApiFolderLocator.ApiVariable + ", else <repo root>/../shared/nanoframework/api)\n" +
        "  --profile    portable (firmware, drivers, hal), esp32 (hal/Esp32), facade (hal/Esp32/Facade)\n" +
        "  --repo-root  folder holding Firmware.sln (default: found from the current folder); files are reported relative to it\n" +
        "  --sources    folder searched for declarations when an assembly has no PDB (e.g. hal/Esp32/Facade)\n" +
        "exit codes: 0 no violations, 1 violations, 2 usage error, 3 API list missing";

    public string ApiDirectory { get; private set; }

    public string Profile { get; private set; }

    public string RepoRoot { get; private set; }

    public List<string> SourceDirectories { get; } = new();

    public List<string> Assemblies { get; } = new();

    public bool Help { get; private set; }

    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> says what is wrong, or is null.</summary>
    public static CommandLine Parse(string[] args, out string error)
    {
        var result = new CommandLine();
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h":
                case "--help":
                    result.Help = true;
                    break;
                case "--api":
                case "--profile":
                case "--repo-root":
                case "--sources":
                    if (i + 1 >= args.Length)
                    {
                        error = arg + " needs a value";
                        return result;
                    }

                    string value = args[++i];
                    if (arg == "--api")
                    {
                        result.ApiDirectory = value;
                    }
                    else if (arg == "--profile")
                    {
                        result.Profile = value;
                    }
                    else if (arg == "--repo-root")
                    {
                        result.RepoRoot = value;
                    }
                    else
                    {
                        result.SourceDirectories.Add(value);
                    }

                    break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                    {
                        error = "unknown option " + arg;
                        return result;
                    }

                    result.Assemblies.Add(arg);
                    break;
            }
        }

        if (!result.Help)
        {
            if (result.Profile == null)
            {
                error = "--profile is required";
            }
            else if (GateProfile.Named(result.Profile) == null)
            {
                error = "unknown profile '" + result.Profile + "'";
            }
            else if (result.Assemblies.Count == 0)
            {
                error = "no assembly given";
            }
        }

        return result;
    }
}
