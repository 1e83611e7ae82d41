namespace Wallbox.Firmware.Authorization
{
    /// <summary>
    /// Decides, while the central system cannot be reached, whether an idTag may charge: the three modes of CPL-44
    /// over the local list (checked first, as OCPP 1.6 §3.5 gives it precedence) and the cache.
    /// </summary>
    public sealed class OfflineAuthorizationPolicy
    {
        private readonly LocalAuthorizationList _localList;
        private readonly AuthorizationCache _cache;
        private readonly IdTagInfo _info = new IdTagInfo();

        /// <summary>Creates the policy over <paramref name="localList"/> and <paramref name="cache"/>.</summary>
        public OfflineAuthorizationPolicy(LocalAuthorizationList localList, AuthorizationCache cache)
        {
            _localList = localList;
            _cache = cache;
            LocalListEnabled = true;
            CacheEnabled = true;
            LocalAuthorizeOffline = true;
        }

        /// <summary>OCPP LocalAuthorizeOffline: offline, idTags Accepted in the local list or cache may charge (FXP-K09).</summary>
        public bool LocalAuthorizeOffline { get; set; }

        /// <summary>OCPP AllowOfflineTxForUnknownId: offline, idTags found nowhere may charge (FXP-K01, CPL-44 b).</summary>
        public bool AllowUnknown { get; set; }

        /// <summary>What the local list or cache said about the idTag of the last decision (parent for FXP-37), valid when <see cref="LastFound"/>.</summary>
        public IdTagInfo LastInfo
        {
            get { return _info; }
        }

        /// <summary>True when the idTag of the last decision was found in the local list or cache.</summary>
        public bool LastFound { get; private set; }

        /// <summary>The CPL-44 mode.</summary>
        public OfflineAuthorizationMode Mode { get; set; }

        /// <summary>OCPP LocalAuthListEnabled.</summary>
        public bool LocalListEnabled { get; set; }

        /// <summary>OCPP AuthorizationCacheEnabled.</summary>
        public bool CacheEnabled { get; set; }

        /// <summary>Why the last decision was taken (for the log and the HMI).</summary>
        public string LastReason { get; private set; }

        /// <summary>Returns true when <paramref name="idTag"/> may charge offline.</summary>
        public bool IsAccepted(string idTag)
        {
            LastFound = false;
            if (Mode == OfflineAuthorizationMode.RefuseAll)
            {
                LastReason = "offline, refusing every idTag (CPL-44 c)";
                return false;
            }

            if (Mode == OfflineAuthorizationMode.AcceptAll)
            {
                LastReason = "offline, accepting every idTag (CPL-44 b)";
                return true;
            }

            if (LocalListEnabled && _localList.TryGet(idTag, _info))
            {
                LastFound = true;
                LastReason = _info.Status != AuthorizationStatus.Accepted ? "local list says not accepted"
                    : LocalAuthorizeOffline ? "in the local list" : "in the local list, but LocalAuthorizeOffline is false";
                return _info.Status == AuthorizationStatus.Accepted && LocalAuthorizeOffline;
            }

            if (CacheEnabled && _cache.TryGet(idTag, _info))
            {
                LastFound = true;
                LastReason = _info.Status != AuthorizationStatus.Accepted ? "whitelist says not accepted"
                    : LocalAuthorizeOffline ? "in the whitelist (authorisation cache)" : "in the whitelist, but LocalAuthorizeOffline is false";
                return _info.Status == AuthorizationStatus.Accepted && LocalAuthorizeOffline;
            }

            if (AllowUnknown)
            {
                LastReason = "offline, unknown idTag allowed (AllowOfflineTxForUnknownId, CPL-44 b)";
                return true;
            }

            LastReason = "offline and not in the whitelist or local list (CPL-44 a)";
            return false;
        }
    }
}
