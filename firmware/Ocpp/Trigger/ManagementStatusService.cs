using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp.Trigger
{
    /// <summary>
    /// DiagnosticsStatusNotification and FirmwareStatusNotification on request of TriggerMessage (OCPP 1.6 §5.16):
    /// no diagnostics upload or firmware update is under way in this version (Firmware Management comes later), so
    /// the status is Idle, the value the spec reserves for exactly this answer to a trigger.
    /// </summary>
    public sealed class ManagementStatusService : ITickable
    {
        private readonly OcppSession _session;
        private readonly DiagnosticsStatusNotificationRequest _diagnostics = new DiagnosticsStatusNotificationRequest();
        private readonly FirmwareStatusNotificationRequest _firmware = new FirmwareStatusNotificationRequest();
        private readonly OcppCall _diagnosticsCall;
        private readonly OcppCall _firmwareCall;
        private bool _diagnosticsTriggered;
        private bool _firmwareTriggered;

        /// <summary>Creates the service.</summary>
        public ManagementStatusService(OcppSession session)
        {
            _session = session;
            _diagnostics.Status = DiagnosticsStatus.Idle;
            _firmware.Status = FirmwareStatus.Idle;
            _diagnosticsCall = new OcppCall(_diagnostics, new DiagnosticsStatusNotificationConfirmation());
            _firmwareCall = new OcppCall(_firmware, new FirmwareStatusNotificationConfirmation());
        }

        /// <summary>Sends a DiagnosticsStatusNotification now.</summary>
        public void TriggerDiagnostics()
        {
            _diagnosticsTriggered = true;
        }

        /// <summary>Sends a FirmwareStatusNotification now.</summary>
        public void TriggerFirmware()
        {
            _firmwareTriggered = true;
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            _diagnosticsCall.Acknowledge();
            _firmwareCall.Acknowledge();
            if (!_session.IsConnected)
            {
                return;
            }

            if (_diagnosticsTriggered && !_diagnosticsCall.IsPending && _session.Rpc.TryEnqueue(_diagnosticsCall))
            {
                _diagnosticsTriggered = false;
            }

            if (_firmwareTriggered && !_firmwareCall.IsPending && _session.Rpc.TryEnqueue(_firmwareCall))
            {
                _firmwareTriggered = false;
            }
        }
    }
}
