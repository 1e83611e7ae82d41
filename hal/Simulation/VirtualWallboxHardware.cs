using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The hardware of the virtual wallbox: every simulated HAL device wired as on the reference board, plus the
/// world around it (EV, mains, card field). Tests and <c>boards/Virtual</c> build the firmware on these HAL
/// objects and move time with <see cref="Advance"/>.
/// </summary>
/// <remarks>
/// <see cref="Advance"/> first moves the clock, then lets each device react, in a fixed order, to what the
/// firmware commanded during its last pass: contactor, EV, RCD, socket lock, PP, meter, buses, workers, watchdog.
/// Nothing here allocates in steady state.
/// </remarks>
public sealed class VirtualWallboxHardware
{
    /// <summary>Control-pilot PWM frequency, hertz (IEC 61851-1 Table A.1: 1 kHz).</summary>
    public const int PilotFrequencyHz = 1000;

    private readonly ISimulatedDevice[] _devices;

    /// <summary>Builds the board with an unplugged EV, no card in the field and mains present.</summary>
    public VirtualWallboxHardware()
    {
        Clock = new VirtualClock();
        WallClock = new SimulatedWallClock(Clock);

        PilotPwm = new SimulatedPwmOutput(Clock, PilotFrequencyHz);
        PilotLine = new PilotLine();

        ContactorCoil = new SimulatedDigitalOutput(Clock, "contactor-coil");
        ContactorFeedback = new SimulatedDigitalInput("contactor-feedback");
        Contactor = new SimulatedContactor(ContactorCoil, ContactorFeedback);

        Ev = new VirtualEv(() => PilotPwm.DutyPermille, () => Contactor.ContactsClosed) { PilotAlive = () => PilotLine.GeneratorPowered };
        PilotSampler = new SimulatedPilotSampler(Clock, PilotPwm, PilotLine, Ev);

        RcdTest = new SimulatedDigitalOutput(Clock, "rcd-test");
        RcdFault = new SimulatedDigitalInput("rcd-fault");
        Rcd = new SimulatedRcd(RcdTest, RcdFault);

        LockDrive = new SimulatedDigitalOutput(Clock, "lock-drive");
        UnlockDrive = new SimulatedDigitalOutput(Clock, "unlock-drive");
        LockFeedback = new SimulatedDigitalInput("lock-feedback");
        SocketLock = new SimulatedSocketLock(LockDrive, UnlockDrive, LockFeedback);

        ProximityInput = new SimulatedAnalogInput();
        ProximityPilot = new SimulatedProximityPilot(ProximityInput);

        LedRed = new SimulatedDigitalOutput(Clock, "led-red");
        LedGreen = new SimulatedDigitalOutput(Clock, "led-green");
        LedBlue = new SimulatedDigitalOutput(Clock, "led-blue");
        TerminalTemperature = new SimulatedTemperatureSensor();

        Meter = new SimulatedMeter(Ev, Contactor);
        MeterPort = new SimulatedSerialPort(Clock);

        // The meter's own line settings (the SDM630's factory default, 9600 8N1): a board configured otherwise gets garbage.
        MeterPort.PeerSettings = new SerialSettings(9600, 8, SerialParity.None, SerialStopBits.One);
        ModbusMeter = new SimulatedSdm630Modbus(Meter, MeterPort);
        RfidField = new RfidField();
        RfidChip = new SimulatedMfrc522(Clock, RfidField);
        RfidSpi = new SimulatedSpiDevice(RfidChip);
        Random = new SimulatedRandomSource();

        Storage = new SimulatedFileStore();
        NetworkLink = new SimulatedNetworkLink();
        WebSocket = new SimulatedWebSocketClient(Clock);
        HttpServer = new SimulatedHttpServer(Clock);
        Watchdog = new SimulatedWatchdog(Clock);
        ResetController = new SimulatedResetController();

        _devices = new ISimulatedDevice[]
        {
            Contactor, Ev, Rcd, SocketLock, ProximityPilot, Meter, MeterPort, ModbusMeter, Storage, WebSocket, HttpServer, Watchdog,
        };
        AdvanceDevices();
    }

    /// <summary>The meter's Modbus RTU slave (Eastron SDM630) on <see cref="MeterPort"/>.</summary>
    public SimulatedSdm630Modbus ModbusMeter { get; }

    /// <summary>Monotonic virtual time.</summary>
    public VirtualClock Clock { get; }

    /// <summary>Calendar time (invalid until set).</summary>
    public SimulatedWallClock WallClock { get; }

    /// <summary>Pilot ±12 V generator.</summary>
    public SimulatedPwmOutput PilotPwm { get; }

    /// <summary>Electrical model of the pilot circuit.</summary>
    public PilotLine PilotLine { get; }

    /// <summary>Pilot plateau sampler.</summary>
    public SimulatedPilotSampler PilotSampler { get; }

    /// <summary>The vehicle.</summary>
    public VirtualEv Ev { get; }

    /// <summary>Contactor coil output.</summary>
    public SimulatedDigitalOutput ContactorCoil { get; }

    /// <summary>Contactor auxiliary-contact input (active = main contacts closed).</summary>
    public SimulatedDigitalInput ContactorFeedback { get; }

