using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.LocalAuth
{
    /// <summary>
    /// ClearCache (OCPP 1.6 §5.4): empties the authorisation cache (the customer's whitelist, CPL-40); the local list
    /// is not touched. Rejected when the cache is disabled (AuthorizationCacheEnabled false): there is none to clear.
    /// </summary>
    public sealed class ClearCacheHandler : IOcppRequestHandler
    {
        private readonly AuthorizationCache _cache;
        private readonly OcppSettings _settings;
        private readonly ClearCacheRequest _request = new ClearCacheRequest();
        private readonly ClearCacheConfirmation _confirmation = new ClearCacheConfirmation();

        /// <summary>Creates the handler over <paramref name="cache"/>.</summary>
        public ClearCacheHandler(AuthorizationCache cache, OcppSettings settings)
        {
            _cache = cache;
            _settings = settings;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return ClearCacheRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            if (!_settings.AuthorizationCacheEnabled)
            {
                _confirmation.Status = ClearCacheStatus.Rejected;
                return _confirmation;
            }

            _cache.Clear();
            _confirmation.Status = ClearCacheStatus.Accepted;
            return _confirmation;
        }
    }
}
