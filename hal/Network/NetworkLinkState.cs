namespace Wallbox.Hal
{
    /// <summary>State of the IP link (Wi-Fi, Ethernet or the modem's data connection).</summary>
    public enum NetworkLinkState
    {
        /// <summary>No link.</summary>
        Down = 0,

        /// <summary>Associating or waiting for an address.</summary>
        Connecting = 1,

        /// <summary>Link up with an IP address.</summary>
        Up = 2,
    }
}
