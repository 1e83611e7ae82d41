namespace Wallbox.Hal.Simulation;

/// <summary>One captured log entry.</summary>
public readonly record struct LogEntry(long TimestampMs, LogLevel Level, string Source, string Message)
{
    /// <inheritdoc />
    public override string ToString() => LogFormat.Format(TimestampMs, Level, Source, Message);
}
