namespace Wallbox.Hal.Simulation;

/// <summary>The device at the other end of a <see cref="SimulatedSerialPort"/> (a Modbus meter, a modem).</summary>
public interface ISerialPeer
{
    /// <summary>
    /// One character sent by the board has fully arrived (its stop bit ended at <paramref name="atUs"/>).
    /// <paramref name="intact"/> is false when the peer's line settings differ from the port's, or noise hit
    /// it, so the peer sees a framing or parity error.
    /// </summary>
    void OnCharacter(byte value, bool intact, long atUs);
}
