using System;
using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>Keeps the last <see cref="Capacity"/> entries in memory for tests to inspect; older ones are dropped and counted.</summary>
public sealed class MemoryLogSink : ILogSink
{
    private readonly Queue<LogEntry> _entries = new Queue<LogEntry>();
    private readonly object _gate = new object();

    /// <summary>Creates a sink holding at most <paramref name="capacity"/> entries.</summary>
    public MemoryLogSink(int capacity = 10000)
    {
        Capacity = capacity;
    }

    /// <summary>Most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>Entries dropped because the sink was full.</summary>
    public long DroppedCount { get; private set; }

    /// <summary>Optional second sink every entry is also written to (e.g. the console).</summary>
    public ILogSink Forward { get; set; }

    /// <summary>A copy of the entries kept, oldest first.</summary>
    public LogEntry[] Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>True when some kept entry's message contains <paramref name="text"/>.</summary>
    public bool Contains(string text) => Array.Exists(Entries, e => e.Message.Contains(text, StringComparison.Ordinal));

    /// <inheritdoc />
    public void Write(long timestampMs, LogLevel level, string source, string message)
    {
        lock (_gate)
        {
            if (_entries.Count == Capacity)
            {
                _entries.Dequeue();
                DroppedCount++;
            }

            _entries.Enqueue(new LogEntry(timestampMs, level, source, message));
        }

        Forward?.Write(timestampMs, level, source, message);
    }
}
