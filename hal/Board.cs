namespace Wallbox.Hal
{
    /// <summary>
    /// The HAL devices a charge-point board provides. A board's composition root (boards/…) creates the
    /// implementations, wires them to pins and buses, fills this in and hands it to the firmware; the firmware
    /// never creates hardware objects itself. A field left null means the board does not have that part.
    /// </summary>
    public sealed class Board
    {
        /// <summary>Board name, e.g. "virtual" or "esp32-devkitc-v1".</summary>
        public string Name;

        /// <summary>
        /// The energy meter model fitted on <see cref="MeterPort"/> ("SDM630", "ABB-B23", ...; docs/meters.md), the default
        /// of the MeterType setting; null when the board ships without one.
        /// </summary>
        public string MeterModel;

        /// <summary>Serial number of the controller board (BootNotification chargePointSerialNumber, CPL-23); at most 25 characters.</summary>
        public string SerialNumber;

        /// <summary>Monotonic time.</summary>
        public IMonotonicClock Clock;

        /// <summary>Calendar time.</summary>
        public IWallClock WallClock;

        /// <summary>Control-pilot ±12 V generator (1 kHz PWM).</summary>
        public IPwmOutput PilotPwm;

        /// <summary>Control-pilot plateau sampler.</summary>
        public IPilotSampler PilotSampler;

        /// <summary>Proximity-pilot (cable coding) input; null on tethered-cable boards.</summary>
        public IAnalogInput ProximityPilot;

        /// <summary>Contactor coil.</summary>
        public IDigitalOutput ContactorCoil;

        /// <summary>Contactor auxiliary contact (active = main contacts closed).</summary>
        public IDigitalInput ContactorFeedback;

        /// <summary>6 mA DC RCD module TEST input.</summary>
        public IDigitalOutput RcdTest;

        /// <summary>6 mA DC RCD module fault output (active = tripped).</summary>
        public IDigitalInput RcdFault;

        /// <summary>Socket-lock motor, lock direction; null on tethered-cable boards.</summary>
        public IDigitalOutput LockDrive;

        /// <summary>Socket-lock motor, unlock direction; null on tethered-cable boards.</summary>
        public IDigitalOutput UnlockDrive;

        /// <summary>Socket-lock switch (active = locked); null on tethered-cable boards.</summary>
        public IDigitalInput LockFeedback;

        /// <summary>Status LED, red channel.</summary>
        public IDigitalOutput LedRed;

        /// <summary>Status LED, green channel.</summary>
        public IDigitalOutput LedGreen;

        /// <summary>Status LED, blue channel.</summary>
        public IDigitalOutput LedBlue;

        /// <summary>Temperature at the terminal block / contactor.</summary>
        public ITemperatureSensor TerminalTemperature;

        /// <summary>RS-485 port of the energy meter.</summary>
        public ISerialPort MeterPort;

        /// <summary>SPI device of the RFID reader (MFRC522).</summary>
        public ISpiDevice RfidSpi;

        /// <summary>
        /// Unpredictable bytes for security challenges (the DESFire authentication's RndA); null when the board has no
        /// source, which disables card authentication.
        /// </summary>
        public IRandomSource Random;

        /// <summary>Persistent files.</summary>
        public IFileStore Storage;

        /// <summary>IP link.</summary>
        public INetworkLink NetworkLink;

        /// <summary>WebSocket client to the central system.</summary>
        public IWebSocketClient WebSocket;

        /// <summary>HTTP server of the local configuration page.</summary>
        public IHttpServer HttpServer;

        /// <summary>Watchdog.</summary>
        public IWatchdog Watchdog;

        /// <summary>Restart.</summary>
        public IResetController ResetController;

        /// <summary>Log output.</summary>
        public ILogSink LogSink;
    }
}
