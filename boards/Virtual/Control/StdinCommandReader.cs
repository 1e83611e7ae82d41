using System.IO;
using System.Threading;

namespace Wallbox.Boards.Virtual.Control;

/// <summary>
/// Reads control commands from a text stream (standard input) on a background thread and posts them to a
/// <see cref="ControlCommandQueue"/>. Blank lines and lines starting with <c>#</c> are skipped. At the end of the
/// stream (Ctrl+D, a closed pipe, <c>&lt; /dev/null</c>) the thread ends and the virtual wallbox runs on.
/// </summary>
public sealed class StdinCommandReader
{
    private readonly TextReader _input;
    private readonly ControlCommandQueue _queue;
    private readonly Thread _thread;

    /// <summary>Creates a reader of <paramref name="input"/> into <paramref name="queue"/>; <see cref="Start"/> starts it.</summary>
    public StdinCommandReader(TextReader input, ControlCommandQueue queue)
    {
        _input = input;
        _queue = queue;
        _thread = new Thread(Run) { IsBackground = true, Name = "control-stdin" };
    }

    /// <summary>True once the end of the input was reached.</summary>
    public bool Ended { get; private set; }

    /// <summary>Starts reading.</summary>
    public void Start() => _thread.Start();

    /// <summary>Waits up to <paramref name="timeoutMs"/> for the end of the input (for tests).</summary>
    public bool WaitForEnd(int timeoutMs) => _thread.Join(timeoutMs);

    private void Run()
    {
        try
        {
            string line;
            while ((line = _input.ReadLine()) != null)
            {
                string trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                // Wait for the reply before reading on, so a script's commands run one after another in order
                // and a fast pipe cannot overrun the queue.
                _queue.Post(trimmed, ControlSource.StandardInput).Wait();
            }
        }
        catch (IOException)
        {
            // Standard input went away: nothing more to read.
        }

        Ended = true;
    }
}
