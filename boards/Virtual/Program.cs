using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Threading;
using Wallbox.Boards.Virtual.Control;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// Entry point: runs the virtual wallbox in real time (or faster), printing a status line every second,
/// until Ctrl+C (SIGINT), SIGTERM, the <c>quit</c> command or the requested duration. Standalone by default; with
/// <c>--csms-url</c> it talks to that central system over a real WebSocket. Control commands come from standard
/// input and, with <c>--control-port</c>, from loopback HTTP (docs/virtual-wallbox.md). Exits 0 after putting the
/// outputs in their safe state; 2 on bad arguments or a configuration value the firmware refuses.
/// </summary>
public static class Program
{
    /// <summary>Longest wait for the central system to answer our close frame at exit, milliseconds.</summary>
    private const int CloseWaitMs = 2000;

    /// <summary>Runs the virtual wallbox.</summary>
    public static int Main(string[] args)
    {
        VirtualWallboxOptions options;
        try
        {
            options = VirtualWallboxOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine("virtual wallbox: " + ex.Message);
            Console.Error.WriteLine(VirtualWallboxOptions.Usage);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(VirtualWallboxOptions.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });

        using HostWebSocketClient network = options.UsesRealNetwork ? new HostWebSocketClient() : null;
        var settings = new Wallbox.Firmware.Charging.ChargingSettings { RequireAuthorization = !options.FreeVend };
        var wallbox = new VirtualWallbox(settings, new TextWriterLogSink(Console.Out), webSocket: network);
        string refused = StartupConfiguration.Apply(wallbox, options.ConfigurationEntries());
        if (refused != null)
        {
            wallbox.Firmware?.EnterSafeState();
            Console.Error.WriteLine("virtual wallbox: " + refused);
            return 2;
        }

        var commands = new ControlCommandQueue();
        using ControlHttpServer http = options.ControlPort is int port ? new ControlHttpServer(commands, port) : null;
        try
        {
            http?.Start();
        }
        catch (SocketException ex)
        {
            wallbox.Firmware?.EnterSafeState();
            Console.Error.WriteLine("virtual wallbox: --control-port " + options.ControlPort + ": " + ex.Message);
            return 2;
        }

        new StdinCommandReader(new StreamReader(Console.OpenStandardInput()), commands).Start();

        Console.WriteLine("Virtual wallbox running (loop period " + wallbox.LoopPeriodUs / 1000 + " ms, speed x" + options.Speed + ", "
            + (options.UsesRealNetwork ? "central system " + wallbox.Firmware.Persistent.Configuration.Get(Wallbox.Firmware.Config.ChargePointConfigKeys.CentralSystemUrl) : "standalone")
            + "). Ctrl+C or 'quit' stops it.");
        Console.WriteLine("Control: commands on standard input" + (http != null ? " or POST " + http.CommandUrl : string.Empty) + "; 'help' lists them.");
        Run(wallbox, options, commands, stop.Token);
        commands.RefuseAll("the virtual wallbox is stopping");

        Console.WriteLine(StatusLine.Format(wallbox));
        wallbox.Firmware?.EnterSafeState();
        CloseNetwork(network);
        var loop = wallbox.Firmware?.Loop;
        Console.WriteLine("Virtual wallbox stopped cleanly after " + (wallbox.NowMs / 1000.0).ToString("F1", CultureInfo.InvariantCulture)
            + " s: " + (loop?.PassCount ?? 0) + " loop passes, longest pass " + (loop?.MaxPassUs ?? 0) + " us.");
        return 0;
    }

    private static void Run(VirtualWallbox wallbox, VirtualWallboxOptions options, ControlCommandQueue commands, CancellationToken stop)
    {
        var executor = new ControlCommandExecutor(wallbox);
        long endMs = options.DurationSeconds is double d ? (long)(d * 1000) : long.MaxValue;
        long statusIntervalMs = (long)(options.StatusIntervalSeconds * 1000);
        long nextStatusMs = statusIntervalMs;
        bool evPlugged = false;
        var wall = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested && wallbox.NowMs < endMs)
        {
            // Catch up with wall time (times the speed factor), one loop period per step.
            double targetMs = Math.Min(endMs, wall.Elapsed.TotalMilliseconds * options.Speed);
            do
            {
                // Control commands are carried out here, between two steps, on this thread only.
                if (commands.ExecutePending(executor, Console.Out))
                {
                    return;
                }

                if (wallbox.NowMs + wallbox.LoopPeriodUs / 1000 > targetMs)
                {
                    break;
                }

                wallbox.Step();
                if (!evPlugged && options.PlugEvAfterSeconds is double plugAt && wallbox.NowMs >= plugAt * 1000)
                {
                    evPlugged = true;
                    wallbox.Hardware.PlugInEv();
                    Console.WriteLine("[virtual EV plugged in]");
                }

                if (wallbox.NowMs >= nextStatusMs)
                {
                    nextStatusMs += statusIntervalMs;
                    Console.WriteLine(StatusLine.Format(wallbox));
                }
            }
            while (!stop.IsCancellationRequested);

            // Idle until the next loop period is due (the board's equivalent of the ESP32 loop's sleep).
            stop.WaitHandle.WaitOne(1);
        }
    }

    private static void CloseNetwork(HostWebSocketClient network)
    {
        if (network == null)
        {
            return;
        }

        // Say goodbye to the central system with a close frame (RFC 6455), then dispose (at the end of Main).
        network.Close();
        var wait = Stopwatch.StartNew();
        while (network.State != WebSocketClientState.Closed && wait.ElapsedMilliseconds < CloseWaitMs)
        {
            Thread.Sleep(10);
        }
    }
}
