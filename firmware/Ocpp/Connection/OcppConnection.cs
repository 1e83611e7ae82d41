using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp.Connection
{
    /// <summary>
    /// Keeps the WebSocket to the central system up: connects to URL + identity with subprotocol ocpp1.6 and, for
    /// security profiles 1–2, HTTP Basic authentication; has the transport ping the central system and declare a
    /// silently dead link dead (the half-open connection "connected here, offline there"); reconnects with
    /// exponential back-off and jitter; publishes the WBX-10 state. Ticked by the main loop; never blocks (the
    /// transport connects on its HAL worker).
    /// </summary>
    public sealed class OcppConnection : ITickable
    {
        /// <summary>The only subprotocol we speak (OCPP-J 1.6 §3.1.2).</summary>
        public const string SubProtocol = "ocpp1.6";

        /// <summary>Failed attempts in a row after which the state is Error (WBX-10 leaves it open; ours).</summary>
        public const int ErrorAfterFailedAttempts = 3;

        /// <summary>A connection that stayed open this long resets the back-off, milliseconds.</summary>
        public const int StableConnectionMs = 60000;

        /// <summary>Longest a connection attempt (DNS, TCP, TLS, upgrade) may take, milliseconds.</summary>
        public const int ConnectTimeoutMs = 30000;

        /// <summary>
        /// How long after a ping the pong (or anything) may take before the link is dead, milliseconds: the transport
        /// declares the peer dead after WebSocketPingInterval + this much silence.
        /// </summary>
        public const int PongWaitMs = 30000;

        private const string LogSource = "ocpp-link";

        private readonly IWebSocketClient _socket;
        private readonly Logger _log;
        private readonly ReconnectBackOff _backOff;
        private readonly WebSocketConnectOptions _options = new WebSocketConnectOptions();
        private OcppConnectionSettings _settings = new OcppConnectionSettings();
        private Phase _phase = Phase.Idle;
        private long _nextAttemptAtMs;
        private bool _refused;
        private string _settingsProblem = "OCPP is disabled";

        /// <summary>Creates the connection on <paramref name="socket"/>; <paramref name="jitterSeed"/> should differ between charge points.</summary>
        public OcppConnection(IWebSocketClient socket, Logger log, int jitterSeed)
        {
            _socket = socket;
            _log = log;
            _backOff = new ReconnectBackOff(jitterSeed);
            Problem = "OCPP is disabled";
        }

        private enum Phase
        {
            Idle,
            Connecting,
            Open,
            WaitingToRetry,
            ClosingToReconnect,
        }

        /// <summary>The WBX-10 state.</summary>
        public OcppConnectionState State { get; private set; }

        /// <summary>Why the state is Disabled or Error (for the web page and SMS status), null otherwise.</summary>
        public string Problem { get; private set; }

        /// <summary>Why the transport last closed.</summary>
        public WebSocketCloseReason LastCloseReason { get; private set; }

        /// <summary>HTTP status of the last upgrade (401 for a wrong password).</summary>
        public int LastHandshakeStatus { get; private set; }

        /// <summary>Attempts that failed (or connections that dropped before being stable) in a row.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>Successful connections since construction.</summary>
        public int ConnectCount { get; private set; }

        /// <summary>When the current connection opened (HAL clock), milliseconds.</summary>
        public long ConnectedSinceMs { get; private set; }

        /// <summary>When the next attempt is due while waiting (HAL clock), milliseconds.</summary>
        public long NextAttemptAtMs
        {
            get { return _nextAttemptAtMs; }
        }

        /// <summary>The URL connected to (URL + identity), for the status page.</summary>
        public string Url
        {
            get { return _options.Url; }
        }

        /// <summary>
        /// Takes new settings (at boot and after every configuration change, WBX-08): when they differ, an open
        /// connection is closed and made again with them, at once.
        /// </summary>
        public void Apply(OcppConnectionSettings settings)
        {
            if (settings.SameAs(_settings))
            {
                return;
            }

            _settings = settings.Clone();
            _settingsProblem = _settings.Problem();
            ConsecutiveFailures = 0;
            _refused = false;
            if (_phase == Phase.Open || _phase == Phase.Connecting)
            {
                _log.Info(LogSource, "settings changed: reconnecting");
                _socket.Close();
                _phase = Phase.ClosingToReconnect;
            }
            else
            {
                _phase = Phase.Idle;
                _nextAttemptAtMs = long.MinValue;
            }
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            // Checked once per settings change, not per tick: a tick must not allocate (the reason strings do).
            if (_settingsProblem != null)
            {
                Disable(_settingsProblem);
                return;
            }

            switch (_phase)
            {
                case Phase.Idle:
                case Phase.WaitingToRetry:
                    if (nowMs - _nextAttemptAtMs >= 0 || _nextAttemptAtMs == long.MinValue)
                    {
                        StartAttempt(nowMs);
                    }

                    break;
                case Phase.Connecting:
                    TickConnecting(nowMs);
                    break;
                case Phase.Open:
                    TickOpen(nowMs);
                    break;
                case Phase.ClosingToReconnect:
                    if (_socket.State == WebSocketClientState.Closed)
                    {
                        _phase = Phase.Idle;
                        _nextAttemptAtMs = long.MinValue;
                    }

                    break;
            }
        }

        private void Disable(string problem)
        {
            if (_socket.State == WebSocketClientState.Open || _socket.State == WebSocketClientState.Connecting)
            {
                _socket.Close();
            }

            // A setting that is present but unusable (a profile without its password) is an error; absent ones mean off.
            State = _settings.Enabled && _settings.CentralSystemUrl != null && _settings.CentralSystemUrl.Length > 0
                && _settings.ChargePointIdentity != null && _settings.ChargePointIdentity.Length > 0
                ? OcppConnectionState.Error : OcppConnectionState.Disabled;
            if (Problem != problem)
            {
                Problem = problem;
                _log.Warning(LogSource, "not connecting: " + problem);
            }

            _phase = Phase.Idle;
            _nextAttemptAtMs = long.MinValue;
        }

        private void StartAttempt(long nowMs)
        {
            if (_socket.State != WebSocketClientState.Closed)
            {
                if (_socket.State == WebSocketClientState.Open)
                {
                    _socket.Close();
                }

                return; // wait for the transport to finish closing
            }

            _options.Url = OcppEndpointUrl.Build(_settings.CentralSystemUrl, _settings.ChargePointIdentity);
            _options.SubProtocol = SubProtocol;
            // Profiles 1–2 authenticate with HTTP Basic; a password configured under profile 0 is sent as well
            // (central systems that ask for Basic without speaking of profiles).
            _options.Authorization = _settings.SecurityProfile != 3
                ? BasicAuthorization.Header(_settings.ChargePointIdentity, _settings.AuthorizationKey)
                : null;
            _options.TrustedRootCertificate = _settings.TrustedRootCertificate;
            _options.ConnectTimeoutMs = ConnectTimeoutMs;
            _options.PingIntervalMs = _settings.WebSocketPingIntervalS * 1000;
            _options.PeerTimeoutMs = _settings.WebSocketPingIntervalS > 0 ? _options.PingIntervalMs + PongWaitMs : 0;
            if (!_socket.TryConnect(_options))
            {
                return;
            }

            _phase = Phase.Connecting;
            Problem = null;
            if (State != OcppConnectionState.Error)
            {
                State = OcppConnectionState.Connecting;
            }

            _log.Info(LogSource, "connecting to " + _options.Url + (ConsecutiveFailures > 0 ? " (attempt " + (ConsecutiveFailures + 1).ToString() + ")" : string.Empty));
        }

        private void TickConnecting(long nowMs)
        {
            WebSocketClientState socketState = _socket.State;
            if (socketState == WebSocketClientState.Open)
            {
                _phase = Phase.Open;
                State = OcppConnectionState.Connected;
                Problem = null;
                _refused = false;
                ConnectedSinceMs = nowMs;
                ConnectCount++;
                LastHandshakeStatus = _socket.LastHandshakeStatus;
                _log.Info(LogSource, "connected to " + _options.Url);
                return;
            }

            if (socketState != WebSocketClientState.Closed)
            {
                return;
            }

            LastCloseReason = _socket.LastCloseReason;
            LastHandshakeStatus = _socket.LastHandshakeStatus;
            _refused = IsRefusal(LastCloseReason);
            ConsecutiveFailures++;
            ScheduleRetry(nowMs, "connection failed: " + Describe());
        }

        private void TickOpen(long nowMs)
        {
            WebSocketClientState socketState = _socket.State;
            if (socketState == WebSocketClientState.Open)
            {
                return;
            }

            if (socketState != WebSocketClientState.Closed)
            {
                return; // closing: wait until the transport is done
            }

            LastCloseReason = _socket.LastCloseReason;
            if (nowMs - ConnectedSinceMs >= StableConnectionMs)
            {
                ConsecutiveFailures = 0;
            }

            ConsecutiveFailures++;
            _refused = false;
            ScheduleRetry(nowMs, "connection lost after " + ((nowMs - ConnectedSinceMs) / 1000).ToString() + " s: " + Describe());
        }

        private void ScheduleRetry(long nowMs, string what)
        {
            int delay = _backOff.NextDelayMs(ConsecutiveFailures);
            _nextAttemptAtMs = nowMs + delay;
            _phase = Phase.WaitingToRetry;
            State = _refused || ConsecutiveFailures >= ErrorAfterFailedAttempts ? OcppConnectionState.Error : OcppConnectionState.Connecting;
            Problem = State == OcppConnectionState.Error ? Describe() : null;
            _log.Warning(LogSource, what + "; next attempt in " + (delay / 1000).ToString() + " s");
        }

        private string Describe()
        {
            switch (LastCloseReason)
            {
                case WebSocketCloseReason.HandshakeRejected:
                    return "the central system refused the connection (HTTP " + LastHandshakeStatus.ToString()
                        + (LastHandshakeStatus == 401 ? ": check the identity and AuthorizationKey)" : ")");
                case WebSocketCloseReason.SubProtocolRefused:
                    return "the central system does not speak ocpp1.6";
                case WebSocketCloseReason.TlsFailed:
                    return "TLS failed (certificate not trusted?)";
                case WebSocketCloseReason.ConnectFailed:
                    return "central system unreachable";
                case WebSocketCloseReason.ConnectTimeout:
                    return "no answer from the central system";
                case WebSocketCloseReason.PeerTimeout:
                    return "the central system went silent (no pong)";
                case WebSocketCloseReason.ClosedByPeer:
                    return "closed by the central system";
                case WebSocketCloseReason.ProtocolError:
                    return "WebSocket protocol error";
                default:
                    return "closed";
            }
        }

        private static bool IsRefusal(WebSocketCloseReason reason)
        {
            return reason == WebSocketCloseReason.HandshakeRejected || reason == WebSocketCloseReason.SubProtocolRefused || reason == WebSocketCloseReason.TlsFailed;
        }
    }
}
