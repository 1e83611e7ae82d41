using System;
using System.IO;

namespace Wallbox.Firmware.Tests;

/// <summary>Locates files of the repository (documentation that tests keep in step with the code).</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Firmware.sln, found upwards from the test assembly.</summary>
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Firmware.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>A file under docs/.</summary>
    public static string Doc(string name) => Path.Combine(Root, "docs", name);
}
