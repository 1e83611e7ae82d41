using System;
using System.IO;

namespace Wallbox.Tests.Peers;

/// <summary>
/// Two linked pseudo-terminals made by socat: <c>socat -d -d pty,raw,echo=0,link=&lt;A&gt; pty,raw,echo=0,link=&lt;B&gt;</c>
/// in a temporary folder. Bytes written to one end come out of the other; a serial line without wires, baud rate or
/// parity (the Modbus peer models those, see tests/Peers/README.md).
/// </summary>
/// <remarks>
/// Terminal settings of a pty persist while socat runs, so every user must set the whole mode at each open (the host
/// serial port and libmodbus do). <see cref="Kill"/> ends socat, which gives both ends a hang-up (poll() POLLHUP, read()
/// end of file); <see cref="Dispose"/> stops it with SIGTERM and removes the links and the folder.
/// </remarks>
public sealed class SocatPtyPair : IDisposable
{
    /// <summary>How long socat may take to create both terminals.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Linux SIGKILL.</summary>
    public const int SigKill = 9;

    private const string ReadyNotice = "starting data transfer loop";
    private bool _disposed;

    private SocatPtyPair(string folder, PeerProcess process)
    {
        Folder = folder;
        Process = process;
        PathA = System.IO.Path.Combine(folder, "a");
        PathB = System.IO.Path.Combine(folder, "b");
    }

    /// <summary>The temporary folder holding the two links.</summary>
    public string Folder { get; }

    /// <summary>First end (link to /dev/pts/N); the Modbus tests give it to the meter.</summary>
    public string PathA { get; }

    /// <summary>Second end; the Modbus tests give it to the master under test.</summary>
    public string PathB { get; }

    /// <summary>The socat process (its stderr holds the <c>-d -d</c> notices).</summary>
    public PeerProcess Process { get; }

    /// <summary>Starts socat and waits until both links exist.</summary>
    /// <exception cref="PeerException">socat is not installed, or did not make the pair in time.</exception>
    public static SocatPtyPair Start()
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wallbox-pty-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(folder);
        string a = System.IO.Path.Combine(folder, "a");
        string b = System.IO.Path.Combine(folder, "b");
        SocatProcess process = new SocatProcess(folder, "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b);
        SocatPtyPair pair = new SocatPtyPair(folder, process);
        try
        {
            process.Start();
            if (!process.TryWaitForStandardError(ReadyNotice, StartTimeout) || !File.Exists(a) || !File.Exists(b))
            {
                throw new PeerException("socat did not create the pty pair " + a + " / " + b + " within " + StartTimeout.TotalSeconds
                    + " s.\n" + process.Describe());
            }
        }
        catch
        {
            pair.Dispose();
            throw;
        }

        return pair;
    }

    /// <summary>Ends socat with <paramref name="signal"/> (SIGTERM by default) and waits for it: both ends hang up.</summary>
    public void Kill(int signal = PeerProcess.SigTerm)
    {
        if (Process.HasExited)
        {
            return;
        }

        Process.Signal(signal);
        if (!Process.WaitForExit(TimeSpan.FromMilliseconds(PeerProcess.ExitGraceMs)))
        {
            Process.Kill();
        }
    }

    /// <summary>Stops socat (SIGTERM) and removes the links and the folder.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (Process.ProcessId != 0)
            {
                Kill();
            }
        }
        finally
        {
            Process.Dispose();
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder; harmless.
            }
        }
    }

    private sealed class SocatProcess : PeerProcess
    {
        public SocatProcess(string folder, params string[] arguments)
            : base(folder, "socat", "socat", arguments)
        {
        }

        protected override string MissingProgramMessage() =>
            "'socat' is not installed (not found on PATH). The Modbus peer tests need socat and libmodbus: "
            + "apt-get install -y socat libmodbus-dev pkg-config gcc (tests/run installs them when missing).";
    }
}
