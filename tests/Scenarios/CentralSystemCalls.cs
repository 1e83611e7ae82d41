using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// A call from the central system to the charge point paced to the wire in both directions, for scenarios that make
/// many calls. <see cref="ScenarioWallbox.Call"/> steps virtual time freely while the request travels to the charge
/// point and while the answer travels back (only the charge point's own calls count as network work), so a frame that
/// takes ~80 ms of real time on a loaded machine costs 60 s of virtual time and the call times out.
/// </summary>
internal static class CentralSystemCalls
{
    /// <summary>Longest real wait for the request to arrive, and for the answer to reach the central system, ms.</summary>
    private const int RealWaitMs = 5000;

    /// <summary>
    /// The central system calls the charge point: waits (real time, event-driven) until the request has arrived, steps
    /// the wallbox until the firmware has answered (a deferred answer takes virtual time), then waits (real time) for
    /// the answer to reach the central system, without letting virtual time run meanwhile.
    /// </summary>
    public static CsmsPeerCallOutcome CallPaced(this ScenarioWallbox cp, string action, JsonNode payload, long virtualTimeoutMs = 60000)
    {
        var socket = (HostWebSocketClient)cp.Wallbox.Board.WebSocket;
        socket.WaitForActivity(0); // forget activity that happened before the request
        var rpc = cp.Wallbox.Firmware.Ocpp.Rpc;
        int answered = rpc.Statistics.RequestsAnswered + rpc.Statistics.CallErrorsSent;
        string id = cp.Peer.BeginCall(cp.Identity, action, payload);
        socket.WaitForActivity(RealWaitMs);

        long end = cp.NowMs + virtualTimeoutMs;
        var real = Stopwatch.StartNew();
        while (true)
        {
            PeerEvent outcome = Outcome(cp, id);
            if (outcome != null)
            {
                return new CsmsPeerCallOutcome(outcome);
            }

            var current = cp.Wallbox.Firmware?.Ocpp?.Rpc;
            if (current == rpc && rpc.Statistics.RequestsAnswered + rpc.Statistics.CallErrorsSent > answered)
            {
                // Answered: the frame is on its way; wait for it in real time.
                return new CsmsPeerCallOutcome(cp.Peer.WaitFor(e => IsOutcome(e, id), "the outcome of " + action, cp.Mark, RealWaitMs));
            }

            if (cp.NowMs >= end || real.ElapsedMilliseconds >= 30000)
            {
                Assert.Fail("timed out waiting for the answer to " + action + " (virtual " + cp.NowMs + " ms, real " + real.ElapsedMilliseconds + " ms)");
            }

            cp.Step();
        }
    }

    private static PeerEvent Outcome(ScenarioWallbox cp, string id) => cp.Events.FirstOrDefault(e => IsOutcome(e, id));

    private static bool IsOutcome(PeerEvent e, string id) => (e.Name == "callResult" || e.Name == "callError") && e.GetString("id") == id;
}
