namespace Wallbox.Hal.Simulation;

/// <summary>
/// A piece of simulated hardware or a simulated HAL worker. <see cref="VirtualWallboxHardware"/> calls
/// <see cref="Advance"/> on every device, in a fixed order, each time virtual time moves; devices react to
/// what the firmware commanded during the previous loop pass.
/// </summary>
public interface ISimulatedDevice
{
    /// <summary>Brings the device up to <paramref name="nowUs"/> (virtual microseconds since boot). Must not allocate in steady state.</summary>
    void Advance(long nowUs);
}
