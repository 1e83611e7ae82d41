using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Threading;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// Entry point: runs the virtual wallbox in real time (or faster), printing a status line every second,
/// until Ctrl+C (SIGINT), SIGTERM or the requested duration. Exits 0 after putting the outputs in their
/// safe state; 2 on bad arguments.
/// </summary>
public static class Program
{
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

        var settings = new Wallbox.Firmware.Charging.ChargingSettings { RequireAuthorization = !options.FreeVend };
        var wallbox = new VirtualWallbox(settings, new TextWriterLogSink(Console.Out));
        Console.WriteLine("Virtual wallbox running (loop period " + wallbox.LoopPeriodUs / 1000 + " ms, speed x" + options.Speed + "). Ctrl+C stops it.");
        Run(wallbox, options, stop.Token);

        Console.WriteLine(StatusLine.Format(wallbox));
        wallbox.Firmware?.EnterSafeState();
        var loop = wallbox.Firmware?.Loop;
        Console.WriteLine("Virtual wallbox stopped cleanly after " + (wallbox.NowMs / 1000.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)
            + " s: " + (loop?.PassCount ?? 0) + " loop passes, longest pass " + (loop?.MaxPassUs ?? 0) + " us.");
        return 0;
    }

    private static void Run(VirtualWallbox wallbox, VirtualWallboxOptions options, CancellationToken stop)
    {
        long endMs = options.DurationSeconds is double d ? (long)(d * 1000) : long.MaxValue;
        long statusIntervalMs = (long)(options.StatusIntervalSeconds * 1000);
        long nextStatusMs = statusIntervalMs;
        bool evPlugged = false;
        var wall = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested && wallbox.NowMs < endMs)
        {
            // Catch up with wall time (times the speed factor), one loop period per step.
            double targetMs = Math.Min(endMs, wall.Elapsed.TotalMilliseconds * options.Speed);
            while (wallbox.NowMs + wallbox.LoopPeriodUs / 1000 <= targetMs && !stop.IsCancellationRequested)
            {
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

            // Idle until the next loop period is due (the board's equivalent of the ESP32 loop's sleep).
            stop.WaitHandle.WaitOne(1);
        }
    }
}
