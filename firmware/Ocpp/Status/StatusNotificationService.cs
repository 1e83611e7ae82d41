using Wallbox.Hal;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;

namespace Wallbox.Firmware.Ocpp.Status
{
    /// <summary>
    /// StatusNotification (OCPP 1.6 §4.9) for connector 0 (the charge point) and connector 1: every change of status
    /// or error code that holds for MinimumStatusDuration seconds (FXP-K14; transient states shorter than that are
    /// not reported), stamped with the moment it began; and every connector's current status after each
    /// BootNotification accepted and each reconnection, so the central system never keeps a stale one
    /// ("charger says connected, back-end says offline"). Statuses are not queued while offline: the one that holds
    /// at reconnection is what counts.
    /// </summary>
    public sealed class StatusNotificationService : ITickable
    {
        /// <summary>Connectors reported: 0 (the charge point) and 1.</summary>
        public const int ConnectorCount = 2;

        private const string LogSource = "ocpp-status";

        private readonly OcppSession _session;
        private readonly OcppSettings _settings;
        private readonly ChargingController _charging;
        private readonly PeripheralHealth _health;
        private readonly ConnectorCondition[] _current = new ConnectorCondition[ConnectorCount];
        private readonly ConnectorCondition[] _candidate = new ConnectorCondition[ConnectorCount];
        private readonly long[] _candidateSinceMs = new long[ConnectorCount];
        private readonly long[] _candidateSinceUnixMs = new long[ConnectorCount];
        private readonly bool[] _candidateStampValid = new bool[ConnectorCount];
        private readonly ConnectorCondition[] _reported = new ConnectorCondition[ConnectorCount];
        private readonly bool[] _reportedValid = new bool[ConnectorCount];
        private readonly bool[] _forced = new bool[ConnectorCount];
        private readonly StatusNotificationRequest[] _requests = new StatusNotificationRequest[ConnectorCount];
        private readonly OcppCall[] _calls = new OcppCall[ConnectorCount];
        private readonly ConnectorCondition[] _sending = new ConnectorCondition[ConnectorCount];
        private int _seenConnectCount = -1;
        private RegistrationState _seenRegistration;
        private bool _started;

        /// <summary>Creates the service.</summary>
        public StatusNotificationService(OcppSession session, OcppSettings settings, ChargingController charging, PeripheralHealth health)
        {
            _session = session;
            _settings = settings;
            _charging = charging;
            _health = health;
            for (int i = 0; i < ConnectorCount; i++)
            {
                _current[i] = new ConnectorCondition();
                _candidate[i] = new ConnectorCondition();
                _reported[i] = new ConnectorCondition();
                _sending[i] = new ConnectorCondition();
                _requests[i] = new StatusNotificationRequest();
                _requests[i].ConnectorId = i;
                _calls[i] = new OcppCall(_requests[i], new StatusNotificationConfirmation());
            }
        }

        /// <summary>StatusNotifications answered since boot.</summary>
        public int SentCount { get; private set; }

        /// <summary>The status connector <paramref name="connectorId"/> has now (whether reported or not).</summary>
        public ChargePointStatus CurrentStatus(int connectorId)
        {
            return _current[connectorId].Status;
        }

        /// <summary>The status last reported to the central system for <paramref name="connectorId"/> (Unset when none yet).</summary>
        public ChargePointStatus ReportedStatus(int connectorId)
        {
            return _reportedValid[connectorId] ? _reported[connectorId].Status : ChargePointStatus.Unset;
        }

        /// <summary>Sends the current status of <paramref name="connectorId"/>, or of every connector when it is negative (TriggerMessage).</summary>
        public void Trigger(int connectorId)
        {
            for (int i = 0; i < ConnectorCount; i++)
            {
                if (connectorId < 0 || connectorId == i)
                {
                    _forced[i] = true;
                }
            }
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (_charging.State == ChargingState.SelfTest)
            {
                return;
            }

            // The charge point is Unavailable once a stored Inoperative has taken effect: one Scheduled behind a
            // transaction (OCPP 1.6 §5.2) still leaves the controller available, and connector 0 is reported Available
            // until the transaction has ended (§4.9: the StatusNotification follows the change, not the request).
            ConnectorConditionMapper.MapChargePoint(_charging, _settings.ChargePointOperative || _charging.IsAvailable, _current[0]);
            ConnectorConditionMapper.MapConnector(_charging, _health.MeterFailed, _health.ReaderFailed, _current[1]);
            int connects = _session.Link.Connection.ConnectCount;
            if (connects != _seenConnectCount || (_session.Registration == RegistrationState.Accepted && _seenRegistration != RegistrationState.Accepted))
            {
                // A new connection or a new acceptance: the central system learns every connector's status afresh.
                Trigger(-1);
            }

            _seenConnectCount = connects;
            _seenRegistration = _session.Registration;
            for (int i = 0; i < ConnectorCount; i++)
            {
                TickConnector(i, nowMs);
            }

            _started = true;
        }

        private void TickConnector(int i, long nowMs)
        {
            OcppCall call = _calls[i];
            if (call.IsFinished)
            {
                if (call.State == OcppCallState.Completed)
                {
                    SentCount++;
                    _reported[i].CopyFrom(_sending[i]);
                    _reportedValid[i] = true;
                }
                else
                {
                    _session.Log.Warning(LogSource, "StatusNotification of connector " + i.ToString() + " not delivered: " + call.ErrorDescription);
                    _forced[i] = true;
                }

                call.Acknowledge();
            }

            if (!_started || !_candidate[i].SameAs(_current[i]))
            {
                _candidate[i].CopyFrom(_current[i]);
                _candidateSinceMs[i] = nowMs;
                _candidateSinceUnixMs[i] = _session.NowUnixMs;
                _candidateStampValid[i] = _session.Wall.IsValid;
            }

            if (call.IsPending || !_session.IsOnline)
            {
                return;
            }

            bool stable = nowMs - _candidateSinceMs[i] >= _settings.MinimumStatusDurationS * 1000L;
            bool changed = !_reportedValid[i] || !_reported[i].SameAs(_candidate[i]);
            if (!(_forced[i] || (changed && stable)))
            {
                return;
            }

            // A forced report before the candidate has settled reports the candidate anyway: the trigger asks for now.
            StatusNotificationRequest request = _requests[i];
            _sending[i].CopyFrom(_candidate[i]);
            request.Status = _candidate[i].Status;
            request.ErrorCode = _candidate[i].ErrorCode;
            request.VendorErrorCode = _candidate[i].VendorErrorCode;
            request.Timestamp = _candidateSinceUnixMs[i];
            // A status that began before the clock was set has no trustworthy time: sent without one (it is optional).
            request.HasTimestamp = _candidateStampValid[i];
            if (_session.Rpc.TryEnqueue(call))
            {
                _forced[i] = false;
            }
        }
    }
}
