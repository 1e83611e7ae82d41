using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Connection;

namespace Wallbox.Firmware.Ocpp
{
    /// <summary>
    /// The OCPP 1.6 configuration keys of the charge point (Core, Local Auth List Management, Remote Trigger, the
    /// security whitepaper keys we use) and the vendor keys of the OCPP behaviour, with type, range, access and
    /// whether a reboot is needed (docs/configuration-keys.md is the reference; a test keeps it equal to these
    /// declarations). Defaults follow the customer's key table (seed 003 §1, "Wallbox" column) where it gives one.
    /// The URL, identity, password, free-vend, offline mode and power-loss keys are declared with the charge point's
    /// own keys (<see cref="ChargePointConfigKeys"/>).
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

        // ---- Core profile (OCPP 1.6 §9.1) ----

        /// <summary>FXP-K01: start a transaction for an unknown idTag while offline.</summary>
        public const string AllowOfflineTxForUnknownId = "AllowOfflineTxForUnknownId";

        /// <summary>FXP-K02, CPL-40: the authorisation cache (the customer's "whitelist") is used.</summary>
        public const string AuthorizationCacheEnabled = "AuthorizationCacheEnabled";

        /// <summary>FXP-K03: a RemoteStartTransaction idTag is authorised first, like a local start.</summary>
        public const string AuthorizeRemoteTxRequests = "AuthorizeRemoteTxRequests";

        /// <summary>FXP-K04: clock-aligned interval, seconds; 0 = no clock-aligned data.</summary>
        public const string ClockAlignedDataInterval = "ClockAlignedDataInterval";

        /// <summary>FXP-K06: phase rotation per connector, e.g. "0.RST,1.RST".</summary>
        public const string ConnectorPhaseRotation = "ConnectorPhaseRotation";

        /// <summary>FXP-K07: keys per GetConfiguration.req at most.</summary>
        public const string GetConfigurationMaxKeys = "GetConfigurationMaxKeys";

        /// <summary>FXP-K08: seconds of inactivity before a Heartbeat.req (the central system sets it in BootNotification.conf).</summary>
        public const string HeartbeatInterval = "HeartbeatInterval";

        /// <summary>FXP-K09: offline, start transactions for locally authorised idTags.</summary>
        public const string LocalAuthorizeOffline = "LocalAuthorizeOffline";

        /// <summary>FXP-K10: online, start at once for locally authorised idTags without waiting for Authorize.conf.</summary>
        public const string LocalPreAuthorize = "LocalPreAuthorize";

        /// <summary>FXP-K11: clock-aligned measurands.</summary>
        public const string MeterValuesAlignedData = "MeterValuesAlignedData";

        /// <summary>Measurands per MeterValuesAlignedData at most.</summary>
        public const string MeterValuesAlignedDataMaxLength = "MeterValuesAlignedDataMaxLength";

        /// <summary>FXP-K12: sampling interval during a transaction, seconds; 0 = none, otherwise at least 5.</summary>
        public const string MeterValueSampleInterval = "MeterValueSampleInterval";

        /// <summary>FXP-K13: sampled measurands.</summary>
        public const string MeterValuesSampledData = "MeterValuesSampledData";

        /// <summary>Measurands per MeterValuesSampledData at most.</summary>
        public const string MeterValuesSampledDataMaxLength = "MeterValuesSampledDataMaxLength";

        /// <summary>FXP-K14: a status must hold this long (seconds) before it is notified.</summary>
        public const string MinimumStatusDuration = "MinimumStatusDuration";

        /// <summary>FXP-K15: physical connectors (1).</summary>
        public const string NumberOfConnectors = "NumberOfConnectors";

        /// <summary>FXP-K16: restart attempts after an unsuccessful reset.</summary>
        public const string ResetRetries = "ResetRetries";

        /// <summary>FXP-K17, WBX-13: stop the transaction when the EV unplugs.</summary>
        public const string StopTransactionOnEVSideDisconnect = "StopTransactionOnEVSideDisconnect";

        /// <summary>FXP-K18: stop the transaction when StartTransaction.conf is not Accepted.</summary>
        public const string StopTransactionOnInvalidId = "StopTransactionOnInvalidId";

        /// <summary>FXP-K19: clock-aligned measurands in StopTransaction.req transactionData.</summary>
        public const string StopTxnAlignedData = "StopTxnAlignedData";

        /// <summary>Measurands per StopTxnAlignedData at most.</summary>
        public const string StopTxnAlignedDataMaxLength = "StopTxnAlignedDataMaxLength";

