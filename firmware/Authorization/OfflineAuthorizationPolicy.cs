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
        }

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
                LastReason = _info.Status == AuthorizationStatus.Accepted ? "in the local list" : "local list says not accepted";
                return _info.Status == AuthorizationStatus.Accepted;
            }

            if (CacheEnabled && _cache.TryGet(idTag, _info))
            {
                LastReason = "in the whitelist (authorisation cache)";
                return _info.Status == AuthorizationStatus.Accepted;
            }

            LastReason = "offline and not in the whitelist or local list (CPL-44 a)";
            return false;
        }
    }
}
