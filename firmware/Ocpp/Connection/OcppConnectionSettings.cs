namespace Wallbox.Firmware.Ocpp.Connection
{
    /// <summary>What the connection needs from the configuration (WBX-07, OCPP 1.6 security whitepaper §2).</summary>
    public sealed class OcppConnectionSettings
    {
        /// <summary>OCPP switched on (WBX-07 "Activer").</summary>
        public bool Enabled;

        /// <summary>The central system's endpoint, ws:// or wss:// (WBX-07 "URL").</summary>
        public string CentralSystemUrl;

        /// <summary>The charge-box identity appended to the URL (CPL-20, WBX-07).</summary>
        public string ChargePointIdentity;

        /// <summary>HTTP Basic password (security whitepaper AuthorizationKey); empty for none.</summary>
        public string AuthorizationKey;

        /// <summary>Security profile 0 (none), 1 (Basic over ws://), 2 (Basic over wss://), 3 (client certificate over wss://).</summary>
        public int SecurityProfile;

        /// <summary>OCPP WebSocketPingInterval, seconds; 0 disables pings and the dead-link detection.</summary>
        public int WebSocketPingIntervalS;

        /// <summary>Root certificate of the central system for wss:// (PEM or DER); null to use the platform's store.</summary>
        public byte[] TrustedRootCertificate;

        /// <summary>True when the connection-relevant values equal <paramref name="other"/>'s.</summary>
        public bool SameAs(OcppConnectionSettings other)
        {
            return other != null && Enabled == other.Enabled && CentralSystemUrl == other.CentralSystemUrl
                && ChargePointIdentity == other.ChargePointIdentity && AuthorizationKey == other.AuthorizationKey
                && SecurityProfile == other.SecurityProfile && WebSocketPingIntervalS == other.WebSocketPingIntervalS
                && TrustedRootCertificate == other.TrustedRootCertificate;
        }

        /// <summary>A copy.</summary>
        public OcppConnectionSettings Clone()
        {
            return (OcppConnectionSettings)MemberwiseClone();
        }

        /// <summary>
        /// Null when a connection can be attempted; otherwise why not (shown with the Disabled or Error state).
        /// Profile rules from the security whitepaper §2: 1 needs a password, 2 and 3 need wss://.
        /// </summary>
        public string Problem()
        {
            if (!Enabled)
            {
                return "OCPP is disabled";
            }

            if (CentralSystemUrl == null || CentralSystemUrl.Length == 0)
            {
                return "the central-system URL is not set";
            }

            if (ChargePointIdentity == null || ChargePointIdentity.Length == 0)
            {
                return "the charge-box identity is not set";
            }

            bool secure = CentralSystemUrl.IndexOf("wss://") == 0;
            if (!secure && CentralSystemUrl.IndexOf("ws://") != 0)
            {
                return "the central-system URL must start with ws:// or wss://";
            }

            if ((SecurityProfile == 1 || SecurityProfile == 2) && (AuthorizationKey == null || AuthorizationKey.Length == 0))
            {
                return "security profile " + SecurityProfile.ToString() + " needs the AuthorizationKey";
            }

            if (SecurityProfile >= 2 && !secure)
            {
                return "security profile " + SecurityProfile.ToString() + " needs a wss:// URL";
            }

            if (SecurityProfile == 3)
            {
                return "security profile 3 (client certificates) is not supported yet";
            }

            return null;
        }
    }
}
