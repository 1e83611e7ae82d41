using Wallbox.Firmware.Runtime;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Runtime;

public sealed class LoggerTests
{
    [Fact]
    public void Entries_below_the_minimum_level_never_reach_the_sink()
    {
        var clock = new VirtualClock();
        var sink = new MemoryLogSink();
        var log = new Logger(sink, clock, LogLevel.Warning);

        log.Debug("t", "debug");
        log.Info("t", "info");
        log.Warning("t", "warning");
        log.Error("t", "error");

        Assert.Equal(new[] { "warning", "error" }, System.Array.ConvertAll(sink.Entries, e => e.Message));
        Assert.False(log.IsEnabled(LogLevel.Info));
        Assert.True(log.IsEnabled(LogLevel.Error));
    }

    [Fact]
    public void Entries_are_stamped_with_monotonic_milliseconds()
    {
        var clock = new VirtualClock();
        var sink = new MemoryLogSink();
        var log = new Logger(sink, clock, LogLevel.Debug);
        clock.AdvanceMs(1234);

        log.Info("charging", "session started");

        LogEntry entry = Assert.Single(sink.Entries);
        Assert.Equal((1234L, LogLevel.Info, "charging", "session started"), (entry.TimestampMs, entry.Level, entry.Source, entry.Message));
    }
}
