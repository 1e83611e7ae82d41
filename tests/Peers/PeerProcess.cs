using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;

namespace Wallbox.Tests.Peers;

/// <summary>
/// A peer process: a program run in a peer folder, commands written to its stdin as lines (JSON or text), every
/// stdout line kept as a <see cref="PeerEvent"/> (thread-safe) for the waiting helpers, stderr kept for failure
/// messages (and waitable, for programs that report on stderr, like socat).
/// </summary>
/// <remarks>
/// <see cref="Dispose"/> closes stdin (the peers exit on it), waits <see cref="ExitGraceMs"/>, then kills the process
/// tree. <see cref="NodePeerProcess"/> runs Node.js peers; native peers (the libmodbus server, socat) use this class.
/// </remarks>
public class PeerProcess : IDisposable
{
    /// <summary>How long <see cref="Dispose"/> waits for the peer to exit by itself after stdin closes, milliseconds.</summary>
    public const int ExitGraceMs = 3000;

    /// <summary>Most stderr characters kept (the tail is kept).</summary>
    public const int StandardErrorMaxChars = 64 * 1024;

    /// <summary>Linux signal numbers (signal(7)).</summary>
    public const int SigStop = 19;

    /// <summary>Linux SIGCONT.</summary>
    public const int SigCont = 18;

    /// <summary>Linux SIGTERM.</summary>
    public const int SigTerm = 15;

    private readonly object _gate = new object();
    private readonly List<PeerEvent> _events = new List<PeerEvent>();
    private readonly StringBuilder _stderr = new StringBuilder();
    private readonly string[] _arguments;
    private Process _process;
    private bool _outputEnded;
    private bool _errorEnded;
    private bool _suspended;
    private bool _disposed;

    /// <summary>Describes a peer process; <see cref="Start"/> starts it.</summary>
    /// <param name="workingFolder">The working directory.</param>
    /// <param name="program">The program (a path, or a name looked up on the PATH).</param>
    /// <param name="displayName">How messages name the peer (e.g. the script or the program).</param>
    /// <param name="arguments">Command-line arguments.</param>
    public PeerProcess(string workingFolder, string program, string displayName, params string[] arguments)
    {
        WorkingFolder = workingFolder ?? throw new ArgumentNullException(nameof(workingFolder));
        Program = program ?? throw new ArgumentNullException(nameof(program));
        DisplayName = displayName ?? program;
        _arguments = arguments ?? Array.Empty<string>();
    }

    /// <summary>The working directory.</summary>
    public string WorkingFolder { get; }

    /// <summary>The program run.</summary>
    public string Program { get; }

    /// <summary>How messages name the peer.</summary>
    public string DisplayName { get; }

    /// <summary>Process id (0 before <see cref="Start"/>).</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process != null && _process.HasExited;

    /// <summary>True while the process is stopped by <see cref="Signal"/>(<see cref="SigStop"/>).</summary>
    public bool IsSuspended
    {
        get
        {
            lock (_gate)
            {
                return _suspended;
            }
        }
    }

    /// <summary>Number of lines received so far: a mark to wait for events after it.</summary>
    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>A snapshot of every line received so far.</summary>
    public IReadOnlyList<PeerEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>
    /// Appends the events from <paramref name="fromIndex"/> on to <paramref name="into"/> and returns the index after the
    /// last one: lets a test poll every loop step without copying every event each time.
    /// </summary>
    public int CopyEventsSince(int fromIndex, List<PeerEvent> into)
    {
        lock (_gate)
        {
            for (int i = fromIndex; i < _events.Count; i++)
            {
                into.Add(_events[i]);
            }

            return _events.Count;
        }
    }

