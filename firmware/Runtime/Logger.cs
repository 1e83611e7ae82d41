using Wallbox.Hal;

namespace Wallbox.Firmware.Runtime
{
    /// <summary>
    /// The firmware's log front end: stamps entries with monotonic time and filters by level before the
    /// sink is called. Passing constant strings costs nothing; building a message (concatenation) allocates,
    /// so it is done only for events, never in a steady-state tick.
    /// </summary>
    public sealed class Logger
    {
        private readonly ILogSink _sink;
        private readonly IMonotonicClock _clock;

        /// <summary>Creates a logger writing to <paramref name="sink"/>.</summary>
        public Logger(ILogSink sink, IMonotonicClock clock, LogLevel minimumLevel)
        {
            _sink = sink;
            _clock = clock;
            MinimumLevel = minimumLevel;
        }

        /// <summary>Entries below this level are dropped before reaching the sink.</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <summary>True when entries of <paramref name="level"/> are written (check before building a message).</summary>
        public bool IsEnabled(LogLevel level)
        {
            return level >= MinimumLevel;
        }

        /// <summary>Writes a debug entry.</summary>
        public void Debug(string source, string message)
        {
            Write(LogLevel.Debug, source, message);
        }

        /// <summary>Writes an informational entry.</summary>
        public void Info(string source, string message)
        {
            Write(LogLevel.Info, source, message);
        }

        /// <summary>Writes a warning.</summary>
        public void Warning(string source, string message)
        {
            Write(LogLevel.Warning, source, message);
        }

        /// <summary>Writes an error.</summary>
        public void Error(string source, string message)
        {
            Write(LogLevel.Error, source, message);
        }

        /// <summary>Writes an entry of any level.</summary>
        public void Write(LogLevel level, string source, string message)
        {
            if (level < MinimumLevel)
            {
                return;
            }

            _sink.Write(_clock.NowMs, level, source, message);
        }
    }
}
