namespace Wallbox.Hal
{
    /// <summary>
    /// Where log entries go (serial console and a RAM ring on the device, the console or a test capture on
    /// the host). Implementations must not block the loop: a slow output drops entries and counts them.
    /// </summary>
    public interface ILogSink
    {
        /// <summary>Writes one entry. <paramref name="timestampMs"/> is monotonic milliseconds since boot.</summary>
        void Write(long timestampMs, LogLevel level, string source, string message);
    }
}
