namespace Wallbox.Hal.Simulation;

/// <summary>The IP link, switched up and down by a test.</summary>
public sealed class SimulatedNetworkLink : INetworkLink
{
    /// <inheritdoc />
    public NetworkLinkState State { get; set; } = NetworkLinkState.Up;

    /// <inheritdoc />
    public string Address => State == NetworkLinkState.Up ? "192.0.2.10" : string.Empty;
}