    /// <summary>The contactor.</summary>
    public SimulatedContactor Contactor { get; }

    /// <summary>RCD module TEST output.</summary>
    public SimulatedDigitalOutput RcdTest { get; }

    /// <summary>RCD module fault input (active = tripped).</summary>
    public SimulatedDigitalInput RcdFault { get; }

    /// <summary>The 6 mA DC RCD module.</summary>
    public SimulatedRcd Rcd { get; }

    /// <summary>Socket-lock motor, lock direction.</summary>
    public SimulatedDigitalOutput LockDrive { get; }

    /// <summary>Socket-lock motor, unlock direction.</summary>
    public SimulatedDigitalOutput UnlockDrive { get; }

    /// <summary>Socket-lock switch (active = locked).</summary>
    public SimulatedDigitalInput LockFeedback { get; }

    /// <summary>The socket-lock actuator.</summary>
    public SimulatedSocketLock SocketLock { get; }

    /// <summary>Proximity-pilot analog input.</summary>
    public SimulatedAnalogInput ProximityInput { get; }

    /// <summary>The PP circuit and the cable in the socket.</summary>
    public SimulatedProximityPilot ProximityPilot { get; }

    /// <summary>Status LED, red.</summary>
    public SimulatedDigitalOutput LedRed { get; }

    /// <summary>Status LED, green.</summary>
    public SimulatedDigitalOutput LedGreen { get; }

    /// <summary>Status LED, blue.</summary>
    public SimulatedDigitalOutput LedBlue { get; }

    /// <summary>Temperature at the terminal block.</summary>
    public SimulatedTemperatureSensor TerminalTemperature { get; }

    /// <summary>Energy meter physics.</summary>
    public SimulatedMeter Meter { get; }

    /// <summary>RS-485 port to the meter.</summary>
    public SimulatedSerialPort MeterPort { get; }

    /// <summary>The RF field in front of the reader.</summary>
    public RfidField RfidField { get; }

    /// <summary>Random source of the board (seeded: runs repeat exactly).</summary>
    public SimulatedRandomSource Random { get; }

    /// <summary>The RFID reader chip (MFRC522 register model) on <see cref="RfidSpi"/>, answering from <see cref="RfidField"/>.</summary>
    public SimulatedMfrc522 RfidChip { get; }

    /// <summary>SPI device of the RFID reader chip.</summary>
    public SimulatedSpiDevice RfidSpi { get; }

    /// <summary>Flash file store.</summary>
    public SimulatedFileStore Storage { get; }

    /// <summary>IP link.</summary>
    public SimulatedNetworkLink NetworkLink { get; }

    /// <summary>WebSocket client to the central system.</summary>
    public SimulatedWebSocketClient WebSocket { get; }

    /// <summary>HTTP server for the local page.</summary>
    public SimulatedHttpServer HttpServer { get; }

    /// <summary>Watchdog.</summary>
    public SimulatedWatchdog Watchdog { get; }

    /// <summary>Reset controller.</summary>
    public SimulatedResetController ResetController { get; }

    /// <summary>Mains supply of the board and the charging circuit.</summary>
    public bool MainsPresent { get; private set; } = true;

    /// <summary>Every device, in update order (for extensions and diagnostics).</summary>
    public IReadOnlyList<ISimulatedDevice> Devices => _devices;

    /// <summary>Moves virtual time forward by <paramref name="deltaUs"/> and lets every device react.</summary>
    public void Advance(long deltaUs)
    {
        Clock.AdvanceUs(deltaUs);
        AdvanceDevices();
    }

    /// <summary>A user plugs a cable of <paramref name="cableRatingA"/> into the socket and into the EV.</summary>
    public void PlugInEv(int cableRatingA = 32)
    {
        ProximityPilot.InsertCable(cableRatingA);
        Ev.PlugIn();
    }

    /// <summary>A user unplugs the cable from the EV and from the socket.</summary>
    public void UnplugEv()
    {
        Ev.Unplug();
        ProximityPilot.RemoveCable();
    }

    /// <summary>
    /// Cuts the mains: the contactor drops out, the RCD module and lock lose power, and the board forgets the time
    /// of day (no RTC backup on the ESP32 module).
    /// </summary>
    public void CutPower()
    {
        SetMains(false);
        WallClock.Invalidate();

        // The MCU is unpowered too: every output it drives falls to its inactive level.
        ContactorCoil.Set(false);
        RcdTest.Set(false);
        LockDrive.Set(false);
        UnlockDrive.Set(false);
        LedRed.Set(false);
        LedGreen.Set(false);
        LedBlue.Set(false);
    }

    /// <summary>Restores the mains.</summary>
    public void RestorePower() => SetMains(true);

    private void SetMains(bool present)
    {
        MainsPresent = present;
        PilotLine.GeneratorPowered = present;
        Contactor.MainsPresent = present;
        Rcd.Powered = present;
        SocketLock.Powered = present;
    }

    private void AdvanceDevices()
    {
        long nowUs = Clock.NowUs;
        for (int i = 0; i < _devices.Length; i++)
        {
            _devices[i].Advance(nowUs);
        }
    }
}
