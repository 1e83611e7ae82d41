using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A real WebSocket client on the host (System.Net.WebSockets.ClientWebSocket over real sockets): the virtual
/// wallbox talking to a real central system, and the transport the peer tests exercise.
/// </summary>
/// <remarks>
/// <para>Threads: each connection attempt runs on one worker task (connect, then a receive loop and a send loop);
/// the loop-facing members (<see cref="State"/>, <see cref="TryConnect"/>, <see cref="Close"/>,
/// <see cref="TrySend"/>, <see cref="TryReceive"/>) only take a short lock around the queues and never wait for I/O.</para>
/// <para>Bounds, as <see cref="IWebSocketClient"/> states them: at most <see cref="SendQueueCapacity"/> queued outgoing
/// messages (<see cref="TrySend"/> returns false when full, too long or not open); at most
/// <see cref="ReceiveQueueCapacity"/> incoming messages (further ones are dropped and counted in
/// <see cref="DroppedReceiveCount"/>); an incoming message longer than <see cref="MaxMessageBytes"/> (also when
/// fragmented) is cut to that length and flagged truncated; the rest of it is read and discarded.</para>
/// <para>Mapping to <see cref="WebSocketCloseReason"/>:</para>
/// <list type="bullet">
/// <item>Open only after a 101 that selected the requested subprotocol: ClientWebSocket accepts a 101 without
/// <c>Sec-WebSocket-Protocol</c>, so the client checks it itself and otherwise fails the connection (RFC 6455 §4.1:
/// close 1002) with <see cref="WebSocketCloseReason.SubProtocolRefused"/> and <see cref="LastHandshakeStatus"/> 101.</item>
/// <item><see cref="WebSocketCloseReason.HandshakeRejected"/>: the upgrade was answered with another status
/// (<c>CollectHttpResponseDetails</c> makes it observable; e.g. 401 for a wrong Basic-auth password).</item>
/// <item><see cref="WebSocketCloseReason.TlsFailed"/>: TLS handshake or certificate validation failed, or the trusted
/// root cannot be parsed. With <see cref="WebSocketConnectOptions.TrustedRootCertificate"/> the server chain must end
/// at that root and nothing else (X509ChainTrustMode.CustomRootTrust); the host name is checked as usual.</item>
/// <item><see cref="WebSocketCloseReason.ConnectFailed"/>: an unusable URL, name resolution or TCP connect failed
/// (and any other connect failure that is none of the above).</item>
/// <item><see cref="WebSocketCloseReason.ConnectTimeout"/>: DNS, TCP, TLS and the upgrade together took longer than
/// <see cref="WebSocketConnectOptions.ConnectTimeoutMs"/> (0: no limit).</item>
/// <item><see cref="WebSocketCloseReason.PeerTimeout"/>: with <see cref="WebSocketConnectOptions.PingIntervalMs"/> &gt; 0,
/// ClientWebSocket sends a ping every PingIntervalMs (KeepAliveInterval) and aborts when its pong has not come within
/// KeepAliveTimeout = PeerTimeoutMs − PingIntervalMs (at least <see cref="MinPongTimeoutMs"/>), so a dead peer is
/// noticed about PeerTimeoutMs after its last sign of life (measured against a SIGSTOPped central system, with 0.5 s
/// pings and a 2 s peer timeout: 2.1–2.3 s, also while a send is stuck in full socket buffers). Without pings,
/// no message received for PeerTimeoutMs since the open (a receive-idle timer) counts as dead, so then a quiet peer
/// is dead too (ClientWebSocket answers the server's pings itself and does not show them). ClientWebSocket pings at
/// every interval whatever else crosses; with PeerTimeoutMs 0 it sends unsolicited pongs instead (RFC 6455 §5.5.3),
/// which keep the connection alive but expect no answer.</item>
/// <item><see cref="WebSocketCloseReason.ProtocolError"/>: ClientWebSocket failed the connection for a framing
/// violation (RFC 6455 §7.1.7), or the 101 answer itself was invalid.</item>
/// <item><see cref="WebSocketCloseReason.ClosedByPeer"/>: a close frame from the peer, or the connection ended otherwise.
/// <see cref="WebSocketCloseReason.ClosedLocally"/>: <see cref="Close"/>. The first reason recorded for a connection stays.</item>
/// </list>
/// <para>Close: <see cref="Close"/> drops queued outgoing messages, sends a close frame (1000) and waits up to
/// <see cref="CloseHandshakeTimeoutMs"/> for the peer's; a peer's close frame is answered the same way (RFC 6455 §5.5.1).
/// The state is Closing meanwhile and Closed once the socket is gone.</para>
/// </remarks>
public sealed class HostWebSocketClient : IWebSocketClient, IDisposable
{
    /// <summary>Longest wait for the close handshake (and for a send in progress at a close), milliseconds.</summary>
    public const int CloseHandshakeTimeoutMs = 5000;