        /// <summary>FXP-K20, FXP-48: sampled measurands in StopTransaction.req transactionData; must hold Energy.Active.Import.Register.</summary>
        public const string StopTxnSampledData = "StopTxnSampledData";

        /// <summary>Measurands per StopTxnSampledData at most.</summary>
        public const string StopTxnSampledDataMaxLength = "StopTxnSampledDataMaxLength";

        /// <summary>FXP-K21: feature profiles implemented.</summary>
        public const string SupportedFeatureProfiles = "SupportedFeatureProfiles";

        /// <summary>FXP-K22: attempts to deliver a transaction message the central system failed to process.</summary>
        public const string TransactionMessageAttempts = "TransactionMessageAttempts";

        /// <summary>FXP-K23: seconds before a failed transaction message is tried again (multiplied by the attempt number).</summary>
        public const string TransactionMessageRetryInterval = "TransactionMessageRetryInterval";

        /// <summary>FXP-K24, WBX-13: unlock the socket when the EV unplugs.</summary>
        public const string UnlockConnectorOnEVSideDisconnect = "UnlockConnectorOnEVSideDisconnect";

        // ---- Local Auth List Management (OCPP 1.6 §9.2) ----

        /// <summary>FXP-K69: the local authorisation list is used.</summary>
        public const string LocalAuthListEnabled = "LocalAuthListEnabled";

        /// <summary>FXP-K70: entries in the local list at most (50).</summary>
        public const string LocalAuthListMaxLength = "LocalAuthListMaxLength";

        /// <summary>FXP-K71: entries per SendLocalList.req at most (50).</summary>
        public const string SendLocalListMaxLength = "SendLocalListMaxLength";

        // ---- Vendor keys of the OCPP behaviour ----

        /// <summary>CPL-34, FXP-41: idTag of free-vend transactions (and of remote starts the central system makes with it).</summary>
        public const string FreeVendIdTag = "FreeVendIdTag";

        /// <summary>CPL-90/91: idTag of the unlock badge: unlocks the idle socket for 30 s or stops the running session; empty = none.</summary>
        public const string UnlockBadgeIdTag = "UnlockBadgeIdTag";

        /// <summary>Persisted availability of connector 1 after ChangeAvailability (OCPP 1.6 §5.2: it survives a reboot); firmware-owned.</summary>
        public const string ConnectorAvailability = "ConnectorAvailability";

        /// <summary>Persisted availability of the whole charge point (ChangeAvailability on connector 0); firmware-owned.</summary>
        public const string ChargePointAvailability = "ChargePointAvailability";

        /// <summary>Keys answered per GetConfiguration at most; every readable key fits one 8 KiB frame (tested).</summary>
        public const int MaxKeysPerGetConfiguration = ConfigurationStore.MaxKeys;

        /// <summary>Measurands a *Data list holds at most.</summary>
        public const int MaxMeasurandsPerList = 8;

        /// <summary>Profiles implemented so far; later issues add FirmwareManagement, SmartCharging and Reservation when they work.</summary>
        public const string ImplementedProfiles = "Core,LocalAuthListManagement,RemoteTrigger";

        private static readonly string[] AvailabilityValues = new string[] { "Operative", "Inoperative" };

