using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace Wallbox.Tests.Peers;

/// <summary>
/// A Node.js peer process: <c>node &lt;script&gt; &lt;arguments&gt;</c> run in a peer folder, commands written to
/// its stdin as JSON lines, every stdout line kept as a <see cref="PeerEvent"/> (thread-safe) for the waiting
/// helpers, stderr kept for failure messages.
/// </summary>
/// <remarks>
/// The peer's npm packages are installed with <c>npm ci</c> (pinned by its package-lock.json) the first time a
/// process of this test run needs a folder whose node_modules is missing. <see cref="PeerProcess.Dispose"/> closes
/// stdin (the peers exit on it), waits <see cref="PeerProcess.ExitGraceMs"/>, then kills the process tree.
/// </remarks>
public sealed class NodePeerProcess : PeerProcess
{
    /// <summary>How long <c>npm ci</c> may take, milliseconds.</summary>
    public const int InstallTimeoutMs = 5 * 60 * 1000;

    private static readonly object InstallGate = new object();
    private static readonly HashSet<string> InstalledFolders = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Describes a peer process; <see cref="PeerProcess.Start"/> starts it.</summary>
    /// <param name="peerFolder">Folder holding the script and its package.json (the working directory).</param>
    /// <param name="script">Script file name inside <paramref name="peerFolder"/>.</param>
    /// <param name="arguments">Command-line arguments after the script.</param>
    public NodePeerProcess(string peerFolder, string script, params string[] arguments)
        : base(peerFolder, "node", script ?? throw new ArgumentNullException(nameof(script)), Prepend(script, arguments))
    {
        Script = script;
    }

    /// <summary>The peer's folder.</summary>
    public string PeerFolder => WorkingFolder;

    /// <summary>The script run by node.</summary>
    public string Script { get; }

    /// <summary>
    /// Runs <c>npm ci</c> in <paramref name="peerFolder"/> when its node_modules folder is missing; at most once per
    /// folder and test process, serialised between threads.
    /// </summary>
    /// <exception cref="PeerException">npm is missing or fails.</exception>
    public static void EnsureInstalled(string peerFolder)
    {
        string folder = Path.GetFullPath(peerFolder);
        lock (InstallGate)
        {
            if (InstalledFolders.Contains(folder) || Directory.Exists(Path.Combine(folder, "node_modules")))
            {
                InstalledFolders.Add(folder);
                return;
            }

            if (!File.Exists(Path.Combine(folder, "package-lock.json")))
            {
                throw new PeerException("The peer folder " + folder + " has no package-lock.json to install from.");
            }

            ProcessStartInfo start = new ProcessStartInfo("npm")
            {
                WorkingDirectory = folder,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
            {
                start.ArgumentList.Add(argument);
            }

            using Process npm = StartOrExplain(start, "npm");
            StringBuilder output = new StringBuilder();
            npm.OutputDataReceived += (_, e) => AppendLine(output, e.Data);
            npm.ErrorDataReceived += (_, e) => AppendLine(output, e.Data);
            npm.BeginOutputReadLine();
            npm.BeginErrorReadLine();
            if (!npm.WaitForExit(InstallTimeoutMs))
            {
                npm.Kill(entireProcessTree: true);
                throw new PeerException("npm ci in " + folder + " took longer than " + InstallTimeoutMs + " ms.\n" + output);
            }

            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new PeerException("npm ci in " + folder + " failed with exit code " + npm.ExitCode + ":\n" + output);
            }

            InstalledFolders.Add(folder);
        }
    }

    /// <inheritdoc />
    protected override void BeforeStart() => EnsureInstalled(PeerFolder);

    /// <inheritdoc />
    protected override string MissingProgramMessage() => NodeMissingMessage("node");

    private static string[] Prepend(string script, string[] arguments)
    {
        arguments ??= Array.Empty<string>();
        string[] all = new string[arguments.Length + 1];
        all[0] = script;
        Array.Copy(arguments, 0, all, 1, arguments.Length);
        return all;
    }

    private static Process StartOrExplain(ProcessStartInfo start, string program)
    {
        try
        {
            return Process.Start(start) ?? throw new PeerException("Could not start " + program + ".");
        }
        catch (Win32Exception e)
        {
            throw new PeerException(NodeMissingMessage(program), e);
        }
    }

    private static string NodeMissingMessage(string program) =>
        "'" + program + "' is not installed (not found on PATH). The real test peers need Node.js and npm: "
        + "apt-get install -y nodejs npm (tests/run installs them when missing).";

    private static void AppendLine(StringBuilder builder, string line)
    {
        if (line == null)
        {
            return;
        }

        lock (builder)
        {
            builder.Append(line).Append('\n');
        }
    }
}