    /// <summary>Smallest pong timeout handed to ClientWebSocket (KeepAliveTimeout), milliseconds.</summary>
    public const int MinPongTimeoutMs = 1000;

    /// <summary>Longest interval between two checks of the receive-idle timer (used without pings), milliseconds.</summary>
    public const int IdleCheckIntervalMs = 250;

    private const int HandshakeAcceptedStatus = 101;
    private const string SubProtocolHeader = "Sec-WebSocket-Protocol";
    private const string AuthorizationHeader = "Authorization";

    private readonly object _gate = new object();

    // Guarded by _gate.
    private readonly Queue<byte[]> _sendQueue;
    private readonly Queue<(byte[] Data, bool Truncated)> _receiveQueue;
    private readonly ManualResetEventSlim _activity = new ManualResetEventSlim(false);
    private WebSocketCloseReason _lastCloseReason;
    private int _lastHandshakeStatus;
    private int _droppedReceiveCount;
    private Attempt _attempt;
    private bool _disposed;

    // Written under _gate, read without it (the loop polls it every tick).
    private int _state;

    /// <summary>Creates a closed client with the given bounds (the defaults are those of <see cref="SimulatedWebSocketClient"/>).</summary>
    /// <param name="maxMessageBytes">Largest message sent or delivered whole, bytes.</param>
    /// <param name="sendQueueCapacity">Outgoing messages buffered.</param>
    /// <param name="receiveQueueCapacity">Incoming messages buffered.</param>
    public HostWebSocketClient(int maxMessageBytes = 8192, int sendQueueCapacity = 4, int receiveQueueCapacity = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxMessageBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sendQueueCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(receiveQueueCapacity);
        MaxMessageBytes = maxMessageBytes;
        SendQueueCapacity = sendQueueCapacity;
        ReceiveQueueCapacity = receiveQueueCapacity;
        _sendQueue = new Queue<byte[]>(sendQueueCapacity);
        _receiveQueue = new Queue<(byte[], bool)>(receiveQueueCapacity);
    }

    /// <inheritdoc />
    public WebSocketClientState State => (WebSocketClientState)Volatile.Read(ref _state);

    /// <inheritdoc />
    public WebSocketCloseReason LastCloseReason
    {
        get
        {
            lock (_gate)
            {
                return _lastCloseReason;
            }
        }
    }

    /// <inheritdoc />
    public int LastHandshakeStatus
    {
        get
        {
            lock (_gate)
            {
                return _lastHandshakeStatus;
            }
        }
    }

    /// <inheritdoc />
    public int MaxMessageBytes { get; }

    /// <inheritdoc />
    public int SendQueueCapacity { get; }

    /// <inheritdoc />
    public int ReceiveQueueCapacity { get; }

    /// <inheritdoc />
    public int DroppedReceiveCount
    {
        get
        {
            lock (_gate)
            {
                return _droppedReceiveCount;
            }
        }
    }

    /// <summary>The subprotocol the server selected on the current or last connection (null for none).</summary>
    public string NegotiatedSubProtocol { get; private set; }

