using System.Diagnostics;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The monotonic clock on the host's real time (<see cref="Stopwatch"/>, CLOCK_MONOTONIC on Linux), counted from the
/// clock's creation: for host implementations that do real I/O (<see cref="HostSerialPort"/>) and the real-time tests
/// against real peers. Thread-safe: the host serial port's reader thread stamps received bytes with it.
/// </summary>
public sealed class HostMonotonicClock : IMonotonicClock
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public long NowMs => NowUs / 1000;

    /// <inheritdoc />
    public long NowUs => ToMicroseconds(Stopwatch.GetTimestamp() - _startTimestamp);

    /// <summary>
    /// This clock's time of a <see cref="Stopwatch.GetTimestamp"/> value, microseconds (negative before the clock's
    /// creation). On Linux the timestamps are CLOCK_MONOTONIC, so times a peer process reports from that clock convert too.
    /// </summary>
    public long FromTimestamp(long timestamp) => ToMicroseconds(timestamp - _startTimestamp);

    private static long ToMicroseconds(long ticks) =>
        Stopwatch.Frequency % 1_000_000 == 0
            ? ticks / (Stopwatch.Frequency / 1_000_000)
            : (long)(ticks * (1_000_000.0 / Stopwatch.Frequency));
}
