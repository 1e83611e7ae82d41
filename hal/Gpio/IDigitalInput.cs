namespace Wallbox.Hal
{
    /// <summary>
    /// One logical input: contactor feedback (mirror contact), RCD fault, lock feedback. "Active" is the
    /// logical, asserted state; the board maps polarity and pull-ups. Reading never waits.
    /// </summary>
    public interface IDigitalInput
    {
        /// <summary>Current logical level.</summary>
        bool IsActive { get; }
    }
}
