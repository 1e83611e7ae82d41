using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;

namespace Wallbox.Firmware.Config
{
    /// <summary>
    /// The configuration keys of the charging side, the offline authorisation and the central-system connection
    /// that exist so far, with their definitions (docs/configuration-keys.md lists them). OCPP-standard names are used
    /// where OCPP 1.6 defines the setting; the OCPP service declares the remaining standard keys next to these.
    /// </summary>
    public static class ChargePointConfigKeys
    {
        /// <summary>Upstream breaker rating, A (CPH-33): 0 (not set) or 20, 25, 32, 40.</summary>
        public const string BreakerRatingA = "BreakerRatingA";

        /// <summary>Owner's maximum charging current, A (CPH-31/32).</summary>
        public const string MaxCurrentA = "MaxCurrentA";

        /// <summary>Charge without authorisation (free-vend, CPL-34, WBX-16).</summary>
        public const string FreeVend = "FreeVend";

        /// <summary>Resume a charging session after a power cut (CPL-85 "ZE Ready"); otherwise it ends with PowerLoss.</summary>
        public const string ResumeSessionAfterPowerLoss = "ResumeSessionAfterPowerLoss";

        /// <summary>OCPP 1.6 ConnectionTimeOut, seconds: how long an authorisation waits for the plug.</summary>
        public const string ConnectionTimeOut = "ConnectionTimeOut";

        /// <summary>Offline authorisation mode of CPL-44: Whitelist, AcceptAll or RefuseAll.</summary>
        public const string OfflineAuthorizationMode = "OfflineAuthorizationMode";

        /// <summary>Central-system URL, ws:// or wss:// (WBX-07).</summary>
        public const string CentralSystemUrl = "CentralSystemUrl";

        /// <summary>Charge-box identity appended to the URL (CPL-20).</summary>
        public const string ChargePointIdentity = "ChargePointIdentity";

        /// <summary>OCPP security profile 1/2 password (write-only).</summary>
        public const string AuthorizationKey = "AuthorizationKey";

        private static readonly string[] OfflineModes = new string[] { "Whitelist", "AcceptAll", "RefuseAll" };
        private static readonly string[] BreakerRatings = new string[] { "0", "20", "25", "32", "40" };
        private static readonly string[] WebSocketSchemes = new string[] { "ws://", "wss://" };

        /// <summary>Declares the keys with defaults taken from the board's settings.</summary>
        public static void Declare(ConfigurationStore store, ChargingSettings board)
        {
            store.Declare(ConfigKey.Integer(BreakerRatingA, board.BreakerRatingA, 0, 40).OneOf(BreakerRatings));
            store.Declare(ConfigKey.Integer(MaxCurrentA, board.UserMaximumA, 6, board.HardwareRatingA));
            store.Declare(ConfigKey.Boolean(FreeVend, !board.RequireAuthorization));
            store.Declare(ConfigKey.Boolean(ResumeSessionAfterPowerLoss, board.ResumeAfterPowerLoss));
            store.Declare(ConfigKey.Integer(ConnectionTimeOut, board.ConnectionTimeoutS, 1, 3600));
            store.Declare(ConfigKey.Text(OfflineAuthorizationMode, "Whitelist", 16).OneOf(OfflineModes));
            store.Declare(ConfigKey.Text(CentralSystemUrl, string.Empty, 255).StartingWith(WebSocketSchemes).NeedingReboot());
            store.Declare(ConfigKey.Text(ChargePointIdentity, string.Empty, 48).NeedingReboot());
            store.Declare(ConfigKey.Text(AuthorizationKey, string.Empty, 40).Checked(Ocpp.Configuration.AuthorizationKeyCheck.Instance).AsWriteOnly().NeedingReboot());
        }

        /// <summary>The board's settings with the stored installation and owner values applied.</summary>
        public static ChargingSettings ChargingSettings(ConfigurationStore store, ChargingSettings board)
        {
            ChargingSettings settings = board.Clone();
            settings.BreakerRatingA = store.GetInt(BreakerRatingA);
            settings.UserMaximumA = store.GetInt(MaxCurrentA);
            settings.RequireAuthorization = !store.GetBool(FreeVend);
            settings.ResumeAfterPowerLoss = store.GetBool(ResumeSessionAfterPowerLoss);
            settings.ConnectionTimeoutS = store.GetInt(ConnectionTimeOut);
            return settings;
        }

        /// <summary>The stored offline authorisation mode.</summary>
        public static OfflineAuthorizationMode OfflineMode(ConfigurationStore store)
        {
            string mode = store.Get(OfflineAuthorizationMode);
            return mode == "AcceptAll" ? Authorization.OfflineAuthorizationMode.AcceptAll
                : mode == "RefuseAll" ? Authorization.OfflineAuthorizationMode.RefuseAll
                : Authorization.OfflineAuthorizationMode.Whitelist;
        }
    }
}
