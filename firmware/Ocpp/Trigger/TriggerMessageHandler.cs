using Wallbox.Firmware.Ocpp.Boot;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Ocpp.Status;
using Wallbox.Firmware.Ocpp.Tx;

namespace Wallbox.Firmware.Ocpp.Trigger
{
    /// <summary>
    /// TriggerMessage (OCPP 1.6 §5.16, Remote Trigger profile): Accepted for every message of the 1.6 list, which is
    /// then sent by its service after this answer (the RPC layer sends the answer first); Rejected for a connector
    /// that does not exist. StatusNotification without a connector reports every connector.
    /// </summary>
    public sealed class TriggerMessageHandler : IOcppRequestHandler
    {
        private readonly BootService _boot;
        private readonly HeartbeatService _heartbeat;
        private readonly StatusNotificationService _status;
        private readonly MeterValuesService _meterValues;
        private readonly ManagementStatusService _management;
        private readonly TriggerMessageRequest _request = new TriggerMessageRequest();
        private readonly TriggerMessageConfirmation _confirmation = new TriggerMessageConfirmation();

        /// <summary>Creates the handler over the services that send the messages.</summary>
        public TriggerMessageHandler(BootService boot, HeartbeatService heartbeat, StatusNotificationService status, MeterValuesService meterValues, ManagementStatusService management)
        {
            _boot = boot;
            _heartbeat = heartbeat;
            _status = status;
            _meterValues = meterValues;
            _management = management;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return TriggerMessageRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            if (_request.HasConnectorId && (_request.ConnectorId < 0 || _request.ConnectorId >= StatusNotificationService.ConnectorCount))
            {
                _confirmation.Status = TriggerMessageStatus.Rejected;
                return _confirmation;
            }

            _confirmation.Status = TriggerMessageStatus.Accepted;
            switch (_request.RequestedMessage)
            {
                case MessageTrigger.BootNotification:
                    _boot.Trigger();
                    break;
                case MessageTrigger.Heartbeat:
                    _heartbeat.Trigger();
                    break;
                case MessageTrigger.StatusNotification:
                    _status.Trigger(_request.HasConnectorId ? _request.ConnectorId : -1);
                    break;
                case MessageTrigger.MeterValues:
                    _meterValues.Trigger();
                    break;
                case MessageTrigger.DiagnosticsStatusNotification:
                    _management.TriggerDiagnostics();
                    break;
                case MessageTrigger.FirmwareStatusNotification:
                    _management.TriggerFirmware();
                    break;
                default:
                    _confirmation.Status = TriggerMessageStatus.NotImplemented;
                    break;
            }

            return _confirmation;
        }
    }
}
