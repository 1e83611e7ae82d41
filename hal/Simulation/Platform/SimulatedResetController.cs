namespace Wallbox.Hal.Simulation;

/// <summary>Records restart requests; the virtual board restarts the firmware before the next pass.</summary>
public sealed class SimulatedResetController : IResetController
{
    /// <summary>True from <see cref="Restart"/> until the board has restarted the firmware.</summary>
    public bool RestartRequested { get; private set; }

    /// <summary>Restarts requested since construction.</summary>
    public int RestartCount { get; private set; }

    /// <inheritdoc />
    public void Restart()
    {
        RestartRequested = true;
        RestartCount++;
    }

    /// <summary>The board has restarted the firmware.</summary>
    public void Acknowledge() => RestartRequested = false;
}
