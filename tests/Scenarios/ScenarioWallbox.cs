using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using Wallbox.Boards.Virtual;
using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp;
using Wallbox.Firmware.Ocpp.Connection;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;

namespace Wallbox.Scenarios.Tests;

/// <summary>
/// One virtual wallbox (the whole firmware on simulated hardware) connected over a real WebSocket to the strict
/// central system, with its own identity. Virtual time runs as fast as the machine allows while nothing is on the
/// wire, and waits for the network (event-driven, no blind sleeps) while a frame is queued or awaited or the link is
/// connecting: the timings the firmware sees stay those of virtual time, the peer gets the real time it needs.
/// </summary>
public sealed class ScenarioWallbox : IDisposable
{
    /// <summary>Longest real wait for one network event before stepping on, ms.</summary>
    private const int NetworkWaitMs = 20;

    private readonly ITestOutputHelper _output;
    private readonly HostWebSocketClient _socket;

    /// <summary>
    /// Builds the wallbox and configures it for <paramref name="peer"/> (URL, identity, no WebSocket ping: the peer's
    /// pongs arrive in real time) plus <paramref name="configuration"/>, before the OCPP link starts.
    /// </summary>
    public ScenarioWallbox(CsmsPeer peer, string name, ITestOutputHelper output, IDictionary<string, string> configuration = null, ChargingSettings settings = null)
    {
        Peer = peer;
        _output = output;
        Identity = "SCN-" + name + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);
        _socket = new HostWebSocketClient();
        Wallbox = new VirtualWallbox(settings, new ScenarioLogSink(output), webSocket: _socket);
        Mark = peer.EventCount;
        var values = new Dictionary<string, string>
        {
            [ChargePointConfigKeys.CentralSystemUrl] = peer.Url,
            [ChargePointConfigKeys.ChargePointIdentity] = Identity,
            [OcppConfigKeys.WebSocketPingInterval] = "0",
        };
        foreach (var pair in configuration ?? new Dictionary<string, string>())
        {
            values[pair.Key] = pair.Value;
        }

