namespace Wallbox.Hal
{
    /// <summary>What <see cref="IWebSocketClient.TryConnect"/> needs. Built once by the owner and reused.</summary>
    public sealed class WebSocketConnectOptions
    {
        /// <summary>Full URL, <c>ws://</c> or <c>wss://</c> (OCPP-J: central-system URL + charge-box identity).</summary>
        public string Url;

        /// <summary>Subprotocol to request and require in the answer (e.g. <c>ocpp1.6</c>); null for none.</summary>
        public string SubProtocol;

        /// <summary>Value of the <c>Authorization</c> header (e.g. <c>Basic …</c>, OCPP security profiles 1–2); null for none.</summary>
        public string Authorization;

        /// <summary>Root certificate (PEM or DER) that must anchor the server's chain for <c>wss://</c>; null to use the platform store.</summary>
        public byte[] TrustedRootCertificate;

        /// <summary>Gives up connecting after this long, in milliseconds.</summary>
        public int ConnectTimeoutMs;

        /// <summary>Sends a WebSocket ping after this much idle time, in milliseconds (0: never).</summary>
        public int PingIntervalMs;

        /// <summary>Declares the peer dead when nothing arrives for this long, in milliseconds (0: never).</summary>
        public int PeerTimeoutMs;
    }
}
