using Wallbox.Hal;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using LocalInfo = Wallbox.Firmware.Authorization.IdTagInfo;
using LocalStatus = Wallbox.Firmware.Authorization.AuthorizationStatus;

namespace Wallbox.Firmware.Ocpp.Authorize
{
    /// <summary>
    /// Decides whether one idTag may charge (OCPP 1.6 §3.5, §4.1): online, from Authorize.conf, or at once from the
    /// local list or cache when LocalPreAuthorize is on (FXP-K10); offline (or when Authorize gets no answer), from
    /// the local list, the cache (the customer's 50-entry whitelist, CPL-40..44) and AllowOfflineTxForUnknownId.
    /// Every answer from the central system updates the cache (CPL-41 refresh, CPL-42 removal on refusal).
    /// One authorisation at a time; the caller polls <see cref="Progress"/> and then calls <see cref="Acknowledge"/>.
    /// </summary>
    public sealed class AuthorizationService : ITickable
    {
        private const string LogSource = "ocpp-auth";

        private readonly OcppSession _session;
        private readonly OcppSettings _settings;
        private readonly AuthorizationCache _cache;
        private readonly LocalAuthorizationList _localList;
        private readonly OfflineAuthorizationPolicy _offline;
        private readonly AuthorizeRequest _request = new AuthorizeRequest();
        private readonly OcppCall _call;
        private readonly LocalInfo _info = new LocalInfo();
        private readonly LocalInfo _lookup = new LocalInfo();

        /// <summary>Creates the service over the stores.</summary>
        public AuthorizationService(OcppSession session, OcppSettings settings, AuthorizationCache cache, LocalAuthorizationList localList, OfflineAuthorizationPolicy offline)
        {
            _session = session;
            _settings = settings;
            _cache = cache;
            _localList = localList;
            _offline = offline;
            _call = new OcppCall(_request, new AuthorizeConfirmation());
        }

        /// <summary>Where the current authorisation stands.</summary>
        public AuthorizationProgress Progress { get; private set; }

        /// <summary>The idTag being or last authorised.</summary>
        public string IdTag { get; private set; }

        /// <summary>Its parent idTag (from Authorize.conf, the local list or the cache), or null (FXP-37).</summary>
        public string ParentIdTag { get; private set; }

        /// <summary>Why the last decision was taken (log, web page diagnostics WBX-15).</summary>
        public string Reason { get; private set; }

        /// <summary>True when the last decision was taken without the central system.</summary>
        public bool DecidedOffline { get; private set; }

        /// <summary>Authorize requests answered since boot.</summary>
        public int AuthorizeAnsweredCount { get; private set; }

        /// <summary>Starts authorising <paramref name="idTag"/>; false when another authorisation is under way.</summary>
        public bool Begin(string idTag)
        {
            if (Progress == AuthorizationProgress.Waiting)
            {
                return false;
            }

            IdTag = idTag;
            ParentIdTag = null;
            DecidedOffline = false;
            if (_session.IsOnline)
            {
                if (_settings.LocalPreAuthorize && TryLookUpLocally(idTag, _lookup) && _lookup.Status == LocalStatus.Accepted)
                {
                    Finish(true, _lookup.ParentIdTag, "accepted locally before asking the central system (LocalPreAuthorize)");
                    return true;
                }

                _request.IdTag = idTag;
                if (_session.Rpc.TryEnqueue(_call))
                {
                    Progress = AuthorizationProgress.Waiting;
                    return true;
                }
            }

            DecideOffline();
            return true;
        }

        /// <summary>Forgets the finished decision.</summary>
        public void Acknowledge()
        {
            if (Progress != AuthorizationProgress.Waiting)
            {
                Progress = AuthorizationProgress.Idle;
            }
        }

        /// <summary>
        /// Looks <paramref name="idTag"/> up in the local list, then the cache (as enabled), without asking anyone;
        /// false when neither knows it.
        /// </summary>
        public bool TryLookUpLocally(string idTag, LocalInfo into)
        {
            return (_settings.LocalAuthListEnabled && _localList.TryGet(idTag, into))
                || (_settings.AuthorizationCacheEnabled && _cache.TryGet(idTag, into));
        }

        /// <summary>Takes an IdTagInfo the central system sent for <paramref name="idTag"/> (Authorize, Start/StopTransaction.conf) into the cache.</summary>
        public void TakeCentralSystemAnswer(string idTag, Messages.IdTagInfo wire)
        {
            if (wire == null || !_settings.AuthorizationCacheEnabled)
            {
                return;
            }

            IdTagInfoConversion.ToLocal(wire, _info);
            _cache.Update(idTag, _info);
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (Progress != AuthorizationProgress.Waiting || !_call.IsFinished)
            {
                return;
            }

            if (_call.State == OcppCallState.Completed)
            {
                AuthorizeAnsweredCount++;
                Messages.IdTagInfo answer = ((AuthorizeConfirmation)_call.Confirmation).IdTagInfo;
                TakeCentralSystemAnswer(IdTag, answer);
                bool accepted = answer.Status == Messages.AuthorizationStatus.Accepted;
                Finish(accepted, answer.ParentIdTag, "central system answered " + Messages.AuthorizationStatusNames.ToWire(answer.Status));
            }
            else
            {
                _session.Log.Warning(LogSource, "Authorize not answered (" + _call.ErrorDescription + "): deciding offline");
                DecideOffline();
            }

            _call.Acknowledge();
        }

        private void DecideOffline()
        {
            bool accepted = _offline.IsAccepted(IdTag);
            DecidedOffline = true;
            Finish(accepted, _offline.LastFound ? _offline.LastInfo.ParentIdTag : null, _offline.LastReason);
        }

        private void Finish(bool accepted, string parent, string reason)
        {
            ParentIdTag = parent;
            Reason = reason;
            Progress = accepted ? AuthorizationProgress.Accepted : AuthorizationProgress.Refused;
            _session.Log.Info(LogSource, IdTag + (accepted ? " accepted: " : " refused: ") + reason);
        }
    }
}
