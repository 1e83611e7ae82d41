namespace Wallbox.Hal
{
    /// <summary>The IP link the charge point talks through. Polled; never waits.</summary>
    public interface INetworkLink
    {
        /// <summary>Current link state.</summary>
        NetworkLinkState State { get; }

        /// <summary>Local IPv4 address in dotted form, or an empty string when down.</summary>
        string Address { get; }
    }
}
