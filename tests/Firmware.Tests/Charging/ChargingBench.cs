using System;
using Wallbox.Boards.Virtual;
using Wallbox.Firmware.Charging;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Charging;

/// <summary>
/// The virtual wallbox set up for charging tests: booted past its self-test, with helpers to start a session and
/// to measure how long the contacts take to open after a cause. With <c>workersHung</c> the flash worker and the
/// WebSocket worker never return, as when the network stack hangs: safety deadlines must hold regardless.
/// </summary>
internal sealed class ChargingBench
{
    public ChargingBench(bool workersHung = false, ChargingSettings settings = null)
    {
        Wallbox = new VirtualWallbox(settings);
        if (workersHung)
        {
            Hardware.Storage.Hung = true;
            Hardware.WebSocket.Hung = true;
            Hardware.WebSocket.TryConnect(new WebSocketConnectOptions { Url = "ws://127.0.0.1:9/ocpp/CP1", SubProtocol = "ocpp1.6" });
        }

        Assert.True(Wallbox.RunUntil(() => Charging.State != ChargingState.SelfTest, 10_000), "self-test did not finish");
    }

    public VirtualWallbox Wallbox { get; }

    public VirtualWallboxHardware Hardware => Wallbox.Hardware;

    public ChargingController Charging => Wallbox.Firmware.Charging;

    public long NowMs => Wallbox.NowMs;

    public void Run(long ms) => Wallbox.RunForMs(ms);

    public bool RunUntil(Func<bool> condition, long timeoutMs = 10_000) => Wallbox.RunUntil(condition, timeoutMs);

    public void Authorize() => Assert.True(Charging.Authorize(NowMs), "authorisation refused");

    /// <summary>Plugs the EV in, authorises and waits until energy flows.</summary>
    public void StartCharging(int cableA = 32)
    {
        Hardware.PlugInEv(cableA);
        Run(100);
        Authorize();
        Assert.True(RunUntil(() => Hardware.Contactor.ContactsClosed && Charging.State == ChargingState.Charging, 5000), "charging did not start; state " + Charging.State);
    }

    /// <summary>Applies <paramref name="cause"/> now and returns how long the contacts took to open, milliseconds.</summary>
    public double MeasureOpeningMs(Action cause, long timeoutMs = 10_000)
    {
        Assert.True(Hardware.Contactor.ContactsClosed, "contacts must be closed before measuring an opening");
        long t0 = Hardware.Clock.NowUs;
        cause();
        Assert.True(RunUntil(() => !Hardware.Contactor.ContactsClosed, timeoutMs), "contacts did not open");
        return (Hardware.Contactor.ContactsChangedUs - t0) / 1000.0;
    }
}