        /// <summary>Declares the keys. <paramref name="hasSocketLock"/> is the value of UnlockConnectorOnEVSideDisconnect.</summary>
        public static void Declare(ConfigurationStore store, bool hasSocketLock)
        {
            store.Declare(ConfigKey.Boolean(OcppEnabled, true).NeedingReboot());
            store.Declare(ConfigKey.Integer(WebSocketPingInterval, DefaultWebSocketPingIntervalS, 0, 3600));
            store.Declare(ConfigKey.Integer(SecurityProfile, 0, 0, 3).NeedingReboot());

            store.Declare(ConfigKey.Boolean(AllowOfflineTxForUnknownId, false));
            store.Declare(ConfigKey.Boolean(AuthorizationCacheEnabled, true));
            store.Declare(ConfigKey.Boolean(AuthorizeRemoteTxRequests, true));
            store.Declare(ConfigKey.Integer(ClockAlignedDataInterval, 900, 0, 86400));
            store.Declare(ConfigKey.Text(ConnectorPhaseRotation, "1.Unknown", 100).Checked(new Configuration.PhaseRotationCheck(1)));
            store.Declare(ConfigKey.Integer(GetConfigurationMaxKeys, MaxKeysPerGetConfiguration, MaxKeysPerGetConfiguration, MaxKeysPerGetConfiguration).AsReadOnly());
            store.Declare(ConfigKey.Integer(HeartbeatInterval, 900, 0, 86400));
            store.Declare(ConfigKey.Boolean(LocalAuthorizeOffline, true));
            store.Declare(ConfigKey.Boolean(LocalPreAuthorize, false));
            store.Declare(ConfigKey.Text(MeterValuesAlignedData, "Energy.Active.Import.Register", 200).Checked(Metering.MeasurandListCheck.Aligned));
            store.Declare(ConfigKey.Integer(MeterValuesAlignedDataMaxLength, MaxMeasurandsPerList, MaxMeasurandsPerList, MaxMeasurandsPerList).AsReadOnly());
            store.Declare(ConfigKey.Integer(MeterValueSampleInterval, 60, 0, 86400));
            store.Declare(ConfigKey.Text(MeterValuesSampledData, "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Current.Offered", 200).Checked(Metering.MeasurandListCheck.Sampled));
            store.Declare(ConfigKey.Integer(MeterValuesSampledDataMaxLength, MaxMeasurandsPerList, MaxMeasurandsPerList, MaxMeasurandsPerList).AsReadOnly());
            store.Declare(ConfigKey.Integer(MinimumStatusDuration, 2, 0, 3600));
            store.Declare(ConfigKey.Integer(NumberOfConnectors, 1, 1, 1).AsReadOnly());
            store.Declare(ConfigKey.Integer(ResetRetries, 3, 0, 10));
            // FXP-K17/K18: only true is supported (the Flexpole does the same): the charging controller ends the
            // session when the EV unplugs, and a transaction the central system refuses is stopped.
            store.Declare(ConfigKey.Boolean(StopTransactionOnEVSideDisconnect, true).AsReadOnly());
            store.Declare(ConfigKey.Boolean(StopTransactionOnInvalidId, true).AsReadOnly());
            store.Declare(ConfigKey.Text(StopTxnAlignedData, string.Empty, 200).Checked(Metering.MeasurandListCheck.StopTxnAligned));
            store.Declare(ConfigKey.Integer(StopTxnAlignedDataMaxLength, MaxMeasurandsPerList, MaxMeasurandsPerList, MaxMeasurandsPerList).AsReadOnly());
            store.Declare(ConfigKey.Text(StopTxnSampledData, "Energy.Active.Import.Register", 200).Checked(Metering.MeasurandListCheck.StopTxnSampled));
            store.Declare(ConfigKey.Integer(StopTxnSampledDataMaxLength, MaxMeasurandsPerList, MaxMeasurandsPerList, MaxMeasurandsPerList).AsReadOnly());
            store.Declare(ConfigKey.Text(SupportedFeatureProfiles, ImplementedProfiles, 100).AsReadOnly());
            store.Declare(ConfigKey.Integer(TransactionMessageAttempts, 5, 1, 100));
            store.Declare(ConfigKey.Integer(TransactionMessageRetryInterval, 20, 1, 3600));
            // FXP-K24, CPH-22: a socket is always unlocked once the session has ended and the contacts are open.
            store.Declare(ConfigKey.Boolean(UnlockConnectorOnEVSideDisconnect, hasSocketLock).AsReadOnly());

            store.Declare(ConfigKey.Boolean(LocalAuthListEnabled, true));
            store.Declare(ConfigKey.Integer(LocalAuthListMaxLength, Authorization.LocalAuthorizationList.MaxLength, Authorization.LocalAuthorizationList.MaxLength, Authorization.LocalAuthorizationList.MaxLength).AsReadOnly());
            store.Declare(ConfigKey.Integer(SendLocalListMaxLength, Authorization.LocalAuthorizationList.MaxEntriesPerUpdate, Authorization.LocalAuthorizationList.MaxEntriesPerUpdate, Authorization.LocalAuthorizationList.MaxEntriesPerUpdate).AsReadOnly());

            store.Declare(ConfigKey.Text(FreeVendIdTag, "FREEVEND", 20).Checked(IdTagValueCheck.Instance));
            store.Declare(ConfigKey.Text(UnlockBadgeIdTag, string.Empty, 20).Checked(IdTagValueCheck.OrEmpty));
            store.Declare(ConfigKey.Text(ConnectorAvailability, "Operative", 11).OneOf(AvailabilityValues).AsReadOnly());
            store.Declare(ConfigKey.Text(ChargePointAvailability, "Operative", 11).OneOf(AvailabilityValues).AsReadOnly());
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
