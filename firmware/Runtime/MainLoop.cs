using System;
using Wallbox.Hal;

namespace Wallbox.Firmware.Runtime
{
    /// <summary>
    /// The cooperative main loop. Components are ticked in registration order (the board registers safety
    /// first: pilot → charging control → … → network), each tick is timed against its budget, and the
    /// watchdog is fed after every complete pass.
    /// </summary>
    /// <remarks>
    /// Contract: a tick never waits, and a steady-state tick allocates nothing; this class itself allocates
    /// only when reporting an overrun or an exception. Pacing (sleeping until the next period) belongs to
    /// the board's entry point, not here. If a tick throws, every registered <see cref="IFailSafe"/> is put
    /// in its safe state before the next component runs.
    /// </remarks>
    public sealed class MainLoop
    {
        private const string LogSource = "loop";

        private readonly IMonotonicClock _clock;
        private readonly IWatchdog _watchdog;
        private readonly Logger _log;
        private readonly TickStatistics[] _components;
        private readonly IFailSafe[] _failSafes;
        private int _componentCount;
        private int _failSafeCount;

        /// <summary>Creates an empty loop holding at most <paramref name="capacity"/> components.</summary>
        public MainLoop(IMonotonicClock clock, IWatchdog watchdog, Logger log, int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _clock = clock;
            _watchdog = watchdog;
            _log = log;
            _components = new TickStatistics[capacity];
            _failSafes = new IFailSafe[capacity];
        }

        /// <summary>Registered components.</summary>
        public int ComponentCount { get { return _componentCount; } }

        /// <summary>Complete passes run.</summary>
        public long PassCount { get; private set; }

        /// <summary>Duration of the last pass, in microseconds.</summary>
        public long LastPassUs { get; private set; }

        /// <summary>Longest pass so far, in microseconds.</summary>
        public long MaxPassUs { get; private set; }

        /// <summary>Timing record of the component at <paramref name="index"/> (registration order).</summary>
        public TickStatistics GetStatistics(int index)
        {
            if (index < 0 || index >= _componentCount)
            {
                throw new ArgumentOutOfRangeException("index");
            }

            return _components[index];
        }

        /// <summary>
        /// Adds a component at the end of the tick order. A component that also implements
        /// <see cref="IFailSafe"/> is put in its safe state when any tick throws.
        /// </summary>
        public void Register(string name, ITickable component, int budgetUs)
        {
            if (component == null)
            {
                throw new ArgumentNullException("component");
            }

            if (_componentCount == _components.Length)
            {
                // Composition happens once at boot; running out of slots is a build error, not a runtime condition.
                throw new InvalidOperationException("MainLoop is full");
            }

            _components[_componentCount++] = new TickStatistics(name, component, budgetUs);
            IFailSafe failSafe = component as IFailSafe;
            if (failSafe != null)
            {
                _failSafes[_failSafeCount++] = failSafe;
            }
        }

        /// <summary>Starts the watchdog; call once before the first pass.</summary>
        public void Start(int watchdogTimeoutMs)
        {
            _watchdog.Start(watchdogTimeoutMs);
        }

        /// <summary>Runs one pass: every component once, in order, then feeds the watchdog.</summary>
        public void RunOnce()
        {
            long passStartUs = _clock.NowUs;
            long startUs = passStartUs;
            for (int i = 0; i < _componentCount; i++)
            {
                TickStatistics stats = _components[i];
                bool threw = false;
                try
                {
                    stats.Component.Tick(startUs / 1000);
                }
                catch (Exception ex)
                {
                    threw = true;
                    stats.ExceptionCount++;
                    stats.UnreportedExceptions++;
                    EnterSafeState();
                    if (ShouldReport(stats, startUs / 1000))
                    {
                        if (_log.IsEnabled(LogLevel.Error))
                        {
                            _log.Error(
                                LogSource,
                                "tick of " + stats.Name + " threw " + ex.GetType().Name + ": " + ex.Message + " ("
                                + stats.UnreportedExceptions.ToString() + " exception(s) since last report); outputs forced safe");
                        }

                        stats.UnreportedExceptions = 0;
                    }
                }

                long endUs = _clock.NowUs;
                long elapsedUs = endUs - startUs;
                stats.TickCount++;
                stats.LastUs = elapsedUs;
                stats.TotalUs += elapsedUs;
                if (elapsedUs > stats.MaxUs)
                {
                    stats.MaxUs = elapsedUs;
                }

                if (elapsedUs > stats.BudgetUs)
                {
                    stats.OverrunCount++;
                    stats.UnreportedOverruns++;
                    if (elapsedUs > stats.UnreportedMaxUs)
                    {
                        stats.UnreportedMaxUs = elapsedUs;
                    }

                    if (!threw && ShouldReport(stats, endUs / 1000))
                    {
                        ReportOverruns(stats);
                    }
                }

                startUs = endUs;
            }

            _watchdog.Feed();
            long passUs = startUs - passStartUs;
            LastPassUs = passUs;
            if (passUs > MaxPassUs)
            {
                MaxPassUs = passUs;
            }

            PassCount++;
        }

        /// <summary>Puts every fail-safe component in its safe state; used on exceptions and by the board at shutdown.</summary>
        public void EnterSafeState()
        {
            for (int i = 0; i < _failSafeCount; i++)
            {
                try
                {
                    _failSafes[i].EnterSafeState();
                }
                catch (Exception)
                {
                    // A fail-safe that throws must not stop the others from reaching their safe state.
                }
            }
        }

        private bool ShouldReport(TickStatistics stats, long nowMs)
        {
            if (stats.HasReported && nowMs - stats.LastReportMs < Limits.TickReportIntervalMs)
            {
                return false;
            }

            stats.HasReported = true;
            stats.LastReportMs = nowMs;
            return true;
        }

        private void ReportOverruns(TickStatistics stats)
        {
            if (_log.IsEnabled(LogLevel.Warning))
            {
                _log.Warning(
                    LogSource,
                    "tick overrun: " + stats.Name + " took " + stats.UnreportedMaxUs.ToString() + " us (budget "
                    + stats.BudgetUs.ToString() + " us), " + stats.UnreportedOverruns.ToString() + " overrun(s) since last report");
            }

            stats.UnreportedOverruns = 0;
            stats.UnreportedMaxUs = 0;
        }
    }
}
