using Wallbox.Hal;

namespace Wallbox.Firmware.Runtime
{
    /// <summary>Timing record of one loop component, kept by <see cref="MainLoop"/>.</summary>
    public sealed class TickStatistics
    {
        internal TickStatistics(string name, ITickable component, int budgetUs)
        {
            Name = name;
            Component = component;
            BudgetUs = budgetUs;
        }

        /// <summary>Component name as registered.</summary>
        public string Name { get; private set; }

        /// <summary>Longest tick the component is allowed, in microseconds.</summary>
        public int BudgetUs { get; private set; }

        /// <summary>Ticks run.</summary>
        public long TickCount { get; internal set; }

        /// <summary>Duration of the last tick, in microseconds.</summary>
        public long LastUs { get; internal set; }

        /// <summary>Longest tick so far, in microseconds.</summary>
        public long MaxUs { get; internal set; }

        /// <summary>Sum of all tick durations, in microseconds.</summary>
        public long TotalUs { get; internal set; }

        /// <summary>Ticks that took longer than <see cref="BudgetUs"/>.</summary>
        public long OverrunCount { get; internal set; }

        /// <summary>Ticks that threw.</summary>
        public long ExceptionCount { get; internal set; }

        internal ITickable Component { get; private set; }

        // Overruns and exceptions are reported at most once per report interval, with a count of what
        // happened in between, so a persistently slow component cannot flood the log.
        internal long LastReportMs { get; set; }

        internal bool HasReported { get; set; }

        internal long UnreportedOverruns { get; set; }

        internal long UnreportedMaxUs { get; set; }

        internal long UnreportedExceptions { get; set; }
    }
}
