using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Connection;

namespace Wallbox.Firmware.Ocpp
{
    /// <summary>
    /// Configuration keys of the link to the central system (docs/configuration-keys.md). The URL, identity and
    /// password are declared with the charge point's own keys (<see cref="ChargePointConfigKeys"/>).
    /// </summary>
    public static class OcppConfigKeys
    {
        /// <summary>OCPP switched on (WBX-07 "Activer").</summary>
        public const string OcppEnabled = "OcppEnabled";

        /// <summary>OCPP 1.6 standard key: seconds between WebSocket pings on an idle link; 0 = none.</summary>
        public const string WebSocketPingInterval = "WebSocketPingInterval";

        /// <summary>OCPP 1.6 security whitepaper key: security profile 0–3.</summary>
        public const string SecurityProfile = "SecurityProfile";

        /// <summary>Default ping interval, seconds: dead links are found within 90 s; about 7 MB a month on a cellular link.</summary>
        public const int DefaultWebSocketPingIntervalS = 60;

        /// <summary>Declares the keys.</summary>
        public static void Declare(ConfigurationStore store)
        {
            store.Declare(ConfigKey.Boolean(OcppEnabled, true).NeedingReboot());
            store.Declare(ConfigKey.Integer(WebSocketPingInterval, DefaultWebSocketPingIntervalS, 0, 3600));
            store.Declare(ConfigKey.Integer(SecurityProfile, 0, 0, 3).NeedingReboot());
        }

        /// <summary>Fills <paramref name="into"/> from the stored configuration.</summary>
        public static void ReadConnectionSettings(ConfigurationStore store, OcppConnectionSettings into)
        {
            into.Enabled = store.GetBool(OcppEnabled);
            into.CentralSystemUrl = store.Get(ChargePointConfigKeys.CentralSystemUrl);
            into.ChargePointIdentity = store.Get(ChargePointConfigKeys.ChargePointIdentity);
            into.AuthorizationKey = store.Get(ChargePointConfigKeys.AuthorizationKey);
            into.SecurityProfile = store.GetInt(SecurityProfile);
            into.WebSocketPingIntervalS = store.GetInt(WebSocketPingInterval);
        }
    }
}
