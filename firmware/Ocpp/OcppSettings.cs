using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Ocpp
{
    /// <summary>
    /// The OCPP behaviour keys decoded once per configuration change, so services read fields instead of looking
    /// keys up and parsing strings every tick (the loop budget, and no allocation in steady ticks).
    /// </summary>
    public sealed class OcppSettings
    {
        private int _appliedChangeCount = -1;

        /// <summary>AllowOfflineTxForUnknownId.</summary>
        public bool AllowOfflineTxForUnknownId;

        /// <summary>AuthorizationCacheEnabled.</summary>
        public bool AuthorizationCacheEnabled;

        /// <summary>AuthorizeRemoteTxRequests.</summary>
        public bool AuthorizeRemoteTxRequests;

        /// <summary>ClockAlignedDataInterval, seconds.</summary>
        public int ClockAlignedDataIntervalS;

        /// <summary>HeartbeatInterval, seconds.</summary>
        public int HeartbeatIntervalS;

        /// <summary>LocalAuthorizeOffline.</summary>
        public bool LocalAuthorizeOffline;

        /// <summary>LocalPreAuthorize.</summary>
        public bool LocalPreAuthorize;

        /// <summary>MeterValuesAlignedData.</summary>
        public string MeterValuesAlignedData;

        /// <summary>MeterValueSampleInterval, seconds.</summary>
        public int MeterValueSampleIntervalS;

        /// <summary>MeterValuesSampledData.</summary>
        public string MeterValuesSampledData;

        /// <summary>MinimumStatusDuration, seconds.</summary>
        public int MinimumStatusDurationS;

        /// <summary>ResetRetries.</summary>
        public int ResetRetries;

        /// <summary>StopTxnAlignedData.</summary>
        public string StopTxnAlignedData;

        /// <summary>StopTxnSampledData.</summary>
        public string StopTxnSampledData;

        /// <summary>TransactionMessageAttempts.</summary>
        public int TransactionMessageAttempts;

        /// <summary>TransactionMessageRetryInterval, seconds.</summary>
        public int TransactionMessageRetryIntervalS;

        /// <summary>LocalAuthListEnabled.</summary>
        public bool LocalAuthListEnabled;

        /// <summary>FreeVend (CPL-34): sessions start on plug-in without authorisation.</summary>
        public bool FreeVend;

        /// <summary>FreeVendIdTag (CPL-34, FXP-41).</summary>
        public string FreeVendIdTag;

        /// <summary>UnlockBadgeIdTag (CPL-90), empty when none.</summary>
        public string UnlockBadgeIdTag;

        /// <summary>Connector 1 set Operative (persisted ChangeAvailability).</summary>
        public bool ConnectorOperative;

        /// <summary>Charge point set Operative (persisted ChangeAvailability on connector 0).</summary>
        public bool ChargePointOperative;

        /// <summary>Incremented whenever the values were read again.</summary>
        public int Version { get; private set; }

        /// <summary>Reads the values again when the configuration changed; true when it did.</summary>
        public bool Refresh(ConfigurationStore store)
        {
            if (!store.IsLoaded || store.ChangeCount == _appliedChangeCount)
            {
                return false;
            }

            _appliedChangeCount = store.ChangeCount;
            AllowOfflineTxForUnknownId = store.GetBool(OcppConfigKeys.AllowOfflineTxForUnknownId);
            AuthorizationCacheEnabled = store.GetBool(OcppConfigKeys.AuthorizationCacheEnabled);
            AuthorizeRemoteTxRequests = store.GetBool(OcppConfigKeys.AuthorizeRemoteTxRequests);
            ClockAlignedDataIntervalS = store.GetInt(OcppConfigKeys.ClockAlignedDataInterval);
            HeartbeatIntervalS = store.GetInt(OcppConfigKeys.HeartbeatInterval);
            LocalAuthorizeOffline = store.GetBool(OcppConfigKeys.LocalAuthorizeOffline);
            LocalPreAuthorize = store.GetBool(OcppConfigKeys.LocalPreAuthorize);
            MeterValuesAlignedData = store.Get(OcppConfigKeys.MeterValuesAlignedData);
            MeterValueSampleIntervalS = store.GetInt(OcppConfigKeys.MeterValueSampleInterval);
            MeterValuesSampledData = store.Get(OcppConfigKeys.MeterValuesSampledData);
            MinimumStatusDurationS = store.GetInt(OcppConfigKeys.MinimumStatusDuration);
            ResetRetries = store.GetInt(OcppConfigKeys.ResetRetries);
            StopTxnAlignedData = store.Get(OcppConfigKeys.StopTxnAlignedData);
            StopTxnSampledData = store.Get(OcppConfigKeys.StopTxnSampledData);
            TransactionMessageAttempts = store.GetInt(OcppConfigKeys.TransactionMessageAttempts);
            TransactionMessageRetryIntervalS = store.GetInt(OcppConfigKeys.TransactionMessageRetryInterval);
            LocalAuthListEnabled = store.GetBool(OcppConfigKeys.LocalAuthListEnabled);
            FreeVend = store.GetBool(ChargePointConfigKeys.FreeVend);
            FreeVendIdTag = store.Get(OcppConfigKeys.FreeVendIdTag);
            UnlockBadgeIdTag = store.Get(OcppConfigKeys.UnlockBadgeIdTag);
            ConnectorOperative = store.Get(OcppConfigKeys.ConnectorAvailability) == "Operative";
            ChargePointOperative = store.Get(OcppConfigKeys.ChargePointAvailability) == "Operative";
            Version++;
            return true;
        }
    }
}
