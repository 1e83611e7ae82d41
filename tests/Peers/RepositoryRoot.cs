using System;
using System.IO;
using System.Reflection;

namespace Wallbox.Tests.Peers;

/// <summary>Finds the repository (the folder holding Firmware.sln), where the peers' folders are.</summary>
public static class RepositoryRoot
{
    /// <summary>Environment variable that names the repository folder explicitly.</summary>
    public const string EnvironmentVariable = "WALLBOX_REPO";

    private const string MarkerFile = "Firmware.sln";
    private static readonly Lazy<string> Found = new Lazy<string>(Locate);

    /// <summary>
    /// The repository folder: <see cref="EnvironmentVariable"/> when set, else the nearest folder holding Firmware.sln
    /// above the test assembly, else the folder this library was built from (builds with an artifacts path).
    /// </summary>
    /// <exception cref="InvalidOperationException">None of them holds Firmware.sln.</exception>
    public static string Path => Found.Value;

    /// <summary>The folder of the peer <paramref name="name"/>: tests/Peers/<paramref name="name"/>.</summary>
    public static string PeerFolder(string name) => System.IO.Path.Combine(Path, "tests", "Peers", name);

    private static string Locate()
    {
        string fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            if (!File.Exists(System.IO.Path.Combine(fromEnvironment, MarkerFile)))
            {
                throw new InvalidOperationException(EnvironmentVariable + "=" + fromEnvironment + " does not hold " + MarkerFile + ".");
            }

            return System.IO.Path.GetFullPath(fromEnvironment);
        }

        for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, MarkerFile)))
            {
                return dir.FullName;
            }
        }

        foreach (AssemblyMetadataAttribute metadata in typeof(RepositoryRoot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (metadata.Key == "WallboxRepoRoot" && metadata.Value != null && File.Exists(System.IO.Path.Combine(metadata.Value, MarkerFile)))
            {
                return System.IO.Path.GetFullPath(metadata.Value);
            }
        }

        throw new InvalidOperationException(
            "Cannot find the repository (a folder holding " + MarkerFile + ") above " + AppContext.BaseDirectory
            + "; set " + EnvironmentVariable + " to it.");
    }
}