    /// <summary>What the process wrote to stderr so far (its last <see cref="StandardErrorMaxChars"/> characters).</summary>
    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Prepares (<see cref="BeforeStart"/>) and starts the process.</summary>
    /// <exception cref="PeerException">The program is not installed, or the preparation failed.</exception>
    public void Start()
    {
        if (_process != null)
        {
            throw new InvalidOperationException("already started");
        }

        BeforeStart();
        ProcessStartInfo start = new ProcessStartInfo(Program)
        {
            WorkingDirectory = WorkingFolder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => OnOutputLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnErrorLine(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new PeerException(MissingProgramMessage(), e);
        }

        _process = process;
        process.StandardInput.AutoFlush = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Writes one command as a JSON line to the peer's stdin.</summary>
    /// <exception cref="PeerException">The peer has exited.</exception>
    public void Send(JsonObject command)
    {
        ArgumentNullException.ThrowIfNull(command);
        SendLine(command.ToJsonString());
    }

    /// <summary>Writes one line to the peer's stdin.</summary>
    /// <exception cref="PeerException">The peer has exited.</exception>
    public void SendLine(string line)
    {
        RequireStarted();
        try
        {
            lock (_process.StandardInput)
            {
                _process.StandardInput.Write(line + "\n");
            }
        }
        catch (IOException e)
        {
            throw new PeerException("Cannot write to the peer (" + DisplayName + "): it has exited.\n" + Describe(), e);
        }
    }

    /// <summary>
    /// Waits until a line at or after <paramref name="fromIndex"/> satisfies <paramref name="predicate"/> and returns the
    /// first such line.
    /// </summary>
    /// <exception cref="PeerException">None came within <paramref name="timeout"/>, or the peer exited first; the
    /// message holds <paramref name="description"/>, the last lines and stderr.</exception>
    public PeerEvent WaitFor(Func<PeerEvent, bool> predicate, TimeSpan timeout, string description, int fromIndex = 0)
    {
        if (TryWaitFor(predicate, timeout, out PeerEvent found, fromIndex))
        {
            return found;
        }

        string why = HasExited ? "the peer exited (code " + _process.ExitCode + ")" : "none within " + timeout.TotalMilliseconds + " ms";
        throw new PeerException("Waited for " + description + ": " + why + ".\n" + Describe());
    }

    /// <summary>Like <see cref="WaitFor"/> but returns false instead of throwing.</summary>
    public bool TryWaitFor(Func<PeerEvent, bool> predicate, TimeSpan timeout, out PeerEvent found, int fromIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        RequireStarted();
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        int next = Math.Max(0, fromIndex);
        lock (_gate)
        {
            while (true)
            {
                for (; next < _events.Count; next++)
                {
                    if (predicate(_events[next]))
                    {
                        found = _events[next];
                        return true;
                    }
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || _outputEnded)
                {
                    found = null;
                    return false;
                }

                Monitor.Wait(_gate, (int)Math.Min(remaining, int.MaxValue));
            }
        }
    }

    /// <summary>
    /// Waits until the process's stderr contains <paramref name="text"/> (for programs that report there, like socat's
    /// <c>-d -d</c> notices); false when it did not within <paramref name="timeout"/> or the process exited first.
    /// </summary>
    public bool TryWaitForStandardError(string text, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(text);
        RequireStarted();
        long deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (true)
            {
                if (_stderr.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }

                long remaining = deadline - Environment.TickCount64;
                if (remaining <= 0 || _errorEnded)
                {
                    return false;
                }

                Monitor.Wait(_gate, (int)Math.Min(remaining, int.MaxValue));
            }
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit; true when it has.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        RequireStarted();
        return _process.WaitForExit(timeout);
    }

    /// <summary>The exit code once <see cref="HasExited"/>; null before.</summary>
    public int? ExitCode => _process != null && _process.HasExited ? _process.ExitCode : null;

    /// <summary>Sends a POSIX signal to the process (e.g. <see cref="SigStop"/>, <see cref="SigCont"/>).</summary>
    public void Signal(int signal)
    {
        RequireStarted();
        if (kill(_process.Id, signal) != 0)
        {
            throw new PeerException("kill(" + _process.Id + ", " + signal + ") failed with errno " + Marshal.GetLastPInvokeError() + ".");
        }

        lock (_gate)
        {
            if (signal == SigStop)
            {
                _suspended = true;
            }
            else if (signal == SigCont)
            {
                _suspended = false;
            }
        }
    }

    /// <summary>Kills the process tree at once (no goodbye on its connections: the kernel resets them).</summary>
    public void Kill()
    {
        if (_process == null || _process.HasExited)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(ExitGraceMs);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    /// <summary>The last lines and stderr, for failure messages.</summary>
    public string Describe(int lastLines = 20)
    {
        StringBuilder text = new StringBuilder();
        lock (_gate)
        {
            int first = Math.Max(0, _events.Count - lastLines);
            text.Append("Last ").Append(_events.Count - first).Append(" of ").Append(_events.Count).Append(" lines from ").Append(DisplayName).Append(":\n");
            for (int i = first; i < _events.Count; i++)
            {
                string line = _events[i].Line;
                text.Append("  ").Append(line.Length > 2000 ? line.Substring(0, 2000) + "…" : line).Append('\n');
            }

            if (_stderr.Length > 0)
            {
                text.Append("stderr:\n").Append(_stderr);
            }
        }

        return text.ToString();
    }

    /// <summary>Closes stdin (the peer stops by itself), then kills the process tree if it is still running.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_process == null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                if (IsSuspended)
                {
                    // A stopped process reads nothing: it would only exit at the grace timeout.
                    Kill();
                }
                else
                {
                    try
                    {
                        _process.StandardInput.Close();
                    }
                    catch (IOException)
                    {
                        // Already gone.
                    }

                    if (!_process.WaitForExit(ExitGraceMs))
                    {
                        Kill();
                    }
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>Work before the process starts (e.g. installing or building the peer).</summary>
    protected virtual void BeforeStart()
    {
    }

    /// <summary>The message when the program cannot be started (not installed).</summary>
    protected virtual string MissingProgramMessage() =>
        "'" + Program + "' could not be started (not found, or not executable).";

    private void OnOutputLine(string line)
    {
        lock (_gate)
        {
            if (line == null)
            {
                _outputEnded = true;
            }
            else
            {
                _events.Add(new PeerEvent(_events.Count, line, Parse(line)));
            }

            Monitor.PulseAll(_gate);
        }
    }

    private void OnErrorLine(string line)
    {
        lock (_gate)
        {
            if (line == null)
            {
                _errorEnded = true;
            }
            else
            {
                _stderr.Append(line).Append('\n');
                if (_stderr.Length > StandardErrorMaxChars)
                {
                    _stderr.Remove(0, _stderr.Length - StandardErrorMaxChars);
                }
            }

            Monitor.PulseAll(_gate);
        }
    }

    private static JsonObject Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void RequireStarted()
    {
        if (_process == null)
        {
            throw new InvalidOperationException("the peer process is not started");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
