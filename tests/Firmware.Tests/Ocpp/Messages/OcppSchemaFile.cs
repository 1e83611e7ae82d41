using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>
/// The official OCPP 1.6 JSON schemas the message model is generated from: ocpp-rpc's lib/schemas/ocpp1_6.json, from
/// WALLBOX_OCPP_SCHEMAS or the pinned test peer (tests/Peers/ocpp-csms, installed by tests/run with npm ci).
/// </summary>
internal static class OcppSchemaFile
{
    /// <summary>Environment variable naming the schema file.</summary>
    public const string EnvironmentVariable = "WALLBOX_OCPP_SCHEMAS";

    /// <summary>The peer's copy, relative to the repository root.</summary>
    public const string PeerPath = "tests/Peers/ocpp-csms/node_modules/ocpp-rpc/lib/schemas/ocpp1_6.json";

    /// <summary>The schema file to use (it may not exist).</summary>
    public static string Path
    {
        get
        {
            string fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrEmpty(fromEnvironment)
                ? System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, PeerPath))
                : System.IO.Path.GetFullPath(fromEnvironment);
        }
    }

    /// <summary>The schema file, or skips the test with the reason.</summary>
    public static string Require()
    {
        string path = Path;
        Skip.IfNot(
            File.Exists(path),
            "OCPP 1.6 JSON schemas not found at " + path + ": run tests/run (npm ci in tests/Peers/ocpp-csms) or set " + EnvironmentVariable
            + " to ocpp-rpc's lib/schemas/ocpp1_6.json");
        return path;
    }

    /// <summary>firmware/Ocpp/Messages, where the generated model is committed.</summary>
    public static string MessagesFolder => System.IO.Path.Combine(RepositoryRoot, "firmware", "Ocpp", "Messages");

    /// <summary>
    /// The folder holding Firmware.sln: searched upwards from the test assembly, else from this source file (builds
    /// with --artifacts-path put the assembly outside the repository).
    /// </summary>
    public static string RepositoryRoot => FindRoot(AppContext.BaseDirectory) ?? FindRoot(SourceFile()) ?? throw new InvalidOperationException("repository root not found");

    private static string FindRoot(string start)
    {
        var dir = new DirectoryInfo(start);
        while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Firmware.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }

    private static string SourceFile([CallerFilePath] string path = "")
    {
        return System.IO.Path.GetDirectoryName(path);
    }
}
