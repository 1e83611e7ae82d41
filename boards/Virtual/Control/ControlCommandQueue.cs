using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Wallbox.Boards.Virtual.Control;

/// <summary>Where a control command came from.</summary>
public enum ControlSource
{
    /// <summary>A line on standard input: answered with one line <c>&gt; …</c> on standard output.</summary>
    StandardInput,

    /// <summary><c>POST /command</c> on the control port: answered in the HTTP response.</summary>
    Http,
}

/// <summary>
/// Control commands waiting for the thread that steps the virtual wallbox. Reader threads (standard input, HTTP)
/// only <see cref="Post"/>; the stepping thread calls <see cref="ExecutePending"/> between two steps, so the
/// simulated world and the firmware are only ever touched by that thread.
/// </summary>
/// <remarks>Bounded: at most <see cref="Capacity"/> commands wait; a further one is answered at once with an error.</remarks>
public sealed class ControlCommandQueue
{
    /// <summary>Commands waiting at most.</summary>
    public const int Capacity = 64;

    private readonly ConcurrentQueue<Pending> _pending = new();
    private int _count;

    /// <summary>Commands waiting.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>
    /// Queues <paramref name="line"/>; the task completes with the reply once the stepping thread has carried it out
    /// (at once with an error when the queue is full).
    /// </summary>
    public Task<ControlReply> Post(string line, ControlSource source)
    {
        var pending = new Pending(line, source);
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            Interlocked.Decrement(ref _count);
            pending.Reply.SetResult(ControlReply.Failure("too many commands waiting (" + Capacity + ")"));
            return pending.Reply.Task;
        }

        _pending.Enqueue(pending);
        return pending.Reply.Task;
    }

    /// <summary>
    /// Carries out every waiting command with <paramref name="executor"/>, in arrival order. Replies to standard-input
    /// commands are written to <paramref name="output"/> as <c>&gt; reply</c>; HTTP commands are echoed there as
    /// <c>[control] command -&gt; reply</c>. Returns true when a command asked to quit (later ones are left waiting).
    /// </summary>
    public bool ExecutePending(ControlCommandExecutor executor, TextWriter output)
    {
        while (_pending.TryDequeue(out Pending pending))
        {
            Interlocked.Decrement(ref _count);
            ControlReply reply;
            try
            {
                reply = executor.Execute(pending.Line);
            }
            catch (Exception ex)
            {
                reply = ControlReply.Failure("command failed: " + ex.Message);
            }

            if (pending.Source == ControlSource.StandardInput)
            {
                output.WriteLine("> " + reply.Text);
            }
            else
            {
                output.WriteLine("[control] " + pending.Line.Trim() + " -> " + reply.Text);
            }

            pending.Reply.SetResult(reply);
            if (reply.Quit)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Answers every waiting command with an error (the virtual wallbox is stopping).</summary>
    public void RefuseAll(string reason)
    {
        while (_pending.TryDequeue(out Pending pending))
        {
            Interlocked.Decrement(ref _count);
            pending.Reply.TrySetResult(ControlReply.Failure(reason));
        }
    }

    private sealed class Pending
    {
        public Pending(string line, ControlSource source)
        {
            Line = line;
            Source = source;
        }

        public string Line { get; }

        public ControlSource Source { get; }

        public TaskCompletionSource<ControlReply> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
