using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;

namespace Wallbox.Tests.Peers;

/// <summary>
/// The real strict central system: ocpp-rpc (npm, pinned) in strict mode, tests/Peers/ocpp-csms/csms.js, on
/// 127.0.0.1 at an ephemeral port. Every CALL and CALLRESULT crossing it is validated against the OCPP 1.6 JSON
/// schemas; <see cref="AssertNoValidationFailures"/> is the oracle.
/// </summary>
/// <remarks>See tests/Peers/README.md for the control protocol, the events and the facts about ocpp-rpc.</remarks>
public sealed class CsmsPeer : IDisposable
{
    /// <summary>The peer's folder under tests/Peers.</summary>
    public const string FolderName = "ocpp-csms";

    /// <summary>The script in <see cref="FolderName"/>.</summary>
    public const string ScriptName = "csms.js";

    /// <summary>Default wait for an event, milliseconds (frames take 2–10 ms; this is generous on a loaded machine).</summary>
    public const int DefaultTimeoutMs = 5000;

    /// <summary>Wait for the peer to report it is listening, milliseconds (it starts in about 0.4 s).</summary>
    public const int StartTimeoutMs = 20000;

    private int _nextCommandId;

    /// <summary>The node process (null before <see cref="Start"/>).</summary>
    public NodePeerProcess Node { get; private set; }

    /// <summary>The port it listens on (0 before <see cref="Start"/>).</summary>
    public int Port { get; private set; }

    /// <summary>True when it serves wss://.</summary>
    public bool UsesTls { get; private set; }

    /// <summary>The central-system URL with a trailing slash (<c>ws://127.0.0.1:&lt;port&gt;/</c> or wss://); add the identity.</summary>
    public string Url => (UsesTls ? "wss" : "ws") + "://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + "/";

    /// <summary>Number of events so far: a mark for the <c>fromIndex</c> of the waiting helpers.</summary>
    public int EventCount => Node.EventCount;

    /// <summary>Every event so far.</summary>
    public IReadOnlyList<PeerEvent> Events => Node.Events;

    /// <summary>True while <see cref="Suspend"/> holds the process stopped.</summary>
    public bool IsSuspended => Node != null && Node.IsSuspended;

    /// <summary>Appends the events from <paramref name="fromIndex"/> on to <paramref name="into"/>; returns the index after the last.</summary>
    public int CopyEventsSince(int fromIndex, List<PeerEvent> into) => Node.CopyEventsSince(fromIndex, into);

    /// <summary>The <c>strictValidationFailure</c> events so far.</summary>
    public IReadOnlyList<PeerEvent> ValidationFailures
    {
        get
        {
            List<PeerEvent> failures = new List<PeerEvent>();
            foreach (PeerEvent e in Node.Events)
            {
                if (e.Name == "strictValidationFailure")
                {
                    failures.Add(e);
                }
            }

            return failures;
        }
    }

    /// <summary>The URL for one charge point: <see cref="Url"/> + identity (URL-escaped).</summary>
    public string UrlFor(string identity) => Url + Uri.EscapeDataString(identity);

    /// <summary>Starts the central system (installing its npm packages first if needed) and returns its port.</summary>
    /// <exception cref="PeerException">Node.js is missing, the install failed or the peer did not start.</exception>
    public int Start(CsmsPeerOptions options = null)
    {
        if (Node != null)
        {
            throw new InvalidOperationException("already started");
        }

        options ??= new CsmsPeerOptions();
        List<string> arguments = new List<string>(options.ToArguments());
        Node = new NodePeerProcess(RepositoryRoot.PeerFolder(FolderName), ScriptName, arguments.ToArray());
        Node.Start();
        PeerEvent listening = Node.WaitFor(
            e => e.Name == "listening" || e.Name == "fatal", TimeSpan.FromMilliseconds(StartTimeoutMs), "the central system to listen");
        if (listening.Name == "fatal")
        {
            throw new PeerException("The central system did not start: " + listening.GetString("message") + "\n" + Node.Describe());
        }

        Port = (int)listening.GetInteger("port");
        UsesTls = listening.GetBoolean("tls") == true;
        return Port;
    }

    /// <summary>Waits for an event at or after <paramref name="fromIndex"/> matching <paramref name="predicate"/>.</summary>
    public PeerEvent WaitFor(Func<PeerEvent, bool> predicate, string description, int fromIndex = 0, int timeoutMs = DefaultTimeoutMs) =>
        Node.WaitFor(predicate, TimeSpan.FromMilliseconds(timeoutMs), description, fromIndex);

