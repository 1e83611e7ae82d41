using System;
using Wallbox.Drivers.Contactor;
using Wallbox.Drivers.Pilot;
using Wallbox.Drivers.Proximity;
using Wallbox.Drivers.Rcd;
using Wallbox.Drivers.SocketLock;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Authorization;
using Wallbox.Firmware.Charging.Indication;
using Wallbox.Firmware.Metering;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Rfid;
using Wallbox.Firmware.Runtime;
using Wallbox.Firmware.Storage;
using Wallbox.Hal;

namespace Wallbox.Firmware.Application
{
    /// <summary>
    /// The charge-point application on one board: creates the drivers and services on the board's HAL devices and
    /// registers them in the main loop, safety first. Boards differ only in the <see cref="Board"/> and the
    /// <see cref="ChargingSettings"/> they pass in; every board (the ESP32 ones and the virtual wallbox) runs this
    /// same composition. A restart is a new instance on the same board.
    /// </summary>
    public sealed class ChargePointFirmware
    {
        private const string LogSource = "firmware";

        /// <summary>
        /// Tick budget of the charging controller, microseconds: the ESP32 pilot ADC burst (≈ 1.2 ms) plus a few GPIO
        /// reads and the decision logic.
        /// </summary>
        private const int ChargingTickBudgetUs = 3000;

        /// <summary>Tick budget of the persistent stores, microseconds: bookkeeping only, flash work is on the HAL worker.</summary>
        private const int StorageTickBudgetUs = 2000;

        /// <summary>
        /// Tick budget of the OCPP link, microseconds: parsing and answering up to four frames of 8 KiB and encoding one
        /// CALL; socket work is on the HAL worker.
        /// </summary>
        private const int OcppTickBudgetUs = 8000;

        /// <summary>
        /// Tick budget of the OCPP services, microseconds: state machines and at most one message built per service;
        /// flash and socket work is on the HAL workers.
        /// </summary>
        private const int OcppServicesTickBudgetUs = 4000;

        /// <summary>Tick budget of the meter service, microseconds: one Modbus frame read or built, a cycle decoded.</summary>
        private const int MeterTickBudgetUs = 1500;

        /// <summary>Tick budget of the RFID reader, microseconds: a few SPI register accesses of one exchange step.</summary>
        private const int RfidTickBudgetUs = 1500;

        /// <summary>Tick budget of the status light, microseconds: three GPIO writes.</summary>
        private const int StatusLightTickBudgetUs = 500;

        private readonly Board _board;

        /// <summary>
        /// Builds the firmware on <paramref name="board"/>; nothing runs until <see cref="Start"/>.
        /// <paramref name="phaseCurrents"/> is the board's current measurement for the over-current protection
        /// (current transformers), or null when the board has none.
        /// </summary>
        public ChargePointFirmware(Board board, ChargingSettings settings, IPhaseCurrentSource phaseCurrents)
            : this(board, settings, phaseCurrents, null)
        {
        }

