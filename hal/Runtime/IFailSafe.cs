namespace Wallbox.Hal
{
    /// <summary>
    /// A component that can put its hardware in a safe state (contactor open, pilot at state F) without
    /// relying on the rest of the firmware. The loop calls it when any component's tick throws, because the
    /// state of the firmware can then no longer be trusted.
    /// </summary>
    public interface IFailSafe
    {
        /// <summary>Drives the outputs to their safe state at once. Must not throw and must not wait.</summary>
        void EnterSafeState();
    }
}
