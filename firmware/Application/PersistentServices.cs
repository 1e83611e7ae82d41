using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Runtime;
using Wallbox.Firmware.Transactions;
using Wallbox.Hal;

namespace Wallbox.Firmware.Application
{
    /// <summary>
    /// The persistent stores of the charge point on the <c>I:</c> partition — configuration, whitelist, local
    /// authorisation list, transaction journal — ticked together, and the glue that hands stored settings to the
    /// charging controller and the offline policy when they load or change.
    /// </summary>
    /// <remarks>
    /// Partition layout (docs/storage.md): <c>config.a/.b</c>, <c>authcache.a/.b</c>, <c>locallist.a/.b</c>,
    /// <c>charging.a/.b</c> (owned by the charging controller) and <c>tx\log.&lt;generation&gt;</c>.
    /// </remarks>
    public sealed class PersistentServices : ITickable
    {
        private const string LogSource = "storage";

        /// <summary>Phase-to-neutral voltage for the meter's plausibility bound, V (EN 50160 nominal 230 V; the bound has 50 % margin).</summary>
        private const int NominalPhaseVoltageV = 230;

        private readonly ChargingController _charging;
        private readonly ChargingSettings _board;
        private readonly Logger _log;
        private readonly ModbusMeterService _meter;
        private int _appliedChangeCount = -1;
        private string _meterSignature;
        private bool _loadReported;

        /// <summary>Creates the stores on <paramref name="board"/>'s file store and starts loading them.</summary>
        public PersistentServices(Board board, ChargingSettings boardSettings, ChargingController charging, Logger log)
            : this(board, boardSettings, charging, null, log)
        {
        }

        /// <summary>
        /// Creates the stores and starts loading them; <paramref name="meter"/> (or null) is configured from the
        /// meter keys whenever they change.
        /// </summary>
        public PersistentServices(Board board, ChargingSettings boardSettings, ChargingController charging, ModbusMeterService meter, Logger log)
        {
            _charging = charging;
            _meter = meter;
            _board = boardSettings.Clone();
            _log = log;
            string root = board.Storage.Root;
            Configuration = new ConfigurationStore(board.Storage, root + "config");
            ChargePointConfigKeys.Declare(Configuration, _board);
            Ocpp.OcppConfigKeys.Declare(Configuration, _board.HasSocket);
            MeterConfigKeys.Declare(Configuration, board.MeterModel == null ? MeterConfigKeys.NoMeter : board.MeterModel);
            Rfid.RfidConfigKeys.Declare(Configuration);
            Rfid.CardAuthenticationConfigKeys.Declare(Configuration);
            Cache = new AuthorizationCache(board.Storage, root + "authcache", board.WallClock);
            LocalList = new LocalAuthorizationList(board.Storage, root + "locallist", board.WallClock);
            Journal = new TransactionJournal(board.Storage, root + "tx\\");
            OfflinePolicy = new OfflineAuthorizationPolicy(LocalList, Cache);
            Configuration.StartLoad();
            Cache.StartLoad();
            LocalList.StartLoad();
            Journal.StartLoad();
        }

        /// <summary>Every persistent setting.</summary>
        public ConfigurationStore Configuration { get; private set; }

        /// <summary>The whitelist / authorisation cache (CPL-40..43).</summary>
        public AuthorizationCache Cache { get; private set; }

        /// <summary>The OCPP local authorisation list.</summary>
        public LocalAuthorizationList LocalList { get; private set; }

        /// <summary>The offline transaction buffer (CPL-50).</summary>
        public TransactionJournal Journal { get; private set; }

        /// <summary>Offline decisions (CPL-44).</summary>
        public OfflineAuthorizationPolicy OfflinePolicy { get; private set; }

        /// <summary>True once every store has loaded.</summary>
        public bool IsLoaded
        {
            get { return Configuration.IsLoaded && Cache.IsLoaded && LocalList.IsLoaded && Journal.IsLoaded; }
        }

        /// <summary>Advances every store and applies configuration changes.</summary>
        public void Tick(long nowMs)
        {
            Configuration.Tick(nowMs);
            Cache.Tick(nowMs);
            LocalList.Tick(nowMs);
            Journal.Tick(nowMs);
            Journal.PollHead();
            if (Configuration.IsLoaded && Configuration.ChangeCount != _appliedChangeCount)
            {
                ApplyConfiguration(nowMs);
            }

            if (!_loadReported && IsLoaded)
            {
                _loadReported = true;
                _log.Info(
                    LogSource,
                    "loaded: " + Journal.TransactionCount.ToString() + " buffered transaction(s), " + Cache.Count.ToString()
                    + " cached idTag(s), local list v" + LocalList.Version.ToString() + " with " + LocalList.Count.ToString() + " entries"
                    + (Configuration.Record.FellBackToPreviousCopy ? "; configuration: newest copy unusable, previous one booted" : string.Empty));
            }
        }

        private void ApplyConfiguration(long nowMs)
        {
            _appliedChangeCount = Configuration.ChangeCount;
            string error;
            if (!_charging.ApplySettings(ChargePointConfigKeys.ChargingSettings(Configuration, _board), out error))
            {
                // Every key is validated on write, so only a combination can be refused: keep the board's settings.
                _log.Error(LogSource, "stored charging settings refused (" + error + "); using the board's defaults");
                _charging.ApplySettings(_board, out error);
            }

            OfflinePolicy.Mode = ChargePointConfigKeys.OfflineMode(Configuration);
            OfflinePolicy.LocalListEnabled = Configuration.GetBool(Ocpp.OcppConfigKeys.LocalAuthListEnabled);
            OfflinePolicy.CacheEnabled = Configuration.GetBool(Ocpp.OcppConfigKeys.AuthorizationCacheEnabled);
            OfflinePolicy.LocalAuthorizeOffline = Configuration.GetBool(Ocpp.OcppConfigKeys.LocalAuthorizeOffline);
            OfflinePolicy.AllowUnknown = Configuration.GetBool(Ocpp.OcppConfigKeys.AllowOfflineTxForUnknownId);
            if (_meter != null)
            {
                string signature = MeterConfigKeys.Signature(Configuration);
                if (signature != _meterSignature)
                {
                    // Re-opened only when a meter key changed: every re-open restarts the poll cycle and the energy guard.
                    _meterSignature = signature;
                    long maxPowerW = (long)_board.HardwareRatingA * NominalPhaseVoltageV * 3;
                    _meter.Configure(MeterConfigKeys.Model(Configuration), (byte)Configuration.GetInt(MeterConfigKeys.MeterSlaveAddress), MeterConfigKeys.LineSettings(Configuration), maxPowerW, nowMs);
                }
            }
        }
    }
}
