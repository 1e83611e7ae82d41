namespace Wallbox.Hal
{
    /// <summary>
    /// One logical output: contactor coil, RCD test, lock motor, LED. "On" is the logical, asserted
    /// state; the board maps it to the electrical level (active-high or active-low) at construction.
    /// </summary>
    public interface IDigitalOutput
    {
        /// <summary>The state last commanded (not a read-back of the load; use a feedback input for that).</summary>
        bool IsOn { get; }

        /// <summary>Drives the output. Takes effect immediately; never waits.</summary>
        void Set(bool on);
    }
}
