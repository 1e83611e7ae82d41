using System;
using System.Diagnostics;
using System.Threading;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>Ticks a loop component from the test thread with the real monotonic clock, about once a millisecond.</summary>
internal sealed class RealTimeTicker
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ITickable _component;

    public RealTimeTicker(ITickable component)
    {
        _component = component;
    }

    public long NowMs => _clock.ElapsedMilliseconds;

    /// <summary>Ticks until <paramref name="condition"/> holds; fails after <paramref name="timeoutMs"/> of real time.</summary>
    public void TickUntil(Func<bool> condition, int timeoutMs = 5000, string what = null)
    {
        long deadline = NowMs + timeoutMs;
        while (!condition())
        {
            Assert.True(NowMs < deadline, "not within " + timeoutMs + " ms: " + (what ?? "condition"));
            _component.Tick(NowMs);
            Thread.Sleep(1);
        }
    }

    /// <summary>Ticks for <paramref name="durationMs"/> of real time.</summary>
    public void TickFor(int durationMs)
    {
        long end = NowMs + durationMs;
        while (NowMs < end)
        {
            _component.Tick(NowMs);
            Thread.Sleep(1);
        }
    }
}
