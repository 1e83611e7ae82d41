using System;
using System.IO;

namespace Wallbox.Portability;

/// <summary>
/// Where the nanoFramework API list lives: <c>WALLBOX_NANOFRAMEWORK_API</c> if set, else
/// <c>&lt;repo root&gt;/../shared/nanoframework/api</c> (the steering repository cloned beside this one).
/// The decision logic takes its inputs as parameters so it can be tested without touching the environment.
/// </summary>
public static class ApiFolderLocator
{
    public const string ApiVariable = "WALLBOX_NANOFRAMEWORK_API";
    public const string RequireVariable = "WALLBOX_REQUIRE_PORTABILITY_GATE";

    /// <summary>The file whose presence makes a folder count as the API list.</summary>
    public const string MarkerFile = "mscorlib.txt";

    public static string DefaultPath(string repoRoot)
    {
        return Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "nanoframework", "api"));
    }

    /// <summary>The variable's value when set, else the default beside <paramref name="repoRoot"/>.</summary>
    public static string Resolve(string apiVariable, string repoRoot)
    {
        if (!string.IsNullOrWhiteSpace(apiVariable))
        {
            return Path.GetFullPath(apiVariable.Trim());
        }

        return repoRoot == null ? null : DefaultPath(repoRoot);
    }

    public static bool Exists(string path)
    {
        return path != null && File.Exists(Path.Combine(path, MarkerFile));
    }

    /// <summary>
    /// Available if <paramref name="exists"/>; otherwise a failure when <paramref name="requireVariable"/> is
    /// <c>1</c> (CI), else a skip.
    /// </summary>
    public static ApiFolderStatus Evaluate(string path, bool exists, string requireVariable)
    {
        if (exists)
        {
            return new ApiFolderStatus(path, true, false, null);
        }

        bool required = string.Equals(requireVariable?.Trim(), "1", StringComparison.Ordinal);
        return required
            ? new ApiFolderStatus(path, false, true, RequiredMessage(path))
            : new ApiFolderStatus(path, false, false, SkipMessage(path));
    }

    /// <summary>Reads both variables and the file system.</summary>
    public static ApiFolderStatus FromEnvironment(string repoRoot)
    {
        string path = Resolve(Environment.GetEnvironmentVariable(ApiVariable), repoRoot);
        return Evaluate(path, Exists(path), Environment.GetEnvironmentVariable(RequireVariable));
    }

    public static string SkipMessage(string path)
    {
        return "nanoFramework API list not found at " + path
            + ": portability gate skipped (clone the steering repository beside this one or set " + ApiVariable + ")";
    }

    public static string RequiredMessage(string path)
    {
        return "nanoFramework API list not found at " + path + ", but CI requires the portability gate ("
            + RequireVariable + "=1): clone the steering repository beside this one or set " + ApiVariable;
    }
}
