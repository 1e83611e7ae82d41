using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace Wallbox.Tests.Peers;

/// <summary>
/// The libmodbus RTU server playing an energy meter (tests/Peers/modbus-rtu-server/server.c): built on first use with
/// its build.sh, started on one end of a serial line, driven by text commands on stdin, reporting JSON events on stdout
/// (<c>listening</c>, <c>request</c>, <c>reply</c>, <c>ignored</c>, <c>receive-error</c>, <c>line-mismatch</c>,
/// <c>ack</c>, <c>error</c>, <c>exit</c>; see tests/Peers/README.md).
/// </summary>
public sealed class ModbusServerPeer : IDisposable
{
    /// <summary>The peer's folder under tests/Peers.</summary>
    public const string FolderName = "modbus-rtu-server";

    /// <summary>Use as a count: the behaviour applies to every request until switched off.</summary>
    public const int Forever = -1;

    /// <summary>How long the build may take.</summary>
    public const int BuildTimeoutMs = 2 * 60 * 1000;

    /// <summary>Default wait for an event.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private static readonly object BuildGate = new object();
    private static string _builtBinary;

    private ModbusServerPeer(PeerProcess process, ModbusServerOptions options)
    {
        Process = process;
        Options = options;
    }

    /// <summary>The server process.</summary>
    public PeerProcess Process { get; }

    /// <summary>How it was started.</summary>
    public ModbusServerOptions Options { get; }

    /// <summary>Number of events so far: a mark for waiting for later ones.</summary>
    public int EventCount => Process.EventCount;

