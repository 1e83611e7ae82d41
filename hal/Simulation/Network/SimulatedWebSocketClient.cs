using System;
using System.Collections.Generic;
using System.Text;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A WebSocket client whose far end is the test (a scripted central system) instead of a socket, in virtual
/// time. Connecting and every message take configurable latency; the worker can be made to hang, the
/// peer can refuse, drop or go silent (half-open). The bounds of <see cref="IWebSocketClient"/> apply.
/// </summary>
public sealed class SimulatedWebSocketClient : IWebSocketClient, ISimulatedDevice
{
    private readonly Queue<(byte[] Data, long AtUs)> _outgoing = new Queue<(byte[], long)>();
    private readonly Queue<(byte[] Data, bool Truncated)> _incoming = new Queue<(byte[], bool)>();
    private readonly Queue<(byte[] Data, long AtUs)> _inFlightToClient = new Queue<(byte[], long)>();
    private readonly Queue<string> _receivedByPeer = new Queue<string>();
    private readonly IMonotonicClock _clock;
    private WebSocketConnectOptions _options;
    private long _connectStartedUs;
    private long _lastPeerActivityUs;
    private volatile int _state;

    /// <summary>Creates a closed client with the given bounds.</summary>
    public SimulatedWebSocketClient(IMonotonicClock clock, int maxMessageBytes = 8192, int sendQueueCapacity = 4, int receiveQueueCapacity = 4)
    {
        _clock = clock;
        MaxMessageBytes = maxMessageBytes;
        SendQueueCapacity = sendQueueCapacity;
        ReceiveQueueCapacity = receiveQueueCapacity;
    }

    /// <inheritdoc />
    public WebSocketClientState State => (WebSocketClientState)_state;

    /// <inheritdoc />
    public WebSocketCloseReason LastCloseReason { get; private set; }

    /// <inheritdoc />
    public int LastHandshakeStatus { get; private set; }

    /// <inheritdoc />
    public int MaxMessageBytes { get; }

    /// <inheritdoc />
    public int SendQueueCapacity { get; }

    /// <inheritdoc />
    public int ReceiveQueueCapacity { get; }

    /// <inheritdoc />
    public int DroppedReceiveCount { get; private set; }

    /// <summary>Peer: accepts upgrades (else answers <see cref="RejectStatus"/>).</summary>
    public bool PeerAccepts { get; set; } = true;

    /// <summary>Peer: HTTP status of a refused upgrade.</summary>
    public int RejectStatus { get; set; } = 404;

    /// <summary>Peer: the Authorization header value it requires, or null for none.</summary>
    public string PeerRequiredAuthorization { get; set; }

    /// <summary>Peer: subprotocols it speaks; the upgrade fails when the requested one is not among them.</summary>
    public string[] PeerSubProtocols { get; set; } = { "ocpp1.6" };

    /// <summary>Time for a successful connect, milliseconds.</summary>
    public int ConnectLatencyMs { get; set; } = 50;

    /// <summary>One-way message latency, milliseconds.</summary>
    public int MessageLatencyMs { get; set; } = 5;

    /// <summary>Fault: the worker stops making progress (a socket call that never returns).</summary>
    public bool Hung { get; set; }

    /// <summary>Fault: the connection is half-open: nothing crosses in either direction and no close is seen.</summary>
    public bool Silent { get; set; }

    /// <summary>Options of the last connect attempt (what the peer saw).</summary>
    public WebSocketConnectOptions LastOptions => _options;

    /// <summary>Connect attempts since construction.</summary>
    public int ConnectAttempts { get; private set; }

    /// <inheritdoc />
    public bool TryConnect(WebSocketConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (State != WebSocketClientState.Closed)
        {
            return false;
        }

        _options = options;
        _connectStartedUs = _clock.NowUs;
        ConnectAttempts++;
        LastCloseReason = WebSocketCloseReason.None;
        LastHandshakeStatus = 0;
        _outgoing.Clear();
        _incoming.Clear();
        _inFlightToClient.Clear();
        _state = (int)WebSocketClientState.Connecting;
        return true;
    }

    /// <inheritdoc />
    public void Close()
    {
        if (State == WebSocketClientState.Open || State == WebSocketClientState.Connecting)
        {
            _state = (int)WebSocketClientState.Closing;
            LastCloseReason = WebSocketCloseReason.ClosedLocally;
        }
    }

    /// <inheritdoc />
    public bool TrySend(byte[] buffer, int offset, int count)
    {
        if (State != WebSocketClientState.Open || count > MaxMessageBytes || _outgoing.Count >= SendQueueCapacity)
        {
            return false;
        }

        byte[] copy = new byte[count];
        Buffer.BlockCopy(buffer, offset, copy, 0, count);
        _outgoing.Enqueue((copy, _clock.NowUs + MessageLatencyMs * 1000L));
        return true;
    }

