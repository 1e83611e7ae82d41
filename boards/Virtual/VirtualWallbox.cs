using System;
using Wallbox.Firmware;
using Wallbox.Firmware.Application;
using Wallbox.Firmware.Charging;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// The virtual wallbox: the real firmware composition (<see cref="ChargePointFirmware"/>) on the simulated
/// board (<see cref="VirtualWallboxHardware"/>), stepped in virtual time. Tests drive it directly and hours of
/// charging take milliseconds; <see cref="Program"/> paces it to real time.
/// </summary>
/// <remarks>
/// One <see cref="Step"/> is one loop period: the hardware advances by <see cref="LoopPeriodUs"/>, then the
/// firmware runs one pass. A watchdog bite, a restart request or the return of mains after a power cut
/// boots a fresh firmware instance on the same hardware (RAM state is lost, flash and the world are kept).
/// </remarks>
public sealed class VirtualWallbox
{
    private readonly bool _currentTransformers;
    private bool _powered = true;

    /// <summary>
    /// Builds the hardware and boots the firmware with <paramref name="settings"/> (defaults: a 32 A Type 2 socket
    /// wallbox). <paramref name="webSocket"/> replaces the scripted central system of the simulated hardware
    /// (<see cref="VirtualWallboxHardware.WebSocket"/>) with another transport, e.g. a real
    /// <see cref="HostWebSocketClient"/>; the caller owns it (and disposes it). Without
    /// <paramref name="currentTransformers"/> the board is one without CTs: the over-current protection then reads the
    /// phase currents of the Modbus meter.
    /// </summary>
    public VirtualWallbox(ChargingSettings settings = null, ILogSink extraLog = null, int loopPeriodMs = Limits.LoopPeriodMs, IWebSocketClient webSocket = null, bool currentTransformers = true)
    {
        Hardware = new VirtualWallboxHardware();
        Log = new MemoryLogSink { Forward = extraLog };
        LoopPeriodUs = loopPeriodMs * 1000L;
        Settings = settings ?? new ChargingSettings();
        CurrentTransformers = new VirtualCurrentTransformers(Hardware.Meter);
        CardTap = new CardTap(Hardware.RfidField);
        _currentTransformers = currentTransformers;
        Board = CreateBoard(Hardware, Log, webSocket ?? Hardware.WebSocket);
        Boot();
    }

    /// <summary>The simulated hardware and the world around it.</summary>
    public VirtualWallboxHardware Hardware { get; }

    /// <summary>Charging settings every boot uses (change them before a reboot to reconfigure).</summary>
    public ChargingSettings Settings { get; }

    /// <summary>The board's current transformers (feed the over-current protection).</summary>
    public VirtualCurrentTransformers CurrentTransformers { get; }

    /// <summary>Taps at the reader: cards held in the RF field for a second of virtual time (the <c>tap</c> command).</summary>
    public CardTap CardTap { get; }

    /// <summary>The HAL bundle handed to the firmware.</summary>
    public Board Board { get; }

    /// <summary>Everything the firmware logged (bounded).</summary>
    public MemoryLogSink Log { get; }

    /// <summary>The running firmware instance; replaced at every boot. Null while the board is unpowered.</summary>
    public ChargePointFirmware Firmware { get; private set; }

    /// <summary>Loop period, microseconds.</summary>
    public long LoopPeriodUs { get; }

    /// <summary>Boots since construction (1 after construction).</summary>
    public int BootCount { get; private set; }

    /// <summary>Virtual time, milliseconds since the board was built.</summary>
    public long NowMs => Hardware.Clock.NowMs;

    /// <summary>Advances one loop period and runs one firmware pass (or reboots, see the remarks).</summary>
    public void Step()
    {
        Hardware.Advance(LoopPeriodUs);

        // The person's hand belongs to the world: it takes a tapped card away whether or not the board is powered.
        CardTap.Update(NowMs);
        if (!Hardware.MainsPresent)
        {
            if (_powered)
            {
                // The ESP32 is supplied from the mains: it stops, RAM is lost.
                _powered = false;
                Firmware = null;
                Hardware.Watchdog.Reset();
            }

            return;
        }

        if (!_powered || Hardware.Watchdog.HasBitten || Hardware.ResetController.RestartRequested)
        {
            _powered = true;
            Boot();
            return;
        }

        Firmware.RunOnce();
    }

    /// <summary>Runs for <paramref name="durationMs"/> of virtual time.</summary>
    public void RunForMs(long durationMs)
    {
        long endUs = Hardware.Clock.NowUs + durationMs * 1000;
        while (Hardware.Clock.NowUs + LoopPeriodUs <= endUs)
        {
            Step();
        }
    }

    /// <summary>Runs until <paramref name="condition"/> holds or <paramref name="timeoutMs"/> of virtual time pass; returns whether it held.</summary>
    public bool RunUntil(Func<bool> condition, long timeoutMs)
    {
        long endUs = Hardware.Clock.NowUs + timeoutMs * 1000;
        while (!condition())
        {
            if (Hardware.Clock.NowUs >= endUs)
            {
                return false;
            }

            Step();
        }

        return true;
    }

    private void Boot()
    {
        Hardware.Watchdog.Reset();
        Hardware.ResetController.Acknowledge();
        BootCount++;
        Firmware = new ChargePointFirmware(Board, Settings, _currentTransformers ? CurrentTransformers : null);
        Firmware.Start();
    }

    private static Board CreateBoard(VirtualWallboxHardware hw, ILogSink log, IWebSocketClient webSocket) => new Board
    {
        Name = "virtual",
        SerialNumber = "VWB-0001",
        MeterModel = "SDM630",
        Clock = hw.Clock,
        WallClock = hw.WallClock,
        PilotPwm = hw.PilotPwm,
        PilotSampler = hw.PilotSampler,
        ProximityPilot = hw.ProximityInput,
        ContactorCoil = hw.ContactorCoil,
        ContactorFeedback = hw.ContactorFeedback,
        RcdTest = hw.RcdTest,
        RcdFault = hw.RcdFault,
        LockDrive = hw.LockDrive,
        UnlockDrive = hw.UnlockDrive,
        LockFeedback = hw.LockFeedback,
        LedRed = hw.LedRed,
        LedGreen = hw.LedGreen,
        LedBlue = hw.LedBlue,
        TerminalTemperature = hw.TerminalTemperature,
        MeterPort = hw.MeterPort,
        RfidSpi = hw.RfidSpi,
        Random = hw.Random,
        Storage = hw.Storage,
        NetworkLink = hw.NetworkLink,
        WebSocket = webSocket,
        HttpServer = hw.HttpServer,
        Watchdog = hw.Watchdog,
        ResetController = hw.ResetController,
        LogSink = log,
    };
}