    /// <summary>
    /// Builds bin/server with build.sh when needed (once per test process, serialised) and returns its path.
    /// </summary>
    /// <exception cref="PeerException">The C compiler, pkg-config or libmodbus-dev is missing, or the build failed.</exception>
    public static string EnsureBuilt()
    {
        lock (BuildGate)
        {
            if (_builtBinary != null)
            {
                return _builtBinary;
            }

            string folder = RepositoryRoot.PeerFolder(FolderName);
            ProcessStartInfo start = new ProcessStartInfo("bash")
            {
                WorkingDirectory = folder,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(folder, "build.sh"));
            using Process build = System.Diagnostics.Process.Start(start) ?? throw new PeerException("Could not start bash for " + folder + "/build.sh.");
            StringBuilder output = new StringBuilder();
            build.ErrorDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            };
            build.BeginErrorReadLine();
            string stdout = build.StandardOutput.ReadToEnd();
            if (!build.WaitForExit(BuildTimeoutMs))
            {
                build.Kill(entireProcessTree: true);
                throw new PeerException(folder + "/build.sh took longer than " + BuildTimeoutMs + " ms.");
            }

            build.WaitForExit();
            string binary = stdout.Trim().Split('\n').LastOrDefault()?.Trim();
            if (build.ExitCode != 0 || string.IsNullOrEmpty(binary) || !File.Exists(binary))
            {
                throw new PeerException(folder + "/build.sh failed (exit code " + build.ExitCode + "). It needs gcc, pkg-config and "
                    + "libmodbus-dev: apt-get install -y gcc pkg-config libmodbus-dev (tests/run installs them when missing).\n" + output);
            }

            _builtBinary = binary;
            return binary;
        }
    }

    /// <summary>
    /// Builds if needed and starts the server on <paramref name="device"/>; with <paramref name="peerDevice"/> (the
    /// master's end of the pty pair) it models baud/parity mismatches. Returns once it reported <c>listening</c>.
    /// </summary>
    public static ModbusServerPeer Start(string device, string peerDevice, ModbusServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string binary = EnsureBuilt();
        PeerProcess process = new PeerProcess(RepositoryRoot.PeerFolder(FolderName), binary, "modbus-rtu-server",
            options.ToArguments(device, peerDevice).ToArray());
        ModbusServerPeer peer = new ModbusServerPeer(process, options);
        try
        {
            process.Start();
            process.WaitFor(e => e.Is("listening") || e.Is("fatal"), DefaultTimeout, "listening");
            if (process.Events.Any(e => e.Is("fatal")))
            {
                throw new PeerException("The Modbus server could not start.\n" + process.Describe());
            }
        }
        catch
        {
            peer.Dispose();
            throw;
        }

        return peer;
    }

    /// <summary>Sends one command line and waits for its <c>ack</c>.</summary>
    /// <exception cref="PeerException">The server answered <c>error</c>, or nothing in time.</exception>
    public void Command(string line)
    {
        int mark = Process.EventCount;
        Process.SendLine(line);
        PeerEvent answer = Process.WaitFor(e => e.Is("ack") || e.Is("error"), DefaultTimeout, "the answer to '" + line + "'", mark);
        if (answer.Is("error"))
        {
            throw new PeerException("The Modbus server refused '" + line + "': " + answer.Line);
        }
    }

    /// <summary><c>set energy</c>: imported energy, Wh.</summary>
    public void SetEnergyWh(long wh) => Command("set energy " + wh.ToString(CultureInfo.InvariantCulture));

    /// <summary><c>set &lt;quantity&gt; &lt;value&gt;</c> (voltage, current, power, frequency, export, serial, voltage-l1, …).</summary>
    public void Set(string quantity, double value) => Command("set " + quantity + " " + value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Answers the next <paramref name="count"/> requests (or <see cref="Forever"/>) with exception <paramref name="code"/> (1..11).</summary>
    public void InjectException(int code, int count = 1) => Command("exception " + code.ToString(CultureInfo.InvariantCulture) + " " + Count(count));

    /// <summary>No more injected exceptions.</summary>
    public void ClearException() => Command("exception off");

    /// <summary>Does not answer the next <paramref name="count"/> requests (<see cref="Forever"/>: until 0).</summary>
    public void SetSilent(int count) => Command("silent " + Count(count));

    /// <summary>Waits <paramref name="ms"/> before every answer (0: none).</summary>
    public void SetDelay(int ms) => Command("delay " + ms.ToString(CultureInfo.InvariantCulture));

    /// <summary>Damages the CRC of the next <paramref name="count"/> answers.</summary>
    public void SetCorruptCrc(int count) => Command("corrupt-crc " + Count(count));

    /// <summary>Drops the last byte before the CRC of the next <paramref name="count"/> answers (CRC recomputed: a length error).</summary>
    public void SetTruncate(int count) => Command("truncate " + Count(count));

    /// <summary>Answers the next <paramref name="count"/> requests with slave address <paramref name="slaveId"/> (CRC recomputed).</summary>
    public void SetWrongSlave(int slaveId, int count) => Command("wrong-slave " + slaveId.ToString(CultureInfo.InvariantCulture) + " " + Count(count));

    /// <summary>Writes raw bytes to the line now (noise, or a frame of our own).</summary>
    public void SendGarbage(byte[] bytes) => Command("garbage " + Convert.ToHexString(bytes));

    /// <summary>Switches the baud/parity mismatch model off or on (default on).</summary>
    public void SetLineCheck(bool on) => Command("line-check " + (on ? "on" : "off"));

    /// <summary>Waits for the next event <paramref name="name"/> at or after <paramref name="fromIndex"/>.</summary>
    public PeerEvent WaitFor(string name, int fromIndex, TimeSpan? timeout = null) =>
        Process.WaitFor(e => e.Is(name), timeout ?? DefaultTimeout, "event " + name, fromIndex);

    /// <summary>The events named <paramref name="name"/> from <paramref name="fromIndex"/> on.</summary>
    public IReadOnlyList<PeerEvent> EventsNamed(string name, int fromIndex = 0) =>
        Process.Events.Where(e => e.Index >= fromIndex && e.Is(name)).ToList();

    /// <summary>Stops the server (stdin closed; it exits), killing it if it does not.</summary>
    public void Dispose() => Process.Dispose();

    private static string Count(int count) => count == Forever ? "on" : count.ToString(CultureInfo.InvariantCulture);
}
