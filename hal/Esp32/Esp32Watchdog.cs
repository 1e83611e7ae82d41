using System;
using System.Threading;
using nanoFramework.Runtime.Native;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Software watchdog: a HAL thread resets the board with <c>Power.RebootDevice</c> when the loop has not fed it
    /// for the timeout.
    /// </summary>
    /// <remarks>
    /// <para>Why software: nanoFramework 1.x exposes no hardware watchdog API. None of the api lists
    /// (shared/nanoframework/api/*.txt: mscorlib, nanoFramework.Runtime.Native, nanoFramework.Hardware.Esp32, …)
    /// contains a watchdog type or member; the ESP32's RTC/MWDT and the ESP-IDF task watchdog are configured only by
    /// the native firmware build.</para>
    /// <para>What it catches: a loop that stops completing passes (a component stuck in a tick, a deadlock between
    /// managed threads, an endless managed loop — the interpreter time-slices threads, so this thread still runs).
    /// What it cannot catch: a hang of the nanoFramework interpreter itself or of native code, which stops this thread
    /// too; only a hardware watchdog enabled in the native firmware covers that, and the board's firmware build should
    /// enable the ESP-IDF task watchdog for it.</para>
    /// <para>Timing: the thread runs at the highest managed priority and checks every <see cref="CheckIntervalMs"/>
    /// (at most a quarter of the timeout), so the reset comes between the timeout and the timeout plus one interval.
    /// The reset gives reboot handlers at most <see cref="RebootHandlerBudgetMs"/>
    /// (<c>RebootDevice(int, RebootOption)</c> installs an execution constraint before calling them).</para>
    /// <para><see cref="Feed"/> only increments a counter (Interlocked), so it never waits and shares no 64-bit value
    /// between threads; the watchdog thread notices the change and restarts the timeout on its own clock. Shared ints
    /// go through Interlocked because nanoFramework has no 'volatile' (no IsVolatile in its mscorlib).</para>
    /// </remarks>
    public sealed class Esp32Watchdog : IWatchdog
    {
        /// <summary>Longest interval between two checks, milliseconds.</summary>
        public const int CheckIntervalMs = 100;

        /// <summary>Shortest interval between two checks, milliseconds.</summary>
        public const int MinCheckIntervalMs = 10;

        /// <summary>Time reboot event handlers may take before the reset proceeds, milliseconds.</summary>
        public const int RebootHandlerBudgetMs = 500;

        private readonly object _gate = new object();
        private int _feedCount;
        private int _timeoutMs;
        private Thread _thread;

        /// <inheritdoc />
        /// <remarks>A second call changes the timeout and counts as a feed.</remarks>
        public void Start(int timeoutMs)
        {
            if (timeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException("timeoutMs");
            }

            Interlocked.Exchange(ref _timeoutMs, timeoutMs);
            Feed();
            Monitor.Enter(_gate);
            try
            {
                if (_thread == null)
                {
                    _thread = new Thread(WatchLoop);
                    _thread.Priority = ThreadPriority.Highest;
                    _thread.Start();
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <inheritdoc />
        public void Feed()
        {
            Interlocked.Increment(ref _feedCount);
        }

        private void WatchLoop()
        {
            int lastSeen = Interlocked.CompareExchange(ref _feedCount, 0, 0);
            long lastFeedUs = Esp32MonotonicClock.ReadMicroseconds();
            while (true)
            {
                int timeoutMs = Interlocked.CompareExchange(ref _timeoutMs, 0, 0);
                int intervalMs = timeoutMs / 4;
                intervalMs = intervalMs > CheckIntervalMs ? CheckIntervalMs : intervalMs < MinCheckIntervalMs ? MinCheckIntervalMs : intervalMs;
                Thread.Sleep(intervalMs);

                long nowUs = Esp32MonotonicClock.ReadMicroseconds();
                int seen = Interlocked.CompareExchange(ref _feedCount, 0, 0);
                if (seen != lastSeen)
                {
                    lastSeen = seen;
                    lastFeedUs = nowUs;
                }
                else if (nowUs - lastFeedUs >= timeoutMs * 1000L)
                {
                    Power.RebootDevice(RebootHandlerBudgetMs, RebootOption.NormalReboot);
                }
            }
        }
    }
}
