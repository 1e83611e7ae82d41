using System.Diagnostics;
using Wallbox.Hal;

namespace Wallbox.Ocpp.Tests;

/// <summary>The HAL clock on the host's real time, for tests against real peers.</summary>
internal sealed class StopwatchClock : IMonotonicClock
{
    private readonly Stopwatch _watch;

    public StopwatchClock(Stopwatch watch) => _watch = watch;

    public long NowMs => _watch.ElapsedMilliseconds;

    public long NowUs => _watch.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;
}
