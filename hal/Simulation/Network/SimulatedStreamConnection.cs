using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A byte-stream connection whose far end is the test, in virtual time: the test plays the server byte by byte
/// (<see cref="PeerSend(byte[])"/>, <see cref="PeerReceive"/>), ends the stream (<see cref="PeerClose"/>), breaks it
/// (<see cref="PeerFail"/>), stops reading (<see cref="PeerStalled"/>), hands the client its bytes in small pieces
/// (<see cref="MaxBytesPerRead"/>), and makes connects fail, time out or hang.
/// </summary>
/// <remarks>
/// Bounds as <see cref="IStreamConnection"/> states them: the client's bytes wait in a send buffer of
/// <see cref="SendBufferCapacity"/> until the peer takes them (at every <see cref="Advance"/> and
/// <see cref="PeerReceive"/>, unless stalled), so a stalled peer makes <see cref="TryWrite"/> return 0. What the peer
/// sends is held by the simulated network (unbounded, the test's side) and handed out at most
/// <see cref="ReceiveBufferCapacity"/> bytes per <see cref="TryRead"/>. <see cref="TryRead"/> and <see cref="TryWrite"/>
/// allocate nothing. Single-threaded: the test drives everything.
/// </remarks>
public sealed class SimulatedStreamConnection : IStreamConnection, ISimulatedDevice
{
    private readonly IMonotonicClock _clock;
    private readonly ByteRing _sendBuffer;
    private readonly ByteRing _toClient = new ByteRing(4096);
    private readonly ByteRing _toPeer = new ByteRing(4096);
    private readonly byte[] _scratch = new byte[1024];
    private long _connectStartedUs;
    private int _connectTimeoutMs;