    /// <summary>Waits for <c>connected</c> of <paramref name="identity"/>.</summary>
    public PeerEvent WaitForConnected(string identity, int fromIndex = 0, int timeoutMs = DefaultTimeoutMs) =>
        WaitFor(e => e.Is("connected", identity), "'connected' of " + identity, fromIndex, timeoutMs);

    /// <summary>Waits for <c>rejected</c> (refused upgrade) of <paramref name="identity"/>.</summary>
    public PeerEvent WaitForRejected(string identity, int fromIndex = 0, int timeoutMs = DefaultTimeoutMs) =>
        WaitFor(e => e.Is("rejected", identity), "'rejected' of " + identity, fromIndex, timeoutMs);

    /// <summary>Waits for <c>disconnected</c> of <paramref name="identity"/>.</summary>
    public PeerEvent WaitForDisconnected(string identity, int fromIndex = 0, int timeoutMs = DefaultTimeoutMs) =>
        WaitFor(e => e.Is("disconnected", identity), "'disconnected' of " + identity, fromIndex, timeoutMs);

    /// <summary>Waits for a CALL <paramref name="action"/> from <paramref name="identity"/>.</summary>
    public PeerEvent WaitForCall(string identity, string action, int fromIndex = 0, int timeoutMs = DefaultTimeoutMs) =>
        WaitFor(e => e.Is("call", identity) && e.GetString("action") == action, "a " + action + " CALL from " + identity, fromIndex, timeoutMs);

    /// <summary>Waits for the server's answer (<c>replied</c>) to the charge point's CALL <paramref name="messageId"/>.</summary>
    public PeerEvent WaitForReplied(string identity, string messageId, int fromIndex = 0, int timeoutMs = DefaultTimeoutMs) =>
        WaitFor(e => e.Is("replied", identity) && e.GetString("messageId") == messageId, "the reply to " + messageId, fromIndex, timeoutMs);

    /// <summary>Makes the server call the charge point and returns the command id to wait for with <see cref="WaitForCallOutcome"/>.</summary>
    public string BeginCall(string identity, string action, JsonNode payload, int callTimeoutMs = 0)
    {
        JsonObject command = Command("call");
        command["identity"] = identity;
        command["action"] = action;
        command["payload"] = payload?.DeepClone() ?? new JsonObject();
        if (callTimeoutMs > 0)
        {
            command["timeoutMs"] = callTimeoutMs;
        }

        Execute(command);
        return command["id"].GetValue<string>();
    }

    /// <summary>Waits for the end of the call <paramref name="callId"/> (from <see cref="BeginCall"/>).</summary>
    public CsmsPeerCallOutcome WaitForCallOutcome(string callId, int timeoutMs = DefaultTimeoutMs) =>
        new CsmsPeerCallOutcome(WaitFor(
            e => (e.Name == "callResult" || e.Name == "callError") && e.GetString("id") == callId, "the outcome of call " + callId, 0, timeoutMs));

    /// <summary>Makes the server call the charge point and waits for the outcome.</summary>
    public CsmsPeerCallOutcome Call(string identity, string action, JsonNode payload, int timeoutMs = DefaultTimeoutMs) =>
        WaitForCallOutcome(BeginCall(identity, action, payload, timeoutMs), timeoutMs + 1000);

    /// <summary>Sends <paramref name="text"/> as one text frame to the charge point, as is (malformed input allowed).</summary>
    public void SendRaw(string identity, string text)
    {
        JsonObject command = Command("sendRaw");
        command["identity"] = identity;
        command["text"] = text;
        Execute(command);
    }

    /// <summary>From now on the server answers CALLs <paramref name="action"/> with <paramref name="payload"/> (for every identity, or one).</summary>
    public void SetReply(string action, JsonNode payload, string identity = null)
    {
        JsonObject command = ReplyCommand(action, "payload", identity);
        command["payload"] = payload?.DeepClone() ?? new JsonObject();
        Execute(command);
    }

    /// <summary>From now on the server answers CALLs <paramref name="action"/> with a CALLERROR (1.6 spelling on the wire, e.g. FormationViolation).</summary>
    public void SetReplyError(string action, string errorCode, string description = null, string identity = null)
    {
        JsonObject command = ReplyCommand(action, "error", identity);
        command["code"] = errorCode;
        if (description != null)
        {
            command["description"] = description;
        }

        Execute(command);
    }

