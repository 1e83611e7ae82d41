using System;
using System.Threading;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Log sink for the device: keeps the last <see cref="Capacity"/> entries in a RAM ring for diagnostics and prints
    /// them on the debug console from a HAL thread, so <see cref="Write"/> never waits for the output.
    /// </summary>
    /// <remarks>
    /// <para>Output: on nanoFramework both <c>Console.WriteLine</c> and <c>Debug.WriteLine</c> end in the native
    /// <c>Debug.WriteLineNative</c> (CoreLibrary System/Console.cs, System/Diagnostics/Debug.cs), which the ESP32 port
    /// sends as wire-protocol messages over the debug UART/USB. <c>Debug.WriteLine</c> is
    /// <c>[Conditional("DEBUG")]</c> and disappears from Release builds, so this sink uses <c>Console.WriteLine</c>.
    /// The native call can take as long as the transmission of the line and its behaviour without an attached
    /// debugger (drop or wait) cannot be verified here; that is why only the printer thread calls it.</para>
    /// <para>Bounds: <see cref="Write"/> stores the entry's fields (no formatting, no allocation) in a fixed ring under
    /// a short lock and signals the printer. When the printer falls more than <see cref="Capacity"/> entries behind,
    /// the oldest unprinted entries are overwritten: they are counted in <see cref="DroppedCount"/> and never printed.
    /// The ring always holds the most recent entries for <see cref="CopyRecent"/>.</para>
    /// <para>Threads: one printer thread per instance, started by the constructor.</para>
    /// </remarks>
    public sealed class Esp32LogSink : ILogSink
    {
        private const int MillisecondsPerSecond = 1000;
        private const int TimestampSecondsWidth = 7;

        private readonly object _gate = new object();
        private readonly AutoResetEvent _written = new AutoResetEvent(false);
        private readonly long[] _timestamps;
        private readonly int[] _levels;
        private readonly string[] _sources;
        private readonly string[] _messages;

        // Guarded by _gate. Sequence numbers of the next entry to store and the next entry to print.
        private long _nextSequence;
        private long _printSequence;
        private long _droppedCount;

        /// <summary>Creates the sink and starts its printer thread.</summary>
        /// <param name="capacity">Entries kept in RAM (also the most the printer may fall behind).</param>
        public Esp32LogSink(int capacity)
        {
            if (capacity <= 0)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _timestamps = new long[capacity];
            _levels = new int[capacity];
            _sources = new string[capacity];
            _messages = new string[capacity];
            Thread printer = new Thread(PrintLoop);
            printer.Priority = ThreadPriority.BelowNormal;
            printer.Start();
        }

        /// <summary>Entries kept in RAM.</summary>
        public int Capacity
        {
            get { return _timestamps.Length; }
        }

        /// <summary>Entries overwritten before they were printed, since construction.</summary>
        public long DroppedCount
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _droppedCount;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public void Write(long timestampMs, LogLevel level, string source, string message)
        {
            Monitor.Enter(_gate);
            try
            {
                if (_nextSequence - _printSequence == _timestamps.Length)
                {
                    // The printer is a full ring behind: the oldest unprinted entry is overwritten.
                    _printSequence++;
                    _droppedCount++;
                }

                int index = (int)(_nextSequence % _timestamps.Length);
                _timestamps[index] = timestampMs;
                _levels[index] = (int)level;
                _sources[index] = source;
                _messages[index] = message;
                _nextSequence++;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _written.Set();
        }

        /// <summary>
        /// Formats the most recent entries, oldest first, into <paramref name="lines"/> (for a diagnostics page or a
        /// crash report). Returns how many were written. Allocates the strings and holds the ring's lock while
        /// formatting, so a concurrent <see cref="Write"/> waits for it: call it rarely, not from the steady-state tick.
        /// </summary>
        public int CopyRecent(string[] lines)
        {
            long end;
            long start;
            Monitor.Enter(_gate);
            try
            {
                end = _nextSequence;
                long available = end < _timestamps.Length ? end : _timestamps.Length;
                long wanted = lines.Length < available ? lines.Length : available;
                start = end - wanted;
                for (long sequence = start; sequence < end; sequence++)
                {
                    int index = (int)(sequence % _timestamps.Length);
                    lines[(int)(sequence - start)] = Format(_timestamps[index], _levels[index], _sources[index], _messages[index]);
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            return (int)(end - start);
        }

        // "[   12.345 s] WARN  loop: message", the layout of the host sinks (hal/Simulation LogFormat).
        private static string Format(long timestampMs, int level, string source, string message)
        {
            long seconds = timestampMs / MillisecondsPerSecond;
            long milliseconds = timestampMs % MillisecondsPerSecond;
            if (milliseconds < 0)
            {
                milliseconds = -milliseconds;
            }

            return string.Concat(new string[]
            {
                "[",
                seconds.ToString().PadLeft(TimestampSecondsWidth, ' '),
                ".",
                milliseconds.ToString().PadLeft(3, '0'),
                " s] ",
                Tag(level),
                " ",
                source,
                ": ",
                message,
            });
        }

        private static string Tag(int level)
        {
            switch (level)
            {
                case (int)LogLevel.Debug:
                    return "DEBUG";
                case (int)LogLevel.Info:
                    return "INFO ";
                case (int)LogLevel.Warning:
                    return "WARN ";
                default:
                    return "ERROR";
            }
        }

        private void PrintLoop()
        {
            while (true)
            {
                _written.WaitOne();
                string line;
                while ((line = TakeNextLine()) != null)
                {
                    try
                    {
                        Console.WriteLine(line);
                    }
                    catch (Exception)
                    {
                        // Output failures must not stop logging into the ring.
                    }
                }
            }
        }

        // Takes the oldest unprinted entry and formats it outside the lock, so Write never waits for formatting.
        private string TakeNextLine()
        {
            long timestampMs;
            int level;
            string source;
            string message;
            Monitor.Enter(_gate);
            try
            {
                if (_printSequence == _nextSequence)
                {
                    return null;
                }

                int index = (int)(_printSequence % _timestamps.Length);
                _printSequence++;
                timestampMs = _timestamps[index];
                level = _levels[index];
                source = _sources[index];
                message = _messages[index];
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            return Format(timestampMs, level, source, message);
        }
    }
}
