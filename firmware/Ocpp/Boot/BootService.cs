using Wallbox.Hal;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;

namespace Wallbox.Firmware.Ocpp.Boot
{
    /// <summary>
    /// BootNotification (OCPP 1.6 §4.2): sent once the link is up after a boot, and again after each interval the
    /// central system gives while it answers Pending or Rejected (CPL-22), or after <see cref="RetryAfterFailureMs"/>
    /// when it does not answer. Accepted sets the clock from currentTime and the heartbeat interval from interval.
    /// A reconnection within the same boot does not repeat an accepted BootNotification (the spec sends it after a
    /// reboot only); TriggerMessage can ask for one.
    /// </summary>
    public sealed class BootService : ITickable
    {
        /// <summary>Wait after a BootNotification that got no answer (timeout, connection lost, CALLERROR), ms. Our choice.</summary>
        public const int RetryAfterFailureMs = 30000;

        /// <summary>Wait when Pending/Rejected come with interval 0, ms. Our choice (the spec leaves it to the charge point).</summary>
        public const int DefaultRetryIntervalMs = 60000;

        private const string LogSource = "ocpp-boot";

        private readonly OcppSession _session;
        private readonly ConfigurationStore _configuration;
        private readonly BootNotificationRequest _request = new BootNotificationRequest();
        private readonly OcppCall _call;
        private long _nextAttemptMs;
        private bool _triggered;
        private long _firstTickMs = -1;

        /// <summary>Creates the service; <paramref name="identity"/> fills the request.</summary>
        public BootService(OcppSession session, ConfigurationStore configuration, ChargePointIdentityInfo identity)
        {
            _session = session;
            _configuration = configuration;
            _request.ChargePointVendor = identity.Vendor;
            _request.ChargePointModel = identity.Model;
            _request.ChargePointSerialNumber = identity.SerialNumber;
            _request.FirmwareVersion = identity.FirmwareVersion;
            _request.MeterType = identity.MeterType;
            _call = new OcppCall(_request, new BootNotificationConfirmation());
            _call.Priority = OcppCallPriority.Boot;
        }

        /// <summary>The MID meter whose model and serial number the BootNotification reports (CPH-90), or null.</summary>
        public Wallbox.Firmware.Metering.ModbusMeterService Meter { get; set; }

        /// <summary>
        /// How long the first BootNotification waits for the meter's serial number (read in its first poll, ~100 ms),
        /// ms; a silent meter does not hold the boot longer.
        /// </summary>
        public const int MeterIdentityWaitMs = 3000;

        /// <summary>BootNotifications answered Accepted since boot.</summary>
        public int AcceptedCount { get; private set; }

        /// <summary>Sends a BootNotification as soon as possible (TriggerMessage).</summary>
        public void Trigger()
        {
            _triggered = true;
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (_call.IsPending)
            {
                return;
            }

            if (_call.IsFinished)
            {
                OnAnswer(nowMs);
                _call.Acknowledge();
            }

            if (_firstTickMs < 0)
            {
                _firstTickMs = nowMs;
            }

            bool identityPending = Meter != null && Meter.Model != null && Meter.SerialNumber == null && !Meter.IsFailed
                && nowMs - _firstTickMs < MeterIdentityWaitMs && AcceptedCount == 0;
            bool due = _session.Registration != RegistrationState.Accepted && nowMs - _nextAttemptMs >= 0 && !identityPending;
            if (_session.IsConnected && (due || _triggered))
            {
                FillMeterIdentity();
            }

            if (_session.IsConnected && (due || _triggered) && _session.Rpc.TryEnqueue(_call))
            {
                _triggered = false;
            }
        }

        private void FillMeterIdentity()
        {
            if (Meter == null || Meter.Model == null)
            {
                return;
            }

            // CiString25 both: the model names and a 32-bit serial number fit.
            _request.MeterType = Meter.Model.Name;
            _request.MeterSerialNumber = Meter.SerialNumber;
        }

        private void OnAnswer(long nowMs)
        {
            if (_call.State != OcppCallState.Completed)
            {
                _session.Log.Warning(LogSource, "BootNotification not answered (" + _call.ErrorDescription + "); retrying in " + (RetryAfterFailureMs / 1000).ToString() + " s");
                _nextAttemptMs = nowMs + RetryAfterFailureMs;
                return;
            }

            BootNotificationConfirmation conf = (BootNotificationConfirmation)_call.Confirmation;
            int intervalS = conf.Interval;
            switch (conf.Status)
            {
                case RegistrationStatus.Accepted:
                    _session.Wall.SetUtc(UnixTime.FromUnixMs(conf.CurrentTime));
                    if (intervalS > 0)
                    {
                        // The central system's interval is the heartbeat interval (§4.2); stored only when it changes (flash wear).
                        string reason;
                        if (_configuration.GetInt(OcppConfigKeys.HeartbeatInterval) != intervalS
                            && _configuration.TrySet(OcppConfigKeys.HeartbeatInterval, intervalS.ToString(), out reason) == ConfigChangeStatus.Rejected)
                        {
                            _session.Log.Warning(LogSource, "heartbeat interval from the central system not applied: " + reason);
                        }
                    }

                    AcceptedCount++;
                    _session.Registration = RegistrationState.Accepted;
                    _session.Log.Info(LogSource, "accepted by the central system; clock set, heartbeat every " + _configuration.Get(OcppConfigKeys.HeartbeatInterval) + " s");
                    break;
                case RegistrationStatus.Pending:
                    _session.Wall.SetUtc(UnixTime.FromUnixMs(conf.CurrentTime));
                    _session.Registration = _session.Registration == RegistrationState.Accepted ? RegistrationState.Accepted : RegistrationState.Pending;
                    _nextAttemptMs = nowMs + (intervalS > 0 ? intervalS * 1000L : DefaultRetryIntervalMs);
                    _session.Log.Info(LogSource, "central system answered Pending; next BootNotification in " + ((_nextAttemptMs - nowMs) / 1000).ToString() + " s");
                    break;
                default:
                    // Rejected (CPL-22): no online transactions until a later BootNotification is accepted.
                    _session.Registration = RegistrationState.Rejected;
                    _nextAttemptMs = nowMs + (intervalS > 0 ? intervalS * 1000L : DefaultRetryIntervalMs);
                    _session.Log.Warning(LogSource, "central system rejected this charge point (check ChargePointIdentity, CPL-22); next BootNotification in " + ((_nextAttemptMs - nowMs) / 1000).ToString() + " s");
                    break;
            }
        }
    }
}