    /// <summary>Creates a closed connection with the given buffer capacities, bytes.</summary>
    public SimulatedStreamConnection(IMonotonicClock clock, int sendBufferCapacity = 4096, int receiveBufferCapacity = 4096)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(receiveBufferCapacity);
        _clock = clock;
        _sendBuffer = new ByteRing(sendBufferCapacity);
        ReceiveBufferCapacity = receiveBufferCapacity;
    }

    /// <inheritdoc />
    public StreamConnectionState State { get; private set; }

    /// <inheritdoc />
    public StreamConnectionError LastError { get; private set; }

    /// <inheritdoc />
    public int SendBufferCapacity => _sendBuffer.Capacity;

    /// <inheritdoc />
    public int ReceiveBufferCapacity { get; }

    /// <summary>Time from <see cref="TryConnect"/> to Open (or to the configured failure), milliseconds.</summary>
    public int ConnectLatencyMs { get; set; } = 20;

    /// <summary>Fault: the TCP connect is refused (<see cref="StreamConnectionError.ConnectFailed"/>).</summary>
    public bool RefuseConnect { get; set; }

    /// <summary>Fault: the TLS handshake of a TLS connect fails (<see cref="StreamConnectionError.TlsFailed"/>).</summary>
    public bool RejectTls { get; set; }

    /// <summary>Fault: the connect never completes; it ends with <see cref="StreamConnectionError.ConnectTimeout"/> after the connect timeout (never when that is 0).</summary>
    public bool HangConnect { get; set; }

    /// <summary>Most bytes one <see cref="TryRead"/> hands out (0: no limit but the receive capacity); 1 delivers byte by byte.</summary>
    public int MaxBytesPerRead { get; set; }

    /// <summary>Fault: the peer stops reading; the client's bytes stay in the send buffer until it fills.</summary>
    public bool PeerStalled { get; set; }

    /// <summary>Host of the last connect.</summary>
    public string LastHost { get; private set; }

    /// <summary>Port of the last connect.</summary>
    public int LastPort { get; private set; }

    /// <summary>TLS flag of the last connect.</summary>
    public bool LastUseTls { get; private set; }

    /// <summary>Trusted root of the last connect.</summary>
    public byte[] LastTrustedRootCertificate { get; private set; }

    /// <summary>Connect attempts since construction.</summary>
    public int ConnectAttempts { get; private set; }

    /// <summary>Times the client called <see cref="Close"/> on a connection that was not Closed.</summary>
    public int CloseCalls { get; private set; }

    /// <summary>Bytes the peer sent that the client has not read yet.</summary>
    public int PendingToClient => _toClient.Count;

    /// <summary>Bytes waiting in the client's send buffer (not yet taken by the peer).</summary>
    public int PendingInSendBuffer => _sendBuffer.Count;

    /// <inheritdoc />
    public bool TryConnect(string host, int port, bool useTls, byte[] trustedRootCertificate, int connectTimeoutMs)
    {
        if (State != StreamConnectionState.Closed)
        {
            return false;
        }

        LastHost = host;
        LastPort = port;
        LastUseTls = useTls;
        LastTrustedRootCertificate = trustedRootCertificate;
        ConnectAttempts++;
        _connectTimeoutMs = connectTimeoutMs;
        _connectStartedUs = _clock.NowUs;
        _sendBuffer.Clear();
        _toClient.Clear();
        _toPeer.Clear();
        LastError = StreamConnectionError.None;
        State = StreamConnectionState.Connecting;
        return true;
    }

    /// <inheritdoc />
    public int TryWrite(byte[] buffer, int offset, int count)
    {
        return State == StreamConnectionState.Open ? _sendBuffer.Write(buffer, offset, count) : 0;
    }

    /// <inheritdoc />
    public int TryRead(byte[] buffer, int offset, int capacity)
    {
        int n = Math.Min(capacity, ReceiveBufferCapacity);
        if (MaxBytesPerRead > 0)
        {
            n = Math.Min(n, MaxBytesPerRead);
        }

        return _toClient.Read(buffer, offset, n);
    }

    /// <inheritdoc />
    public void Close()
    {
        if (State == StreamConnectionState.Open || State == StreamConnectionState.Connecting)
        {
            CloseCalls++;
            State = StreamConnectionState.Closing;
        }
    }

    /// <summary>Peer: sends bytes to the client (the connection must be open).</summary>
    public void PeerSend(byte[] data) => PeerSend(data, 0, data.Length);

    /// <summary>Peer: sends <paramref name="count"/> bytes of <paramref name="data"/> to the client (the connection must be open).</summary>
    public void PeerSend(byte[] data, int offset, int count)
    {
        if (State != StreamConnectionState.Open)
        {
            throw new InvalidOperationException("the connection is not open (" + State + ")");
        }

        _toClient.Grow(count);
        _toClient.Write(data, offset, count);
    }

    /// <summary>Peer: takes every byte the client has written so far (none while <see cref="PeerStalled"/>).</summary>
    public byte[] PeerReceive()
    {
        TakeFromSendBuffer();
        byte[] bytes = new byte[_toPeer.Count];
        _toPeer.Read(bytes, 0, bytes.Length);
        return bytes;
    }

    /// <summary>Peer: ends the stream (TCP FIN). The client can still read what was sent before.</summary>
    public void PeerClose()
    {
        if (State == StreamConnectionState.Open)
        {
            TakeFromSendBuffer();
            LastError = StreamConnectionError.ClosedByPeer;
            State = StreamConnectionState.Closed;
        }
    }

    /// <summary>Peer: the connection breaks (reset, link lost): <see cref="StreamConnectionError.IoError"/>; unread bytes are lost.</summary>
    public void PeerFail()
    {
        if (State == StreamConnectionState.Open)
        {
            _toClient.Clear();
            LastError = StreamConnectionError.IoError;
            State = StreamConnectionState.Closed;
        }
    }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        switch (State)
        {
            case StreamConnectionState.Connecting:
                AdvanceConnect(nowUs);
                break;
            case StreamConnectionState.Open:
                TakeFromSendBuffer();
                break;
            case StreamConnectionState.Closing:
                // An orderly close sends what was accepted (if the peer reads), then ends the stream.
                TakeFromSendBuffer();
                _sendBuffer.Clear();
                _toClient.Clear();
                State = StreamConnectionState.Closed;
                break;
        }
    }

    private void AdvanceConnect(long nowUs)
    {
        long elapsedUs = nowUs - _connectStartedUs;
        if (HangConnect)
        {
            if (_connectTimeoutMs > 0 && elapsedUs >= _connectTimeoutMs * 1000L)
            {
                Fail(StreamConnectionError.ConnectTimeout);
            }

            return;
        }

        if (elapsedUs < ConnectLatencyMs * 1000L)
        {
            return;
        }

        if (RefuseConnect)
        {
            Fail(StreamConnectionError.ConnectFailed);
        }
        else if (RejectTls && LastUseTls)
        {
            Fail(StreamConnectionError.TlsFailed);
        }
        else
        {
            State = StreamConnectionState.Open;
        }
    }

    private void TakeFromSendBuffer()
    {
        if (PeerStalled || _sendBuffer.Count == 0)
        {
            return;
        }

        _toPeer.Grow(_sendBuffer.Count);
        while (_sendBuffer.Count > 0)
        {
            int n = _sendBuffer.Read(_scratch, 0, _scratch.Length);
            _toPeer.Write(_scratch, 0, n);
        }
    }

    private void Fail(StreamConnectionError error)
    {
        LastError = error;
        State = StreamConnectionState.Closed;
    }
}