        /// <summary>
        /// Builds the firmware on <paramref name="board"/> with <paramref name="meter"/>, the energy meter of the
        /// charging circuit (null when the board has none: transactions then report 0 Wh).
        /// </summary>
        public ChargePointFirmware(Board board, ChargingSettings settings, IPhaseCurrentSource phaseCurrents, IEnergyMeter meter)
        {
            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            if (settings == null)
            {
                throw new ArgumentNullException("settings");
            }

            if (settings.HasSocket && (board.LockDrive == null || board.UnlockDrive == null || board.LockFeedback == null || board.ProximityPilot == null))
            {
                throw new ArgumentException("the settings describe a socket, but the board has no lock actuator or PP input", "settings");
            }

            _board = board;
            IdTags = new PresentedIdTagQueue();
            Meter = meter;
            Log = new Logger(board.LogSink, board.Clock, LogLevel.Info);
            Loop = new MainLoop(board.Clock, board.Watchdog, Log, Limits.MaxLoopComponents);

            var pilot = new ControlPilot(board.PilotPwm, board.PilotSampler);
            var contactor = new Contactor(board.ContactorCoil, board.ContactorFeedback);
            var rcd = new RcdModule(board.RcdFault, board.RcdTest);
            SocketLock socketLock = settings.HasSocket ? new SocketLock(board.LockDrive, board.UnlockDrive, board.LockFeedback) : null;
            ProximityPilot proximity = settings.HasSocket ? new ProximityPilot(board.ProximityPilot, settings.ProximityPullUpOhm, settings.ProximitySupplyMv) : null;
            if (meter == null && board.MeterPort != null)
            {
                // The board's MID meter on RS-485 (issue 7): the energy source of OCPP, and the phase currents of the
                // over-current protection when the board has no current transformers.
                ModbusMeter = new ModbusMeterService(board.MeterPort, board.Clock, null, Log);
                meter = ModbusMeter;
                if (phaseCurrents == null)
                {
                    phaseCurrents = ModbusMeter;
                }
            }

            var chargingState = new ChargingPersistentState();
            var record = new PersistentRecord(board.Storage, board.Storage.Root + "charging", ChargingPersistentState.RecordType, ChargingPersistentState.MaxPayloadBytes, chargingState);
            Charging = new ChargingController(settings, pilot, contactor, rcd, socketLock, proximity, board.TerminalTemperature, phaseCurrents, record, chargingState, board.WallClock, Log, true);
            Persistent = new PersistentServices(board, settings, Charging, ModbusMeter, Log);
            if (ModbusMeter != null)
            {
                ModbusMeter.Charging = Charging;
            }
            IndicationFlags = new IndicationFlags();
            StatusLight = new StatusLight(Charging, IndicationFlags, board.LedRed, board.LedGreen, board.LedBlue);

            // Safety first: the charging controller ticks its drivers itself, so every reaction happens in the tick
            // that sees its cause, before anything that could be slow.
            Loop.Register("charging", Charging, ChargingTickBudgetUs);
            Loop.Register("status-light", StatusLight, StatusLightTickBudgetUs);
            Loop.Register("storage", Persistent, StorageTickBudgetUs);
            if (ModbusMeter != null)
            {
                Loop.Register("meter", ModbusMeter, MeterTickBudgetUs);
            }
            if (board.WebSocket != null)
            {
                Ocpp = new OcppLink(board.WebSocket, Persistent.Configuration, IndicationFlags, Log, (int)board.Clock.NowUs ^ HashOf(board.Name));
                Loop.Register("ocpp", Ocpp, OcppTickBudgetUs);
                ChargePoint = new OcppChargePoint(Ocpp, Persistent, Charging, IdTags, IndicationFlags, meter, board, Log);
                Loop.Register("ocpp-services", ChargePoint, OcppServicesTickBudgetUs);
            }

            if (board.RfidSpi != null)
            {
                // The badge reader feeds the same queue as every other way of presenting an idTag.
                Rfid = new RfidReaderService(board.RfidSpi, board.Random, IdTags, Persistent.Configuration, ChargePoint == null ? null : ChargePoint.Health, IndicationFlags, Log);
                Loop.Register("rfid", Rfid, RfidTickBudgetUs);
            }
        }

        /// <summary>idTags presented at the charge point (RFID reader, web page PIN, virtual wallbox), waiting to be handled.</summary>
        public PresentedIdTagQueue IdTags { get; private set; }

        /// <summary>The RFID badge reader, or null on a board without an MFRC522.</summary>
        public RfidReaderService Rfid { get; private set; }

        /// <summary>The Modbus meter service, or null when the board passed its own meter or has no RS-485 port.</summary>
        public ModbusMeterService ModbusMeter { get; private set; }

        /// <summary>The energy meter of the charging circuit, or null.</summary>
        public IEnergyMeter Meter { get; private set; }

        /// <summary>The OCPP charge point (its services and handlers), or null on a board without a WebSocket transport.</summary>
        public OcppChargePoint ChargePoint { get; private set; }

        /// <summary>The link to the central system, or null on a board without a WebSocket transport.</summary>
        public OcppLink Ocpp { get; private set; }

        /// <summary>The log front end.</summary>
        public Logger Log { get; private set; }

        /// <summary>The main loop.</summary>
        public MainLoop Loop { get; private set; }

        /// <summary>The IEC 61851-1 charging controller.</summary>
        public ChargingController Charging { get; private set; }

        /// <summary>Configuration, whitelist, local list and transaction journal.</summary>
        public PersistentServices Persistent { get; private set; }

        /// <summary>Conditions other services show on the status light.</summary>
        public IndicationFlags IndicationFlags { get; private set; }

        /// <summary>The status light.</summary>
        public StatusLight StatusLight { get; private set; }

        /// <summary>Arms the watchdog and logs the start; call once, then call <see cref="RunOnce"/> every loop period.</summary>
        public void Start()
        {
            Loop.Start(Limits.WatchdogTimeoutMs);
            Log.Info(LogSource, "started on board " + _board.Name);
        }

        /// <summary>Runs one pass of the main loop.</summary>
        public void RunOnce()
        {
            Loop.RunOnce();
        }

        private static int HashOf(string text)
        {
            // FNV-1a: a stable seed from the board name (string.GetHashCode differs between runtimes).
            uint hash = 2166136261;
            for (int i = 0; text != null && i < text.Length; i++)
            {
                hash = (hash ^ text[i]) * 16777619u;
            }

            return (int)hash;
        }

        /// <summary>Drives every output to its safe state (before a restart or at shutdown).</summary>
        public void EnterSafeState()
        {
            Loop.EnterSafeState();
        }
    }
}
