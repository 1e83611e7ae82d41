namespace Wallbox.Hal
{
    /// <summary>
    /// A component of the cooperative main loop (a driver or a firmware service). It is declared here, at the
    /// bottom of the dependency chain, so drivers can be loop components without depending on the firmware.
    /// </summary>
    /// <remarks>
    /// <see cref="Tick"/> does one bounded step of work and returns: it never waits (no sleeps, no blocking
    /// I/O, no busy-polls). Work that must wait becomes a small state machine advanced over several ticks, or a
    /// job handed to a HAL worker. Steady-state ticks allocate nothing.
    /// </remarks>
    public interface ITickable
    {
        /// <summary>Advances the component. <paramref name="nowMs"/> is monotonic time read just before the call.</summary>
        void Tick(long nowMs);
    }
}