    /// <inheritdoc />
    public bool TryConnect(WebSocketConnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Attempt attempt;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state != (int)WebSocketClientState.Closed)
            {
                return false;
            }

            attempt = new Attempt(options);
            _attempt = attempt;
            _lastCloseReason = WebSocketCloseReason.None;
            _lastHandshakeStatus = 0;
            _sendQueue.Clear();
            _receiveQueue.Clear();
            NegotiatedSubProtocol = null;
            SetState(WebSocketClientState.Connecting);
        }

        _ = Task.Run(() => RunAsync(attempt));
        return true;
    }

    /// <inheritdoc />
    public void Close()
    {
        Attempt attempt;
        lock (_gate)
        {
            if (_state != (int)WebSocketClientState.Open && _state != (int)WebSocketClientState.Connecting)
            {
                return;
            }

            RecordReasonLocked(WebSocketCloseReason.ClosedLocally);
            SetState(WebSocketClientState.Closing);
            _sendQueue.Clear();
            attempt = _attempt;
        }

        attempt.RequestClose();
    }

    /// <inheritdoc />
    public bool TrySend(byte[] buffer, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Attempt attempt;
        lock (_gate)
        {
            if (_state != (int)WebSocketClientState.Open || count < 0 || count > MaxMessageBytes || _sendQueue.Count >= SendQueueCapacity)
            {
                return false;
            }

            byte[] copy = new byte[count];
            Buffer.BlockCopy(buffer, offset, copy, 0, count);
            _sendQueue.Enqueue(copy);
            attempt = _attempt;
        }

        attempt.SendSignal.Release();
        return true;
    }

    /// <inheritdoc />
    public bool TryReceive(byte[] buffer, int offset, int capacity, out int length, out bool truncated)
    {
        lock (_gate)
        {
            if (_receiveQueue.Count == 0)
            {
                length = 0;
                truncated = false;
                return false;
            }

            (byte[] data, bool cut) = _receiveQueue.Dequeue();
            length = Math.Min(capacity, data.Length);
            Buffer.BlockCopy(data, 0, buffer, offset, length);
            truncated = cut || data.Length > capacity;
            return true;
        }
    }

    /// <summary>Abandons any connection at once (no close handshake) and refuses further connects.</summary>
    public void Dispose()
    {
        Attempt attempt;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_state == (int)WebSocketClientState.Open || _state == (int)WebSocketClientState.Connecting)
            {
                RecordReasonLocked(WebSocketCloseReason.ClosedLocally);
                SetState(WebSocketClientState.Closing);
            }

            attempt = _attempt;
        }

        attempt?.Abandon();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Worker.

    private async Task RunAsync(Attempt attempt)
    {
        try
        {
            await RunConnectionAsync(attempt).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Every socket call below is guarded; this keeps an unexpected failure from leaving the state stuck.
            Record(WebSocketCloseReason.ClosedByPeer);
        }
        finally
        {
            attempt.Socket?.Dispose();
            lock (_gate)
            {
                _sendQueue.Clear();
                SetState(WebSocketClientState.Closed);
            }
        }
    }

    private async Task RunConnectionAsync(Attempt attempt)
    {
        WebSocketConnectOptions options = attempt.Options;
        string subProtocol = options.SubProtocol;
        int pingIntervalMs = options.PingIntervalMs;
        int peerTimeoutMs = options.PeerTimeoutMs;
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out Uri uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
        {
            Record(WebSocketCloseReason.ConnectFailed);
            return;
        }

        ClientWebSocket socket = new ClientWebSocket();
        attempt.Socket = socket;
        try
        {
            Configure(socket.Options, options);
        }
        catch (Exception)
        {
            // Only the trusted root can be malformed here.
            Record(WebSocketCloseReason.TlsFailed);
            return;
        }

        using (CancellationTokenSource connectLimit = CancellationTokenSource.CreateLinkedTokenSource(attempt.CloseRequested.Token))
        {
            if (options.ConnectTimeoutMs > 0)
            {
                connectLimit.CancelAfter(options.ConnectTimeoutMs);
            }

            try
            {
                await socket.ConnectAsync(uri, connectLimit.Token).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                int status = (int)socket.HttpStatusCode;
                lock (_gate)
                {
                    _lastHandshakeStatus = status;
                }

                if (!attempt.CloseRequested.IsCancellationRequested)
                {
                    Record(connectLimit.IsCancellationRequested
                        ? WebSocketCloseReason.ConnectTimeout
                        : ClassifyConnectFailure(e, status, subProtocol, socket));
                }

                return;
            }
        }

        NegotiatedSubProtocol = socket.SubProtocol;
        lock (_gate)
        {
            _lastHandshakeStatus = HandshakeAcceptedStatus;
        }

        if (subProtocol != null && socket.SubProtocol != subProtocol)
        {
            // RFC 6455 §4.1: a handshake that does not meet the client's requirements fails the connection; OCPP-J
            // 1.6 §3.1.2 requires the server to answer with the subprotocol.
            Record(WebSocketCloseReason.SubProtocolRefused);
            await CloseHandshakeAsync(socket, WebSocketCloseStatus.ProtocolError, "subprotocol " + subProtocol + " required").ConfigureAwait(false);
            return;
        }

        lock (_gate)
        {
            if (_state != (int)WebSocketClientState.Connecting)
            {
                // Close() or Dispose() came while the upgrade completed.
                attempt.Abandoned = _disposed;
            }
            else
            {
                SetState(WebSocketClientState.Open);
            }
        }

        if (attempt.CloseRequested.IsCancellationRequested)
        {
            if (!attempt.Abandoned)
            {
                await CloseHandshakeAsync(socket, WebSocketCloseStatus.NormalClosure, null).ConfigureAwait(false);
            }

            return;
        }

        attempt.MarkReceived();
        await ServeAsync(attempt, socket, pingIntervalMs <= 0 ? peerTimeoutMs : 0).ConfigureAwait(false);
    }

    private async Task ServeAsync(Attempt attempt, ClientWebSocket socket, int receiveIdleTimeoutMs)
    {
        using CancellationTokenSource sendStop = CancellationTokenSource.CreateLinkedTokenSource(attempt.CloseRequested.Token);
        Task<WebSocketCloseReason> receiving = ReceiveLoopAsync(attempt, socket);
        Task sending = SendLoopAsync(socket, attempt.SendSignal, sendStop.Token);
        Task closeRequested = Task.Delay(Timeout.Infinite, attempt.CloseRequested.Token);
        Task idleWatch = receiveIdleTimeoutMs > 0
            ? WatchReceiveIdleAsync(attempt, receiveIdleTimeoutMs, sendStop.Token)
            : Task.Delay(Timeout.Infinite, sendStop.Token);

        Task first = await Task.WhenAny(receiving, sending, closeRequested, idleWatch).ConfigureAwait(false);
        if (first == receiving)
        {
            Record(receiving.Result);
            lock (_gate)
            {
                _sendQueue.Clear();
            }

            sendStop.Cancel();
            if (socket.State == WebSocketState.CloseReceived)
            {
                // RFC 6455 §5.5.1: answer the peer's close frame. The send loop may still be inside a send.
                if (!await CompletesWithinAsync(sending, CloseHandshakeTimeoutMs).ConfigureAwait(false))
                {
                    socket.Abort();
                    return;
                }

                await CloseOutputQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
            }

            return;
        }

        // Close() also ends the send loop and the idle watch (their token is linked): check the request, not which came first.
        if (attempt.CloseRequested.IsCancellationRequested && !attempt.Abandoned)
        {
            // Close(): the reason is recorded; stop sending, then the close handshake, bounded.
            sendStop.Cancel();
            if (!await CompletesWithinAsync(sending, CloseHandshakeTimeoutMs).ConfigureAwait(false))
            {
                socket.Abort();
                return;
            }

            await CloseOutputQuietlyAsync(socket, WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
            if (!await CompletesWithinAsync(receiving, CloseHandshakeTimeoutMs).ConfigureAwait(false))
            {
                socket.Abort();
            }

            return;
        }

        if (first == sending)
        {
            // The send loop ends by itself only when a send failed (faulted, or cancelled by an abort of the socket):
            // the connection is broken, the pending receive fails too and knows why (a keep-alive abort ends both
            // at once): take its reason.
            sendStop.Cancel();
            if (await CompletesWithinAsync(receiving, CloseHandshakeTimeoutMs).ConfigureAwait(false))
            {
                Record(receiving.Result);
                return;
            }
        }

        // The peer went silent (idle watch), a broken send without an ending receive, or Dispose(): abort.
        Record(first == idleWatch && idleWatch.Status == TaskStatus.RanToCompletion
            ? WebSocketCloseReason.PeerTimeout
            : WebSocketCloseReason.ClosedByPeer);
        sendStop.Cancel();
        socket.Abort();
        await CompletesWithinAsync(receiving, CloseHandshakeTimeoutMs).ConfigureAwait(false);
    }

    private async Task<WebSocketCloseReason> ReceiveLoopAsync(Attempt attempt, ClientWebSocket socket)
    {
        byte[] assembly = new byte[MaxMessageBytes];
        byte[] discard = new byte[4096];
        try
        {
            while (true)
            {
                int length = 0;
                bool truncated = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    Memory<byte> target = length < assembly.Length ? assembly.AsMemory(length) : discard.AsMemory();

                    // Never cancelled: cancelling a pending receive aborts the socket; Close() goes by the close handshake.
                    result = await socket.ReceiveAsync(target, CancellationToken.None).ConfigureAwait(false);
                    attempt.MarkReceived();
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return WebSocketCloseReason.ClosedByPeer;
                    }

                    if (length < assembly.Length)
                    {
                        length += result.Count;
                    }
                    else if (result.Count > 0)
                    {
                        truncated = true;
                    }
                }
                while (!result.EndOfMessage);

                Deliver(assembly, length, truncated);
            }
        }
        catch (OperationCanceledException e) when (IsKeepAliveAbort(e))
        {
            return WebSocketCloseReason.PeerTimeout;
        }
        catch (WebSocketException e) when (e.WebSocketErrorCode == WebSocketError.Faulted || e.WebSocketErrorCode == WebSocketError.InvalidMessageType)
        {
            // ClientWebSocket found a framing violation and failed the connection (RFC 6455 §7.1.7).
            return WebSocketCloseReason.ProtocolError;
        }
        catch (Exception)
        {
            // ConnectionClosedPrematurely, a reset, or our own Abort().
            return WebSocketCloseReason.ClosedByPeer;
        }
    }

    private async Task SendLoopAsync(ClientWebSocket socket, SemaphoreSlim signal, CancellationToken stop)
    {
        while (true)
        {
            await signal.WaitAsync(stop).ConfigureAwait(false);
            while (true)
            {
                byte[] message;
                lock (_gate)
                {
                    if (_state != (int)WebSocketClientState.Open || _sendQueue.Count == 0)
                    {
                        break;
                    }

                    message = _sendQueue.Peek();
                }

                // Never cancelled: cancelling a pending send aborts the socket. The slot is freed only once the
                // message is with the socket, so a stalled connection fills the queue and TrySend says so.
                await socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                lock (_gate)
                {
                    if (_sendQueue.Count > 0 && ReferenceEquals(_sendQueue.Peek(), message))
                    {
                        _sendQueue.Dequeue();
                    }
                }
            }
        }
    }

    private static async Task WatchReceiveIdleAsync(Attempt attempt, int timeoutMs, CancellationToken stop)
    {
        int checkMs = Math.Max(1, Math.Min(IdleCheckIntervalMs, timeoutMs / 4));
        while (attempt.MillisecondsSinceReceive() < timeoutMs)
        {
            await Task.Delay(checkMs, stop).ConfigureAwait(false);
        }
    }

    private void Deliver(byte[] assembly, int length, bool truncated)
    {
        lock (_gate)
        {
            if (_receiveQueue.Count >= ReceiveQueueCapacity)
            {
                _droppedReceiveCount++;
                return;
            }

            byte[] data = new byte[length];
            Buffer.BlockCopy(assembly, 0, data, 0, length);
            _receiveQueue.Enqueue((data, truncated));
            _activity.Set();
        }
    }

    private static void Configure(ClientWebSocketOptions built, WebSocketConnectOptions options)
    {
        built.CollectHttpResponseDetails = true;
        if (options.SubProtocol != null)
        {
            built.AddSubProtocol(options.SubProtocol);
        }

        if (options.Authorization != null)
        {
            built.SetRequestHeader(AuthorizationHeader, options.Authorization);
        }

        if (options.PingIntervalMs > 0)
        {
            built.KeepAliveInterval = TimeSpan.FromMilliseconds(options.PingIntervalMs);
            if (options.PeerTimeoutMs > 0)
            {
                // ClientWebSocket pings every KeepAliveInterval and aborts when a pong is later than KeepAliveTimeout.
                int pongTimeoutMs = Math.Max(MinPongTimeoutMs, options.PeerTimeoutMs - options.PingIntervalMs);
                built.KeepAliveTimeout = TimeSpan.FromMilliseconds(pongTimeoutMs);
            }
        }
        else
        {
            built.KeepAliveInterval = TimeSpan.Zero;
        }

        if (options.TrustedRootCertificate != null)
        {
            X509Certificate2 root = LoadCertificate(options.TrustedRootCertificate);
            built.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => IsAnchoredAt(root, certificate, chain, errors);
        }
    }

    private static X509Certificate2 LoadCertificate(byte[] data)
    {
        // PEM (possibly NUL-terminated, as the device's mbedTLS wants it) or DER.
        if (data.Length > 0 && data[0] == (byte)'-')
        {
            return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(data).TrimEnd('\0'));
        }

        return X509CertificateLoader.LoadCertificate(data);
    }

    // The server's chain must end at the trusted root and only there; the host name must match as usual.
    private static bool IsAnchoredAt(X509Certificate2 root, X509Certificate certificate, X509Chain presented, SslPolicyErrors errors)
    {
        if (certificate == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using X509Chain chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented != null)
        {
            foreach (X509ChainElement element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        X509Certificate2 leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    private static WebSocketCloseReason ClassifyConnectFailure(Exception failure, int status, string subProtocol, ClientWebSocket socket)
    {
        if (status != 0 && status != HandshakeAcceptedStatus)
        {
            return WebSocketCloseReason.HandshakeRejected;
        }

        for (Exception e = failure; e != null; e = e.InnerException)
        {
            switch (e)
            {
                case AuthenticationException:
                    return WebSocketCloseReason.TlsFailed;
                case HttpRequestException http when http.HttpRequestError == HttpRequestError.SecureConnectionError:
                    return WebSocketCloseReason.TlsFailed;
                case SocketException:
                    return WebSocketCloseReason.ConnectFailed;
            }
        }

        if (status == HandshakeAcceptedStatus)
        {
            // A 101 that ClientWebSocket refused: a subprotocol we did not ask for, or a bad Sec-WebSocket-Accept.
            string selected = null;
            if (socket.HttpResponseHeaders != null && socket.HttpResponseHeaders.TryGetValue(SubProtocolHeader, out IEnumerable<string> values))
            {
                selected = string.Join(",", values);
            }

            return subProtocol != null && selected != null && selected != subProtocol
                ? WebSocketCloseReason.SubProtocolRefused
                : WebSocketCloseReason.ProtocolError;
        }

        return WebSocketCloseReason.ConnectFailed;
    }

    // A missing pong makes ClientWebSocket abort itself from its keep-alive timer: the pending receive then ends in
    // OperationCanceledException("Aborted") carrying the timer's WebSocketException (observed on .NET 10; no error
    // code or exception type of its own). Our own aborts record their reason first, and the first reason stays.
    private static bool IsKeepAliveAbort(Exception e)
    {
        for (Exception inner = e.InnerException; inner != null; inner = inner.InnerException)
        {
            if (inner is WebSocketException)
            {
                return true;
            }

            if (inner is AggregateException aggregate)
            {
                foreach (Exception part in aggregate.InnerExceptions)
                {
                    if (part is WebSocketException)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static async Task<bool> CompletesWithinAsync(Task task, int timeoutMs)
    {
        Task first = await Task.WhenAny(task, Task.Delay(timeoutMs)).ConfigureAwait(false);
        return first == task;
    }

    private static async Task CloseHandshakeAsync(ClientWebSocket socket, WebSocketCloseStatus status, string description)
    {
        using CancellationTokenSource limit = new CancellationTokenSource(CloseHandshakeTimeoutMs);
        try
        {
            // Cancelling aborts the socket, which is what a timed-out close handshake should do.
            await socket.CloseAsync(status, description, limit.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            socket.Abort();
        }
    }

    private static async Task CloseOutputQuietlyAsync(ClientWebSocket socket, WebSocketCloseStatus status)
    {
        using CancellationTokenSource limit = new CancellationTokenSource(CloseHandshakeTimeoutMs);
        try
        {
            await socket.CloseOutputAsync(status, null, limit.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            socket.Abort();
        }
    }

    private void Record(WebSocketCloseReason reason)
    {
        lock (_gate)
        {
            RecordReasonLocked(reason);
            if (_state == (int)WebSocketClientState.Open)
            {
                SetState(WebSocketClientState.Closing);
            }
        }
    }

    // Caller holds _gate. The first reason of a connection stays (TryConnect resets it).
    private void RecordReasonLocked(WebSocketCloseReason reason)
    {
        if (_lastCloseReason == WebSocketCloseReason.None)
        {
            _lastCloseReason = reason;
        }
    }

    // Caller holds _gate.
    private void SetState(WebSocketClientState state)
    {
        Volatile.Write(ref _state, (int)state);
        _activity.Set();
    }

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for something the loop should see: a received frame or a state change.
    /// For hosts that pace a virtual clock to network events (the scenario tests) instead of sleeping blindly.
    /// </summary>
    public bool WaitForActivity(int timeoutMs) => _activity.Wait(timeoutMs) && ResetActivity();

    private bool ResetActivity()
    {
        _activity.Reset();
        return true;
    }

    /// <summary>One connection attempt: what the worker owns, and how the loop side reaches it.</summary>
    /// <remarks>Its token source and semaphore are never disposed: the loop side may still signal them after the
    /// worker ended, and neither holds an OS handle here (no wait handle is requested, no timer is set).</remarks>
    private sealed class Attempt
    {
        private long _lastReceiveTicks = Environment.TickCount64;
        private volatile bool _abandoned;

        public Attempt(WebSocketConnectOptions options)
        {
            Options = options;
        }

        public WebSocketConnectOptions Options { get; }

        public CancellationTokenSource CloseRequested { get; } = new CancellationTokenSource();

        public SemaphoreSlim SendSignal { get; } = new SemaphoreSlim(0);

        public ClientWebSocket Socket { get; set; }

        /// <summary>Dispose(): no close handshake, abort at once.</summary>
        public bool Abandoned
        {
            get => _abandoned;
            set => _abandoned = value;
        }

        public void MarkReceived() => Interlocked.Exchange(ref _lastReceiveTicks, Environment.TickCount64);

        public long MillisecondsSinceReceive() => Environment.TickCount64 - Interlocked.Read(ref _lastReceiveTicks);

        public void RequestClose() => CloseRequested.Cancel();

        public void Abandon()
        {
            Abandoned = true;
            RequestClose();
            try
            {
                Socket?.Abort();
            }
            catch (ObjectDisposedException)
            {
                // Already gone.
            }
        }
    }
}
