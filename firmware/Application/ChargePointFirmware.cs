using System;
using Wallbox.Drivers.Contactor;
using Wallbox.Drivers.Pilot;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;

namespace Wallbox.Firmware.Application
{
    /// <summary>
    /// The charge-point application on one board: creates the drivers and services on the board's HAL
    /// devices and registers them in the main loop, safety first. Boards differ only in the <see cref="Board"/>
    /// they pass in; every board (the ESP32 ones and the virtual wallbox) runs this same composition.
    /// A restart is a new instance on the same board.
    /// </summary>
    public sealed class ChargePointFirmware
    {
        private const string LogSource = "firmware";

        /// <summary>Tick budget of the pilot driver, microseconds: the ESP32 ADC burst takes about 1.5 ms.</summary>
        private const int PilotTickBudgetUs = 3000;

        /// <summary>Tick budget of the contactor driver, microseconds: one GPIO read.</summary>
        private const int ContactorTickBudgetUs = 500;

        private readonly Board _board;

        /// <summary>Builds the firmware on <paramref name="board"/>; nothing runs until <see cref="Start"/>.</summary>
        public ChargePointFirmware(Board board)
        {
            if (board == null)
            {
                throw new ArgumentNullException("board");
            }

            _board = board;
            Log = new Logger(board.LogSink, board.Clock, LogLevel.Info);
            Loop = new MainLoop(board.Clock, board.Watchdog, Log, Limits.MaxLoopComponents);

            // Safety-relevant drivers first, so their ticks run before anything that could be slow.
            Pilot = new ControlPilot(board.PilotPwm, board.PilotSampler);
            Contactor = new Contactor(board.ContactorCoil, board.ContactorFeedback);
            Loop.Register("pilot", Pilot, PilotTickBudgetUs);
            Loop.Register("contactor", Contactor, ContactorTickBudgetUs);
        }

        /// <summary>The log front end.</summary>
        public Logger Log { get; private set; }

        /// <summary>The main loop.</summary>
        public MainLoop Loop { get; private set; }

        /// <summary>Control-pilot driver.</summary>
        public ControlPilot Pilot { get; private set; }

        /// <summary>Contactor driver.</summary>
        public Contactor Contactor { get; private set; }

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

        /// <summary>Drives every output to its safe state (before a restart or at shutdown).</summary>
        public void EnterSafeState()
        {
            Loop.EnterSafeState();
        }
    }
}
