using Wallbox.Firmware.Charging.Indication;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Connection;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp
{
    /// <summary>
    /// The wire side of OCPP on one board: the connection manager and the RPC endpoint on the board's WebSocket,
    /// configured from the stored keys (and reconfigured when they change, WBX-08), with the offline flag of the
    /// status light (CPH-15: white when offline). The OCPP services (issue 6) send and answer through <see cref="Rpc"/>.
    /// </summary>
    public sealed class OcppLink : ITickable
    {
        /// <summary>
        /// Calls waiting to be sent at most: every service owns at most one call at a time (boot, heartbeat, two
        /// status notifications, authorize, the journal, meter values, two triggered notifications), so nothing is
        /// ever evicted in normal operation. Our choice.
        /// </summary>
        public const int CallQueueCapacity = 12;

        private readonly ConfigurationStore _configuration;
        private readonly IndicationFlags _indication;
        private readonly OcppConnectionSettings _settings = new OcppConnectionSettings();
        private int _appliedChangeCount = -1;

        /// <summary>Creates the link on <paramref name="socket"/>; <paramref name="seed"/> varies the reconnect jitter and messageIds between boots and charge points.</summary>
        public OcppLink(IWebSocketClient socket, ConfigurationStore configuration, IndicationFlags indication, Logger log, int seed)
        {
            _configuration = configuration;
            _indication = indication;
            Connection = new OcppConnection(socket, log, seed);
            Rpc = new OcppRpc(socket, log, CallQueueCapacity, ((uint)seed).ToString("x8") + "-");
        }

        /// <summary>The connection manager (WBX-10 state).</summary>
        public OcppConnection Connection { get; private set; }

        /// <summary>The RPC endpoint.</summary>
        public OcppRpc Rpc { get; private set; }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (_configuration.IsLoaded && _configuration.ChangeCount != _appliedChangeCount)
            {
                _appliedChangeCount = _configuration.ChangeCount;
                OcppConfigKeys.ReadConnectionSettings(_configuration, _settings);
                Connection.Apply(_settings);
            }

            if (_configuration.IsLoaded)
            {
                Connection.Tick(nowMs);
            }

            Rpc.Tick(nowMs);
            _indication.Offline = Connection.State != OcppConnectionState.Connected && Connection.State != OcppConnectionState.Disabled;
        }
    }
}
