using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.LocalAuth
{
    /// <summary>GetLocalListVersion (OCPP 1.6 §5.9): the version of the local list; 0 while it has never been set (empty).</summary>
    public sealed class GetLocalListVersionHandler : IOcppRequestHandler
    {
        private readonly LocalAuthorizationList _list;
        private readonly GetLocalListVersionRequest _request = new GetLocalListVersionRequest();
        private readonly GetLocalListVersionConfirmation _confirmation = new GetLocalListVersionConfirmation();

        /// <summary>Creates the handler over <paramref name="list"/>.</summary>
        public GetLocalListVersionHandler(LocalAuthorizationList list)
        {
            _list = list;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return GetLocalListVersionRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            _confirmation.ListVersion = _list.Version;
            return _confirmation;
        }
    }
}
