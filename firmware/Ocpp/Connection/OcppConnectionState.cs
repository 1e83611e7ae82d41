namespace Wallbox.Firmware.Ocpp.Connection
{
    /// <summary>
    /// The connection to the central system as the LED, the web page and the SMS status show it (WBX-10: "OCPP en
    /// cours de connexion", "OCPP connecté", "Erreur de connexion OCPP", plus disabled).
    /// </summary>
    public enum OcppConnectionState
    {
        /// <summary>OCPP is switched off, or the central-system URL or the charge-box identity is not set (WBX-07).</summary>
        Disabled = 0,

        /// <summary>Trying to connect (first attempts, or again after a connection was lost).</summary>
        Connecting = 1,

        /// <summary>The WebSocket to the central system is open.</summary>
        Connected = 2,

        /// <summary>
        /// Cannot connect (WBX-10 leaves the criterion open; ours): <see cref="OcppConnection.ErrorAfterFailedAttempts"/>
        /// attempts in a row failed, or the central system refused the charge point (HTTP 401/403/404, subprotocol,
        /// TLS), or the settings are unusable. Attempts go on with back-off.
        /// </summary>
        Error = 3,
    }
}
