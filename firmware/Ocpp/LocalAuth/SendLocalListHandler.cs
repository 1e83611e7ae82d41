using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Ocpp.Authorize;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using LocalInfo = Wallbox.Firmware.Authorization.IdTagInfo;

namespace Wallbox.Firmware.Ocpp.LocalAuth
{
    /// <summary>
    /// SendLocalList (OCPP 1.6 §5.15): a full or differential update of the 50-entry local authorisation list,
    /// applied all-or-nothing (<see cref="LocalAuthorizationList"/>): Accepted, VersionMismatch (a differential
    /// update not newer than the list), Failed (invalid or too many entries; the old list stays). More than
    /// SendLocalListMaxLength entries, or a full update with an entry without idTagInfo, fails.
    /// </summary>
    public sealed class SendLocalListHandler : IOcppRequestHandler
    {
        private readonly LocalAuthorizationList _list;
        private readonly SendLocalListRequest _request = new SendLocalListRequest();
        private readonly SendLocalListConfirmation _confirmation = new SendLocalListConfirmation();
        private readonly LocalListEntry[] _entries = new LocalListEntry[LocalAuthorizationList.MaxEntriesPerUpdate];
        private readonly LocalInfo[] _infos = new LocalInfo[LocalAuthorizationList.MaxEntriesPerUpdate];

        /// <summary>Creates the handler over <paramref name="list"/>.</summary>
        public SendLocalListHandler(LocalAuthorizationList list)
        {
            _list = list;
            for (int i = 0; i < _entries.Length; i++)
            {
                _entries[i] = new LocalListEntry();
                _infos[i] = new LocalInfo();
            }
        }

        /// <inheritdoc />
        public string Action
        {
            get { return SendLocalListRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            AuthorizationData[] data = _request.LocalAuthorizationList;
            int count = data == null ? 0 : data.Length;
            if (count > _entries.Length)
            {
                _confirmation.Status = UpdateStatus.Failed;
                return _confirmation;
            }

            bool full = _request.UpdateType == UpdateType.Full;
            for (int i = 0; i < count; i++)
            {
                _entries[i].IdTag = data[i].IdTag;
                if (data[i].IdTagInfo == null)
                {
                    _entries[i].Info = null;
                    if (full)
                    {
                        _confirmation.Status = UpdateStatus.Failed;
                        return _confirmation;
                    }
                }
                else
                {
                    IdTagInfoConversion.ToLocal(data[i].IdTagInfo, _infos[i]);
                    _entries[i].Info = _infos[i];
                }
            }

            LocalListUpdateStatus status = full ? _list.ApplyFull(_request.ListVersion, _entries, count) : _list.ApplyDifferential(_request.ListVersion, _entries, count);
            _confirmation.Status = status == LocalListUpdateStatus.Accepted ? UpdateStatus.Accepted
                : status == LocalListUpdateStatus.VersionMismatch ? UpdateStatus.VersionMismatch
                : status == LocalListUpdateStatus.NotSupported ? UpdateStatus.NotSupported
                : UpdateStatus.Failed;
            return _confirmation;
        }
    }
}