        Configure(values);
    }

    /// <summary>The central system.</summary>
    public CsmsPeer Peer { get; }

    /// <summary>This charge point's identity at the central system.</summary>
    public string Identity { get; }

    /// <summary>The virtual wallbox.</summary>
    public VirtualWallbox Wallbox { get; }

    /// <summary>The peer's event count when this wallbox was built (events before it are other scenarios').</summary>
    public int Mark { get; private set; }

    /// <summary>The firmware's OCPP charge point (replaced at every boot).</summary>
    public OcppChargePoint ChargePoint => Wallbox.Firmware.ChargePoint;

    /// <summary>The simulated hardware.</summary>
    public VirtualWallboxHardware Hardware => Wallbox.Hardware;

    /// <summary>Virtual time, ms.</summary>
    public long NowMs => Wallbox.NowMs;

    /// <summary>Sets configuration keys (all or nothing), waiting for the store to load first.</summary>
    public void Configure(IDictionary<string, string> values)
    {
        RunUntil(() => Wallbox.Firmware != null && Wallbox.Firmware.Persistent.Configuration.IsLoaded, 5000, "the configuration to load");
        string[] names = values.Keys.ToArray();
        string[] texts = values.Values.ToArray();
        ConfigChangeStatus status = Wallbox.Firmware.Persistent.Configuration.TrySetMany(names, texts, names.Length, out int failing, out string reason);
        Assert.True(status == ConfigChangeStatus.Accepted || status == ConfigChangeStatus.RebootRequired, "configuration refused: " + reason);
    }

    /// <summary>True while the link has something in flight, so virtual time must wait for the network.</summary>
    public bool NetworkBusy
    {
        get
        {
            OcppLink link = Wallbox.Firmware?.Ocpp;
            if (link == null)
            {
                return false;
            }

            OcppConnectionState state = link.Connection.State;
            return state == OcppConnectionState.Connecting || (state == OcppConnectionState.Connected && !link.Rpc.IsIdle);
        }
    }

    /// <summary>Runs until <paramref name="condition"/> holds; fails after <paramref name="virtualTimeoutMs"/> of virtual time or 30 s of real time.</summary>
    public void RunUntil(Func<bool> condition, long virtualTimeoutMs, string what)
    {
        long end = NowMs + virtualTimeoutMs;
        var real = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(NowMs < end && real.ElapsedMilliseconds < 30000, "timed out waiting for " + what + " (virtual " + NowMs + " ms, real " + real.ElapsedMilliseconds + " ms)");
            Step();
        }
    }

    /// <summary>Runs for <paramref name="virtualMs"/> of virtual time.</summary>
    public void Run(long virtualMs)
    {
        long end = NowMs + virtualMs;
        while (NowMs < end)
        {
            Step();
        }
    }

    /// <summary>One loop period; while the network is busy, first waits (up to a few ms) for it.</summary>
    public void Step()
    {
        if (NetworkBusy)
        {
            _socket.WaitForActivity(NetworkWaitMs);
        }

        Wallbox.Step();
    }

    /// <summary>Runs until the central system has accepted the BootNotification of the current boot.</summary>
    public void WaitForAcceptedBoot(long virtualTimeoutMs = 60000)
    {
        RunUntil(() => ChargePoint != null && ChargePoint.Session.Registration == RegistrationState.Accepted, virtualTimeoutMs, "an accepted BootNotification");
    }

    /// <summary>Makes the central system call the charge point and runs until the outcome is known.</summary>
    public CsmsPeerCallOutcome Call(string action, JsonNode payload, long virtualTimeoutMs = 60000)
    {
        string id = Peer.BeginCall(Identity, action, payload);
        PeerEvent outcome = null;
        RunUntil(
            () => (outcome = Peer.Events.Skip(Mark).FirstOrDefault(e => (e.Name == "callResult" || e.Name == "callError") && e.GetString("id") == id)) != null,
            virtualTimeoutMs,
            "the answer to " + action);
        return new CsmsPeerCallOutcome(outcome);
    }

    /// <summary>The payloads of the CALLs <paramref name="action"/> this charge point sent since it was built (or since <paramref name="from"/>).</summary>
    public List<JsonObject> CallsOf(string action, int from = -1) => Peer.Events
        .Skip(from < 0 ? Mark : from)
        .Where(e => e.Is("call", Identity) && e.GetString("action") == action)
        .Select(e => e["payload"] as JsonObject)
        .ToList();

    /// <summary>Runs until the charge point has sent <paramref name="count"/> CALLs <paramref name="action"/> since <paramref name="from"/>.</summary>
    public List<JsonObject> WaitForCalls(string action, int count = 1, int from = -1, long virtualTimeoutMs = 120000)
    {
        RunUntil(() => CallsOf(action, from).Count >= count, virtualTimeoutMs, count + " " + action + " CALL(s)");
        return CallsOf(action, from);
    }

    /// <summary>The StatusNotification statuses of <paramref name="connectorId"/> sent since <paramref name="from"/>.</summary>
    public List<string> StatusesOf(int connectorId, int from = -1) => CallsOf("StatusNotification", from)
        .Where(p => (int)p["connectorId"] == connectorId)
        .Select(p => (string)p["status"])
        .ToList();

    /// <summary>The strict validator rejected nothing this charge point sent or was sent.</summary>
    public void AssertNoSchemaViolations() => Peer.AssertNoValidationFailures(Identity);

    /// <summary>Presents a card at the reader.</summary>
    public void PresentCard(string idTag) => Assert.True(Wallbox.Firmware.IdTags.TryPresent(idTag), "card not taken");

    /// <summary>Plugs the EV in (it closes S2 by itself when offered current).</summary>
    public void PlugIn() => Hardware.PlugInEv();

    /// <summary>Unplugs the EV.</summary>
    public void Unplug() => Hardware.UnplugEv();

    /// <summary>Runs until the contactor is closed and energy flows.</summary>
    public void WaitForCharging(long virtualTimeoutMs = 30000) =>
        RunUntil(() => Wallbox.Firmware.Charging.State == ChargingState.Charging, virtualTimeoutMs, "Charging");

    /// <summary>Stops the socket.</summary>
    public void Dispose()
    {
        _socket.Dispose();
    }

    /// <summary>Forwards the firmware's log to the test output (bounded per scenario by xunit).</summary>
    private sealed class ScenarioLogSink : Wallbox.Hal.ILogSink
    {
        private readonly ITestOutputHelper _output;

        public ScenarioLogSink(ITestOutputHelper output) => _output = output;

        public void Write(long timestampMs, Wallbox.Hal.LogLevel level, string source, string message)
        {
            try
            {
                _output?.WriteLine(timestampMs + " " + level + " " + source + ": " + message);
            }
            catch (InvalidOperationException)
            {
                // The test has finished; its output is closed.
            }
        }
    }
}
