namespace Wallbox.Benchmarks.FlashWear;

/// <summary>
/// A transaction buffer as the wear workload drives it: messages are appended and are durable when the call
/// returns (the workload pumps virtual time until they are), and confirmed oldest first.
/// </summary>
public interface ITransactionBufferUnderTest
{
    /// <summary>Appends a StartTransaction and returns its transaction handle.</summary>
    int AppendStart(int index);

    /// <summary>Appends one MeterValues message of a 32-byte sample set.</summary>
    void AppendMeterValues(int transaction, int sample);

    /// <summary>Appends the StopTransaction.</summary>
    void AppendStop(int transaction);

    /// <summary>Messages waiting for the central system.</summary>
    int PendingCount { get; }

    /// <summary>Sends the oldest message and records the central system's confirmation, which takes <paramref name="roundTripMs"/> to arrive.</summary>
    void ConfirmOldest(int roundTripMs);

    /// <summary>Lets <paramref name="ms"/> of virtual time pass (the flash worker and the stores keep running).</summary>
    void Idle(int ms);

    /// <summary>Waits until everything queued is on flash.</summary>
    void Flush();
}
