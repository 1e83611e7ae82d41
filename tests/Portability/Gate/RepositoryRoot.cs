using System.IO;

namespace Wallbox.Portability;

/// <summary>The repository root is the folder holding Firmware.sln; found by walking up from a start folder.</summary>
public static class RepositoryRoot
{
    public const string MarkerFile = "Firmware.sln";

    /// <summary>The nearest folder at or above <paramref name="startDirectory"/> that holds Firmware.sln; null if none.</summary>
    public static string Find(string startDirectory)
    {
        if (string.IsNullOrEmpty(startDirectory))
        {
            return null;
        }

        for (var directory = new DirectoryInfo(Path.GetFullPath(startDirectory)); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, MarkerFile)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
