using System.Globalization;

namespace Wallbox.Hal.Simulation;

/// <summary>The host's one-line log format: <c>[    12.345 s] WARN  loop: message</c>.</summary>
public static class LogFormat
{
    /// <summary>Formats one entry.</summary>
    public static string Format(long timestampMs, LogLevel level, string source, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"[{timestampMs / 1000.0,10:F3} s] {Tag(level),-5} {source}: {message}");

    private static string Tag(LogLevel level) => level switch
    {
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warning => "WARN",
        _ => "ERROR",
    };
}