    /// <inheritdoc />
    public bool TryReceive(byte[] buffer, int offset, int capacity, out int length, out bool truncated)
    {
        if (_incoming.Count == 0)
        {
            length = 0;
            truncated = false;
            return false;
        }

        (byte[] data, bool cut) = _incoming.Dequeue();
        length = Math.Min(capacity, data.Length);
        Buffer.BlockCopy(data, 0, buffer, offset, length);
        truncated = cut || data.Length > capacity;
        return true;
    }

    /// <summary>Peer: sends a text message to the charge point.</summary>
    public void PeerSend(string text)
    {
        if (State != WebSocketClientState.Open)
        {
            throw new InvalidOperationException("connection is not open");
        }

        _inFlightToClient.Enqueue((Encoding.UTF8.GetBytes(text), _clock.NowUs + MessageLatencyMs * 1000L));
    }

    /// <summary>Peer: sends raw bytes as a text message (possibly not valid UTF-8: a broken or hostile peer).</summary>
    public void PeerSendBytes(byte[] data)
    {
        if (State != WebSocketClientState.Open)
        {
            throw new InvalidOperationException("connection is not open");
        }

        _inFlightToClient.Enqueue(((byte[])data.Clone(), _clock.NowUs + MessageLatencyMs * 1000L));
    }

    /// <summary>Peer: takes the oldest message the charge point sent, if any.</summary>
    public bool TryPeerReceive(out string text) => _receivedByPeer.TryDequeue(out text);

    /// <summary>Peer: closes the connection (close frame or TCP reset).</summary>
    public void PeerClose()
    {
        if (State == WebSocketClientState.Open || State == WebSocketClientState.Connecting)
        {
            _state = (int)WebSocketClientState.Closed;
            LastCloseReason = WebSocketCloseReason.ClosedByPeer;
        }
    }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        if (Hung)
        {
            return;
        }

        switch (State)
        {
            case WebSocketClientState.Connecting:
                AdvanceConnect(nowUs);
                break;
            case WebSocketClientState.Open:
                AdvanceOpen(nowUs);
                break;
            case WebSocketClientState.Closing:
                _state = (int)WebSocketClientState.Closed;
                break;
        }
    }

    private void AdvanceConnect(long nowUs)
    {
        long elapsedUs = nowUs - _connectStartedUs;
        if (_options.ConnectTimeoutMs > 0 && elapsedUs >= _options.ConnectTimeoutMs * 1000L && (Silent || elapsedUs < ConnectLatencyMs * 1000L))
        {
            Fail(WebSocketCloseReason.ConnectTimeout, 0);
            return;
        }

        if (Silent || elapsedUs < ConnectLatencyMs * 1000L)
        {
            return;
        }

        if (!PeerAccepts)
        {
            Fail(WebSocketCloseReason.HandshakeRejected, RejectStatus);
        }
        else if (PeerRequiredAuthorization != null && PeerRequiredAuthorization != _options.Authorization)
        {
            Fail(WebSocketCloseReason.HandshakeRejected, 401);
        }
        else if (_options.SubProtocol != null && Array.IndexOf(PeerSubProtocols, _options.SubProtocol) < 0)
        {
            LastHandshakeStatus = 101;
            Fail(WebSocketCloseReason.SubProtocolRefused, 101);
        }
        else
        {
            LastHandshakeStatus = 101;
            _lastPeerActivityUs = nowUs;
            _state = (int)WebSocketClientState.Open;
        }
    }

    private void AdvanceOpen(long nowUs)
    {
        if (Silent)
        {
            if (_options.PeerTimeoutMs > 0 && nowUs - _lastPeerActivityUs >= _options.PeerTimeoutMs * 1000L)
            {
                Fail(WebSocketCloseReason.PeerTimeout, LastHandshakeStatus);
            }

            return;
        }

        // A responsive peer answers pings, so the link counts as alive.
        _lastPeerActivityUs = nowUs;
        while (_outgoing.Count > 0 && _outgoing.Peek().AtUs <= nowUs)
        {
            _receivedByPeer.Enqueue(Encoding.UTF8.GetString(_outgoing.Dequeue().Data));
        }

        while (_inFlightToClient.Count > 0 && _inFlightToClient.Peek().AtUs <= nowUs)
        {
            byte[] data = _inFlightToClient.Dequeue().Data;
            if (_incoming.Count >= ReceiveQueueCapacity)
            {
                DroppedReceiveCount++;
                continue;
            }

            bool truncated = data.Length > MaxMessageBytes;
            if (truncated)
            {
                Array.Resize(ref data, MaxMessageBytes);
            }

            _incoming.Enqueue((data, truncated));
        }
    }

    private void Fail(WebSocketCloseReason reason, int status)
    {
        LastCloseReason = reason;
        LastHandshakeStatus = status;
        _state = (int)WebSocketClientState.Closed;
    }
}
