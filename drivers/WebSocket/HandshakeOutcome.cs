namespace Wallbox.Drivers.WebSocket
{
    /// <summary>Verdict on a complete upgrade answer (<see cref="HandshakeResponse.Validate"/>).</summary>
    public enum HandshakeOutcome
    {
        /// <summary>101 with every RFC 6455 §4.1 check passed: the connection is open.</summary>
        Accepted = 0,

        /// <summary>Not 101 (e.g. 401 for wrong credentials, 404 for an unknown charge-box identity).</summary>
        Rejected = 1,

        /// <summary>101, but the requested subprotocol is not the one the server selected (or it selected none).</summary>
        SubProtocolRefused = 2,

        /// <summary>101, but the answer breaks §4.1 (Upgrade, Connection, Sec-WebSocket-Accept, an unrequested extension or subprotocol).</summary>
        Invalid = 3,
    }
}