    /// <summary>From now on the server does not answer CALLs <paramref name="action"/> at all (timeout tests).</summary>
    public void SetNoReply(string action, string identity = null) => Execute(ReplyCommand(action, "none", identity));

    /// <summary>Back to the default confirmation for <paramref name="action"/>.</summary>
    public void ResetReply(string action, string identity = null) => Execute(ReplyCommand(action, "default", identity));

    /// <summary>Closes the connection of <paramref name="identity"/> from the server side (force: drop TCP without a close frame).</summary>
    public void CloseConnection(string identity, int code = 1000, string reason = null, bool force = false)
    {
        JsonObject command = Command("close");
        command["identity"] = identity;
        command["code"] = code;
        if (reason != null)
        {
            command["reason"] = reason;
        }

        command["force"] = force;
        Execute(command);
    }

    /// <summary>Requires <paramref name="password"/> (Basic auth) from <paramref name="identity"/> on its next upgrades; null: none.</summary>
    public void SetPassword(string identity, string password)
    {
        JsonObject command = Command("setPassword");
        command["identity"] = identity;
        command["password"] = password;
        Execute(command);
    }

    /// <summary>Stops the server gracefully (close frames 1001 to every client); the process exits.</summary>
    public void Stop()
    {
        Node.Send(Command("stop"));
        Node.WaitFor(e => e.Name == "stopped", TimeSpan.FromMilliseconds(DefaultTimeoutMs), "the central system to stop");
    }

    /// <summary>
    /// The oracle: throws when the strict validator rejected anything either way (a CALL or CALLRESULT from the
    /// charge point, or one of the server's own answers), on any connection or only on <paramref name="identity"/>'s.
    /// </summary>
    /// <exception cref="PeerException">At least one <c>strictValidationFailure</c> event occurred; the message lists them.</exception>
    public void AssertNoValidationFailures(string identity = null)
    {
        List<PeerEvent> failures = new List<PeerEvent>();
        foreach (PeerEvent failure in ValidationFailures)
        {
            if (identity == null || failure.GetString("identity") == identity)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        StringBuilder text = new StringBuilder();
        text.Append(failures.Count).Append(" OCPP 1.6 strict validation failure(s) at the central system");
        text.Append(identity == null ? string.Empty : " for " + identity).Append(":\n");
        foreach (PeerEvent failure in failures)
        {
            text.Append("  ").Append(failure.Line).Append('\n');
        }

        throw new PeerException(text.ToString());
    }

    /// <summary>
    /// Stops the node process (SIGSTOP): a silently dead peer that keeps its TCP connections open. The kernel still
    /// acknowledges TCP data, but nothing is answered, not even pings.
    /// </summary>
    public void Suspend() => Node.Signal(NodePeerProcess.SigStop);

    /// <summary>Lets a suspended process go on (SIGCONT).</summary>
    public void Resume() => Node.Signal(NodePeerProcess.SigCont);

    /// <summary>Kills the process (its connections are reset by the kernel).</summary>
    public void Kill() => Node.Kill();

    /// <summary>Stops the process (resuming it first is not needed: a suspended one is killed).</summary>
    public void Dispose() => Node?.Dispose();

    private JsonObject Command(string name)
    {
        int id = Interlocked.Increment(ref _nextCommandId);
        return new JsonObject { ["cmd"] = name, ["id"] = "cmd-" + id.ToString(CultureInfo.InvariantCulture) };
    }

    private JsonObject ReplyCommand(string action, string mode, string identity)
    {
        JsonObject command = Command("setReply");
        command["action"] = action;
        command["mode"] = mode;
        if (identity != null)
        {
            command["identity"] = identity;
        }

        return command;
    }

    // Sends a command and waits for its ack, so that what it changes is in force before the test goes on.
    private void Execute(JsonObject command)
    {
        if (Node.IsSuspended)
        {
            throw new InvalidOperationException("the central system is suspended; Resume() first");
        }

        string id = command["id"].GetValue<string>();
        int mark = Node.EventCount;
        Node.Send(command);
        PeerEvent answer = Node.WaitFor(
            e => (e.Name == "ack" || e.Name == "error") && e.GetString("id") == id,
            TimeSpan.FromMilliseconds(DefaultTimeoutMs), "the answer to " + command.ToJsonString(), mark);
        if (answer.Name == "error")
        {
            throw new PeerException("The central system refused " + command.ToJsonString() + ": " + answer.GetString("message"));
        }
    }
}
