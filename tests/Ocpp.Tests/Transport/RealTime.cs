using System;
using System.Diagnostics;
using System.Threading;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>Waiting on real time, for tests against real peers over real sockets (never for portable logic).</summary>
internal static class RealTime
{
    /// <summary>How often a condition is polled, milliseconds.</summary>
    public const int PollIntervalMs = 5;

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test with <paramref name="description"/> after <paramref name="timeoutMs"/>.</summary>
    /// <returns>How long it took.</returns>
    public static TimeSpan WaitUntil(Func<bool> condition, int timeoutMs, string description)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.ElapsedMilliseconds >= timeoutMs)
            {
                throw new TimeoutException("Waited " + timeoutMs + " ms for " + description + ".");
            }

            Thread.Sleep(PollIntervalMs);
        }

        return watch.Elapsed;
    }

    /// <summary>True when <paramref name="condition"/> holds at some point within <paramref name="timeoutMs"/>.</summary>
    public static bool Within(Func<bool> condition, int timeoutMs)
    {
        Stopwatch watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.ElapsedMilliseconds >= timeoutMs)
            {
                return false;
            }

            Thread.Sleep(PollIntervalMs);
        }

        return true;
    }
}
