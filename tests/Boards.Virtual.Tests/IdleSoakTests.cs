using System;
using System.Diagnostics;
using Wallbox.Drivers.Pilot;
using Xunit.Abstractions;

namespace Wallbox.Boards.Virtual.Tests;

public sealed class IdleSoakTests
{
    private const long DayMs = 24L * 60 * 60 * 1000;

    private readonly ITestOutputHelper _output;

    public IdleSoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Twenty_four_hours_of_idle_ticks_run_in_virtual_time_and_allocate_nothing_after_warm_up()
    {
        var wallbox = new VirtualWallbox();
        wallbox.RunForMs(10_000); // warm-up: first ticks, JIT, lazily created state

        long passesBefore = wallbox.Firmware.Loop.PassCount;
        var wall = Stopwatch.StartNew();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        wallbox.RunForMs(DayMs);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        wall.Stop();
        long passes = wallbox.Firmware.Loop.PassCount - passesBefore;

        _output.WriteLine($"report: 24 h of virtual time: {passes} loop passes in {wall.Elapsed.TotalSeconds:F2} s of wall time "
            + $"({wall.Elapsed.TotalMilliseconds * 1e6 / passes:F0} ns per pass incl. hardware simulation), {allocated} bytes allocated");
        Assert.Equal(DayMs / 10, passes);
        Assert.Equal(0, allocated);
        Assert.Equal(1, wallbox.BootCount); // the watchdog never bit
        Assert.Equal(PilotState.A, wallbox.Firmware.Charging.PilotState);
    }

    [Fact]
    public void An_hour_of_steady_charging_allocates_nothing_per_tick()
    {
        var wallbox = new VirtualWallbox(new Wallbox.Firmware.Charging.ChargingSettings { RequireAuthorization = false });
        wallbox.Hardware.PlugInEv();
        wallbox.RunForMs(30_000); // session start, lock, RCD test, ramp-up: events that log and persist
        // The first hour also holds first-of-their-kind events (the transaction's first power-loss snapshot writes the
        // record's second slot, the first clock-aligned sample formats its values); steady state is what follows.
        wallbox.RunForMs(60L * 60 * 1000);

        Assert.True(wallbox.Hardware.Contactor.ContactsClosed);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        wallbox.RunForMs(60L * 60 * 1000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        _output.WriteLine($"report: 1 h of charging: {allocated} bytes allocated, {wallbox.Hardware.Meter.ImportWh / 1000:F1} kWh");
        Assert.Equal(0, allocated);
        Assert.Equal(Wallbox.Firmware.Charging.ChargingState.Charging, wallbox.Firmware.Charging.State);
    }
}
