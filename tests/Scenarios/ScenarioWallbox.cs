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
using Wallbox.Hal;
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

    /// <summary>Real time without any activity on the wire while an answer is awaited after which the peer counts as silent, ms.</summary>
    private const int SilentPeerMs = 5000;

    private readonly ITestOutputHelper _output;
    private readonly HostWebSocketClient _socket;
    private readonly Stopwatch _awaitedSince = Stopwatch.StartNew();
    private readonly List<PeerEvent> _newEvents = new List<PeerEvent>();
    private readonly List<PeerEvent> _events = new List<PeerEvent>();
    private int _scannedEvents;
    private string _awaitedMessageId;
    private DateTime? _worldBaseUtc;
    private bool _paceToNetwork;

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
        _scannedEvents = Mark;
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

    /// <summary>The firmware's OCPP charge point (replaced at every boot; null while the board is unpowered).</summary>
    public OcppChargePoint ChargePoint => Wallbox.Firmware?.ChargePoint;

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

            // The transport is connecting or closing (a wait between attempts is not network work), or a frame is
            // queued or awaited on an open connection.
            WebSocketClientState socket = _socket.State;
            if (socket == WebSocketClientState.Connecting || socket == WebSocketClientState.Closing)
            {
                return true;
            }

            return link.Connection.State == OcppConnectionState.Connected && !link.Rpc.IsIdle;
        }
    }

    /// <summary>Runs until <paramref name="condition"/> holds; fails after <paramref name="virtualTimeoutMs"/> of virtual time or 30 s of real time.</summary>
    public void RunUntil(Func<bool> condition, long virtualTimeoutMs, string what)
    {
        long end = NowMs + virtualTimeoutMs;
        var real = Stopwatch.StartNew();
        while (!condition())
        {
            if (!(NowMs < end && real.ElapsedMilliseconds < 30000))
            {
                Assert.Fail("timed out waiting for " + what + " (virtual " + NowMs + " ms, real " + real.ElapsedMilliseconds + " ms)\n" + Diagnostics());
            }
            Step();
        }
    }

    /// <summary>What the link and the peer were doing (for a timeout's message).</summary>
    public string Diagnostics()
    {
        var rpc = Wallbox.Firmware?.Ocpp?.Rpc;
        string text = "link " + Wallbox.Firmware?.Ocpp?.Connection.State + ", socket " + _socket.State + ", dropped frames " + _socket.DroppedReceiveCount
            + ", outstanding " + rpc?.Outstanding?.Request.Action + " " + rpc?.Outstanding?.MessageId + ", queued " + rpc?.QueuedCount
            + ", sent " + rpc?.Statistics.CallsSent + ", completed " + rpc?.Statistics.CallsCompleted + "\nlast events:\n";
        foreach (PeerEvent e in Events.Skip(Math.Max(0, Events.Count - 8)))
        {
            text += "  " + e.Line.Substring(0, Math.Min(160, e.Line.Length)) + "\n";
        }

        return text;
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
        if (_paceToNetwork || NetworkBusy)
        {
            // The peer gets real time for each answer, but a peer that stays silent for one call (SetNoReply, a dropped
            // answer) no longer holds virtual time back after SilentPeerMs of real time: the firmware's own timeout
            // (30 s virtual) then fires in milliseconds. Judged per messageId: OcppCall objects are reused.
            string awaited = Wallbox.Firmware?.Ocpp?.Rpc.Outstanding?.MessageId;
            if (awaited != _awaitedMessageId)
            {
                _awaitedMessageId = awaited;
                _awaitedSince.Restart();
            }

            bool silentPeer = awaited != null && _awaitedSince.ElapsedMilliseconds >= SilentPeerMs;
            if (!silentPeer)
            {
                _socket.WaitForActivity(NetworkWaitMs);
            }
        }

        Wallbox.Step();
        if (_worldBaseUtc == null && Hardware.WallClock.IsValid)
        {
            _worldBaseUtc = Hardware.WallClock.UtcNow.AddMilliseconds(-NowMs);
        }
    }

    /// <summary>
    /// Makes the central system unreachable for this charge point: from now on it requires a password the charge point
    /// does not have, and it closes the connection, so every reconnection is refused with HTTP 401. Runs until the
    /// link is down.
    /// </summary>
    public void DisconnectCentralSystem()
    {
        int mark = Peer.EventCount;
        Peer.SetPassword(Identity, "not-the-password-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Peer.CloseConnection(Identity);
        Peer.WaitForDisconnected(Identity, mark);

        // Nothing is in flight, so virtual time would not wait for the close to reach the socket: pace it to the wire.
        _paceToNetwork = true;
        try
        {
            RunUntil(() => ChargePoint != null && !ChargePoint.Session.IsConnected, 30_000, "the link to drop");
        }
        finally
        {
            _paceToNetwork = false;
        }
    }

    /// <summary>Lets the charge point in again (no password) and runs until it is connected and accepted (the back-off reaches 300 s).</summary>
    public void ReconnectCentralSystem(long virtualTimeoutMs = 400_000)
    {
        Peer.SetPassword(Identity, null);
        RunUntil(() => ChargePoint != null && ChargePoint.Session.IsOnline, virtualTimeoutMs, "the charge point to be online again");
    }

    /// <summary>Runs until the central system has accepted the BootNotification of the current boot.</summary>
    public void WaitForAcceptedBoot(long virtualTimeoutMs = 60000)
    {
        RunUntil(() => ChargePoint != null && ChargePoint.Session.Registration == RegistrationState.Accepted, virtualTimeoutMs, "an accepted BootNotification");
    }

    /// <summary>
    /// This charge point's events at the central system from its construction on (and the outcomes of the calls made
    /// to it), fetched incrementally: conditions checked every step must not copy the peer's whole event list.
    /// </summary>
    public List<PeerEvent> Events
    {
        get
        {
            _newEvents.Clear();
            _scannedEvents = Peer.CopyEventsSince(_scannedEvents, _newEvents);
            foreach (PeerEvent e in _newEvents)
            {
                if (e.GetString("identity") == Identity)
                {
                    _events.Add(e);
                }
            }

            return _events;
        }
    }

    /// <summary>
    /// Makes the central system call the charge point and runs until the outcome is known, paced to the wire both ways
    /// (<see cref="CentralSystemCalls.CallPaced"/>): virtual time does not run while the request or the answer travels.
    /// </summary>
    public CsmsPeerCallOutcome Call(string action, JsonNode payload, long virtualTimeoutMs = 60000) => this.CallPaced(action, payload, virtualTimeoutMs);

    /// <summary>The payloads of the CALLs <paramref name="action"/> this charge point sent since it was built (or since <paramref name="from"/>).</summary>
    public List<JsonObject> CallsOf(string action, int from = -1) => Events
        .Where(e => e.Index >= from && e.Is("call", Identity) && e.GetString("action") == action)
        .Select(e => e["payload"] as JsonObject)
        .ToList();

    /// <summary>Runs until the charge point has sent <paramref name="count"/> CALLs <paramref name="action"/> since <paramref name="from"/>.</summary>
    public List<JsonObject> WaitForCalls(string action, int count = 1, int from = -1, long virtualTimeoutMs = 120000)
    {
        RunUntil(() => CallsOf(action, from).Count >= count, virtualTimeoutMs, count + " " + action + " CALL(s)");
        return CallsOf(action, from);
    }

    /// <summary>
    /// The transaction-related CALLs (StartTransaction, MeterValues with a transactionId, StopTransaction) this charge
    /// point sent since <paramref name="from"/>, in wire order, each with the central system's answer (null while none).
    /// </summary>
    public List<ScenarioTransactionCall> TransactionCalls(int from = -1)
    {
        var events = Events.Where(e => e.Index >= from).ToList();
        var replies = events
            .Where(e => e.Is("replied", Identity))
            .GroupBy(e => e.GetString("messageId"))
            .ToDictionary(g => g.Key, g => g.Last());
        var calls = new List<ScenarioTransactionCall>();
        foreach (PeerEvent call in events.Where(e => e.Is("call", Identity)))
        {
            string action = call.GetString("action");
            var payload = call["payload"] as JsonObject;
            if (action == "StartTransaction" || action == "StopTransaction" || (action == "MeterValues" && payload?["transactionId"] != null))
            {
                replies.TryGetValue(call.GetString("messageId"), out PeerEvent reply);
                calls.Add(new ScenarioTransactionCall(action, payload, call.GetString("messageId"), reply));
            }
        }

        return calls;
    }

    /// <summary>
    /// Cuts the mains (<see cref="VirtualWallboxHardware.CutPower"/>): the board stops, RAM and the time of day are lost,
    /// and its TCP connection goes with it (the socket is closed, as the central system would see it time out).
    /// </summary>
    public void CutPower()
    {
        Hardware.CutPower();
        _socket.Close();
    }

    /// <summary>Restores the mains; the firmware boots afresh on the next step.</summary>
    public void RestorePower() => Hardware.RestorePower();

    /// <summary>
    /// The time of the world around the charge point: its clock as the first accepted BootNotification set it, carried
    /// on in virtual time (what a clock that survives every power cut would show). Null before that boot.
    /// </summary>
    public DateTime? WorldUtc => _worldBaseUtc?.AddMilliseconds(NowMs);

    /// <summary>
    /// From now on the central system answers this charge point's BootNotification Accepted with <see cref="WorldUtc"/>
    /// as it is now (its default answer carries the real time, which lags the virtual clock of a scenario that ran
    /// hours in seconds). Call it just before the boot that should get it.
    /// </summary>
    public void AnswerBootWithWorldTime()
    {
        Assert.True(_worldBaseUtc != null, "no accepted boot yet: the world time is unknown");
        Peer.SetReply("BootNotification", new JsonObject
        {
            ["status"] = "Accepted",
            ["currentTime"] = WorldUtc.Value.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["interval"] = 300,
        }, Identity);
    }

    /// <summary>The virtual times (ms) of the firmware's log lines containing <paramref name="text"/>, over every boot.</summary>
    public List<long> LogTimes(string text) => Wallbox.Log.Entries
        .Where(e => e.Message.Contains(text, StringComparison.Ordinal))
        .Select(e => e.TimestampMs)
        .ToList();

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

/// <summary>One transaction-related CALL of a charge point and the central system's answer to it (the <c>replied</c> event, or null).</summary>
public sealed record ScenarioTransactionCall(string Action, JsonObject Payload, string MessageId, PeerEvent Reply)
{
    /// <summary>The answer's payload (null when unanswered or answered with a CALLERROR).</summary>
    public JsonObject ReplyPayload => Reply != null && Reply.GetString("mode") == "payload" ? Reply["payload"] as JsonObject : null;

    /// <summary>The time the message carries: StartTransaction/StopTransaction timestamp, or the first meterValue's.</summary>
    public DateTimeOffset Timestamp => DateTimeOffset.Parse(
        Action == "MeterValues" ? (string)Payload["meterValue"]![0]!["timestamp"] : (string)Payload["timestamp"],
        System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The transactionId the message carries (0 for StartTransaction).</summary>
    public int TransactionId => Payload["transactionId"] != null ? (int)Payload["transactionId"] : 0;
}
