using Wallbox.Firmware.Ocpp.Connection;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp
{
    /// <summary>
    /// What every OCPP service needs to know about the conversation with the central system: whether the link is
    /// up, whether this boot has been accepted (OCPP 1.6 §4.2: nothing but BootNotification before that), the RPC
    /// endpoint to send through, and the clocks. One instance per firmware, handed to the services (no singleton).
    /// </summary>
    public sealed class OcppSession
    {
        /// <summary>Creates the session view over <paramref name="link"/>.</summary>
        public OcppSession(OcppLink link, IWallClock wall, Logger log)
        {
            Link = link;
            Wall = wall;
            Log = log;
        }

        /// <summary>The link (connection manager and RPC endpoint).</summary>
        public OcppLink Link { get; private set; }

        /// <summary>The RPC endpoint.</summary>
        public OcppRpc Rpc
        {
            get { return Link.Rpc; }
        }

        /// <summary>Calendar time (set from BootNotification.conf and Heartbeat.conf).</summary>
        public IWallClock Wall { get; private set; }

        /// <summary>The log.</summary>
        public Logger Log { get; private set; }

        /// <summary>The registration status of this boot (set by the boot service).</summary>
        public RegistrationState Registration { get; internal set; }

        /// <summary>True while the WebSocket is connected.</summary>
        public bool IsConnected
        {
            get { return Link.Connection.State == OcppConnectionState.Connected; }
        }

        /// <summary>
        /// True when OCPP is switched off or has no central system configured: the wallbox runs standalone, its
        /// sessions are authorised by the offline rules and not recorded for a central system.
        /// </summary>
        public bool IsStandalone
        {
            get { return Link.Connection.State == OcppConnectionState.Disabled; }
        }

        /// <summary>True when requests other than BootNotification may be sent: connected and accepted.</summary>
        public bool IsOnline
        {
            get { return IsConnected && Registration == RegistrationState.Accepted; }
        }

        /// <summary>
        /// True when the central system has stopped accepting this boot or was never reached with a final answer;
        /// decisions then follow the offline rules (local list, cache, CPL-44).
        /// </summary>
        public bool IsOffline
        {
            get { return !IsOnline; }
        }

        /// <summary>Current calendar time as Unix milliseconds (the board's clock even when not yet set since boot).</summary>
        public long NowUnixMs
        {
            get { return UnixTime.ToUnixMs(Wall.UtcNow); }
        }
    }
}
