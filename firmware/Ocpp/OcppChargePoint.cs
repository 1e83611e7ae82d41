using Wallbox.Firmware.Application;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Charging.Indication;
using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Ocpp.Authorize;
using Wallbox.Firmware.Ocpp.Availability;
using Wallbox.Firmware.Ocpp.Boot;
using Wallbox.Firmware.Ocpp.Configuration;
using Wallbox.Firmware.Ocpp.LocalAuth;
using Wallbox.Firmware.Ocpp.Remote;
using Wallbox.Firmware.Ocpp.Reset;
using Wallbox.Firmware.Ocpp.Status;
using Wallbox.Firmware.Ocpp.Trigger;
using Wallbox.Firmware.Ocpp.Tx;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp
{
    /// <summary>
    /// The OCPP 1.6 charge point (Core, Local Auth List Management, Remote Trigger): one service per functional
    /// block and one handler per incoming operation (MicroOcpp's layout), wired to the charging controller, the
    /// persistent stores and the link. Ticked by the main loop right after the link; every service is
    /// non-blocking and allocation-free in steady state. docs/ocpp-conformance.md lists what each message does.
    /// </summary>
    public sealed class OcppChargePoint : ITickable
    {
        private readonly OcppLink _link;
        private readonly PersistentServices _persistent;

        /// <summary>Builds the services and registers their handlers with the link's RPC endpoint.</summary>
        public OcppChargePoint(
            OcppLink link,
            PersistentServices persistent,
            ChargingController charging,
            PresentedIdTagQueue idTags,
            IndicationFlags indication,
            IEnergyMeter meter,
            Board board,
            Logger log)
        {
            _link = link;
            _persistent = persistent;
            Settings = new OcppSettings();
            Health = new PeripheralHealth();
            Session = new OcppSession(link, board.WallClock, log);
            ChargePointIdentityInfo identity = new ChargePointIdentityInfo();
            identity.Model = board.Name;
            identity.SerialNumber = board.SerialNumber;

            Boot = new BootService(Session, persistent.Configuration, identity);
            Boot.Meter = meter as Wallbox.Firmware.Metering.ModbusMeterService;
            Heartbeat = new HeartbeatService(Session, Settings);
            Status = new StatusNotificationService(Session, Settings, charging, Health);
            Authorization = new AuthorizationService(Session, Settings, persistent.Cache, persistent.LocalList, persistent.OfflinePolicy);
            Transactions = new TransactionService(Session, Settings, charging, persistent.Journal, Authorization, idTags, indication, meter, board.Storage, board.Storage.Root + "txactive");
            Sender = new TransactionMessageSender(Session, Settings, persistent.Journal, Authorization, Transactions);
            MeterValues = new MeterValuesService(Session, Settings, charging, persistent.Journal, Transactions, meter, Health);
            Availability = new AvailabilityService(Session, Settings, persistent.Configuration, charging, Transactions);
            Reset = new ResetService(Session, charging, Transactions, Sender, persistent, board.ResetController);
            Management = new ManagementStatusService(Session);

            Register(new GetConfigurationHandler(persistent.Configuration, log, link.Rpc.MaxFrameBytes));
            Register(new ChangeConfigurationHandler(persistent.Configuration, log));
            Register(new RemoteStartTransactionHandler(Transactions));
            Register(new RemoteStopTransactionHandler(Transactions));
            Register(new ChangeAvailabilityHandler(Availability));
            Register(new ResetHandler(Reset));
            Register(new UnlockConnectorHandler(charging, Transactions));
            Register(new DataTransferHandler());
            Register(new ClearCacheHandler(persistent.Cache, Settings));
            Register(new GetLocalListVersionHandler(persistent.LocalList));
            Register(new SendLocalListHandler(persistent.LocalList));
            Register(new TriggerMessageHandler(Boot, Heartbeat, Status, MeterValues, Management));
        }

        /// <summary>The OCPP keys decoded.</summary>
        public OcppSettings Settings { get; private set; }

        /// <summary>Link state and registration as the services see them.</summary>
        public OcppSession Session { get; private set; }

        /// <summary>Meter and reader failures for StatusNotification.</summary>
        public PeripheralHealth Health { get; private set; }

        /// <summary>BootNotification.</summary>
        public BootService Boot { get; private set; }

        /// <summary>Heartbeat.</summary>
        public HeartbeatService Heartbeat { get; private set; }

        /// <summary>StatusNotification.</summary>
        public StatusNotificationService Status { get; private set; }

        /// <summary>Authorize and the offline decision.</summary>
        public AuthorizationService Authorization { get; private set; }

        /// <summary>The transaction of connector 1.</summary>
        public TransactionService Transactions { get; private set; }

        /// <summary>Delivery of the transaction journal.</summary>
        public TransactionMessageSender Sender { get; private set; }

        /// <summary>MeterValues.</summary>
        public MeterValuesService MeterValues { get; private set; }

        /// <summary>ChangeAvailability.</summary>
        public AvailabilityService Availability { get; private set; }

        /// <summary>Reset.</summary>
        public ResetService Reset { get; private set; }

        /// <summary>Triggered diagnostics and firmware status notifications.</summary>
        public ManagementStatusService Management { get; private set; }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            if (!_persistent.Configuration.IsLoaded)
            {
                return;
            }

            Settings.Refresh(_persistent.Configuration);
            Boot.Tick(nowMs);
            Authorization.Tick(nowMs);
            Transactions.Tick(nowMs);
            Availability.Tick(nowMs);
            MeterValues.Tick(nowMs);
            Sender.Tick(nowMs);
            Status.Tick(nowMs);
            Heartbeat.Tick(nowMs);
            Management.Tick(nowMs);
            Reset.Tick(nowMs);
        }

        private void Register(Rpc.IOcppRequestHandler handler)
        {
            if (!_link.Rpc.RegisterHandler(handler))
            {
                throw new System.InvalidOperationException("two handlers for " + handler.Action);
            }
        }
    }
}
