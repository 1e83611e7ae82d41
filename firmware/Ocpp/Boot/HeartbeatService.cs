using Wallbox.Hal;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;

namespace Wallbox.Firmware.Ocpp.Boot
{
    /// <summary>
    /// Heartbeat (OCPP 1.6 §4.6): after HeartbeatInterval seconds without any request from the charge point, so the
    /// central system knows the link is alive (CPL-110: it flags a charge point silent for an hour); the answer's
    /// currentTime keeps the clock set (FXP-57). Low priority: any other request gives way to nothing for it.
    /// </summary>
    public sealed class HeartbeatService : ITickable
    {
        private const string LogSource = "ocpp-heartbeat";

        private readonly OcppSession _session;
        private readonly OcppSettings _settings;
        private readonly OcppCall _call = new OcppCall(new HeartbeatRequest(), new HeartbeatConfirmation());
        private long _lastRequestMs;
        private long _seenCallsSent = -1;
        private bool _triggered;

        /// <summary>Creates the service.</summary>
        public HeartbeatService(OcppSession session, OcppSettings settings)
        {
            _session = session;
            _settings = settings;
            _call.Priority = OcppCallPriority.Low;
        }

        /// <summary>Heartbeats answered since boot.</summary>
        public int AnsweredCount { get; private set; }

        /// <summary>Sends a Heartbeat as soon as possible (TriggerMessage).</summary>
        public void Trigger()
        {
            _triggered = true;
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            long sent = _session.Rpc.Statistics.CallsSent;
            if (sent != _seenCallsSent)
            {
                _seenCallsSent = sent;
                _lastRequestMs = nowMs;
            }

            if (_call.IsPending)
            {
                return;
            }

            if (_call.IsFinished)
            {
                if (_call.State == OcppCallState.Completed)
                {
                    AnsweredCount++;
                    _session.Wall.SetUtc(UnixTime.FromUnixMs(((HeartbeatConfirmation)_call.Confirmation).CurrentTime));
                }
                else
                {
                    _session.Log.Warning(LogSource, "Heartbeat not answered: " + _call.ErrorDescription);
                }

                _call.Acknowledge();
            }

            int intervalS = _settings.HeartbeatIntervalS;
            bool due = intervalS > 0 && nowMs - _lastRequestMs >= intervalS * 1000L;
            bool allowed = _triggered ? _session.IsConnected : _session.IsOnline;
            if ((due || _triggered) && allowed && _session.Rpc.TryEnqueue(_call))
            {
                _triggered = false;
            }
        }
    }
}
