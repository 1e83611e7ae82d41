using System.IO;

namespace Wallbox.Hal.Simulation;

/// <summary>Writes entries as lines to a <see cref="TextWriter"/> (the console of the virtual wallbox).</summary>
public sealed class TextWriterLogSink : ILogSink
{
    private readonly TextWriter _writer;
    private readonly object _gate = new object();

    /// <summary>Creates a sink on <paramref name="writer"/>.</summary>
    public TextWriterLogSink(TextWriter writer)
    {
        _writer = writer;
    }

    /// <inheritdoc />
    public void Write(long timestampMs, LogLevel level, string source, string message)
    {
        lock (_gate)
        {
            _writer.WriteLine(LogFormat.Format(timestampMs, level, source, message));
        }
    }
}
