using System;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Xunit.Abstractions;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>The OCPP services add nothing to the loop's steady state: no allocation in ticks that send nothing.</summary>
public sealed class OcppSteadyStateTests
{
    private readonly ITestOutputHelper _output;

    public OcppSteadyStateTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Connected_and_accepted_idle_ticks_between_heartbeats_allocate_nothing()
    {
        var wallbox = new VirtualWallbox();
        var csms = new ScriptedCentralSystem(wallbox.Hardware.WebSocket, wallbox.Hardware.WallClock);
        Configure(wallbox);
        RunServing(wallbox, csms, 60_000);
        Assert.Equal(RegistrationState.Accepted, wallbox.Firmware.ChargePoint.Session.Registration);
        Assert.Equal(2, csms.Calls["StatusNotification"]);

        // Let the first heartbeat and the first clock-aligned sample pass (first-of-their-kind events).
        RunServing(wallbox, csms, 900_000);
        int heartbeats = csms.Calls["Heartbeat"];
        long before = GC.GetAllocatedBytesForCurrentThread();
        long steps = 0;
        var allocatingSteps = new System.Collections.Generic.List<long>();
        var trafficSteps = new System.Collections.Generic.List<long>();
        long start = wallbox.NowMs;
        int callsBefore = TotalCalls(csms);
        while (wallbox.NowMs - start < 3_600_000)
        {
            int calls = TotalCalls(csms);
            long b = GC.GetAllocatedBytesForCurrentThread();
            wallbox.Step();
            csms.Serve();
            steps++;
            if (GC.GetAllocatedBytesForCurrentThread() != b)
            {
                allocatingSteps.Add(steps);
            }

            if (TotalCalls(csms) != calls)
            {
                trafficSteps.Add(steps);
            }
        }

        // A pass that builds, sends or reads a message may allocate (messageId, value strings); every other must not.
        const int MessageWindowSteps = 20;
        long quietAllocating = allocatingSteps.FindAll(a => !trafficSteps.Exists(t => Math.Abs(t - a) <= MessageWindowSteps)).Count;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        int messages = TotalCalls(csms) - callsBefore;
        _output.WriteLine("report: 1 h connected and idle: " + steps + " loop passes, " + messages + " messages (Heartbeat every 300 s, clock-aligned MeterValues every 900 s), "
            + allocated + " bytes allocated in total (" + (messages == 0 ? 0 : allocated / messages) + " per message, scripted central system included), passes away from any message that allocated: " + quietAllocating);
        Assert.True(csms.Calls["Heartbeat"] > heartbeats);
        Assert.Equal(0, quietAllocating);
    }

    private static int TotalCalls(ScriptedCentralSystem csms)
    {
        int total = 0;
        foreach (int n in csms.Calls.Values)
        {
            total += n;
        }

        return total;
    }

    private static void Configure(VirtualWallbox wallbox)
    {
        Assert.True(wallbox.RunUntil(() => wallbox.Firmware.Persistent.Configuration.IsLoaded, 5000));
        string[] names = { ChargePointConfigKeys.CentralSystemUrl, ChargePointConfigKeys.ChargePointIdentity };
        string[] values = { "ws://csms.example/ocpp/", "VWB-STEADY" };
        Assert.NotEqual(ConfigChangeStatus.Rejected, wallbox.Firmware.Persistent.Configuration.TrySetMany(names, values, 2, out _, out _));
    }

    private static void RunServing(VirtualWallbox wallbox, ScriptedCentralSystem csms, long ms)
    {
        long end = wallbox.NowMs + ms;
        while (wallbox.NowMs < end)
        {
            wallbox.Step();
            csms.Serve();
        }
    }
}
