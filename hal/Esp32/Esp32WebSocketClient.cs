using System;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Net.WebSockets.WebSocketFrame;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// WebSocket client over nanoFramework's System.Net.WebSockets.ClientWebSocket (package
    /// nanoFramework.System.Net.WebSockets.Client): one HAL worker thread owns the socket, the loop sees bounded,
    /// non-blocking queues.
    /// </summary>
    /// <remarks>
    /// <para>Worker: connects (the library's <c>Connect</c> blocks for DNS, TCP, TLS and the upgrade), then moves
    /// queued messages to the library and watches the library's state. Received messages arrive on the library's
    /// own receive thread through <c>MessageReceived</c> and are copied into the receive ring there.</para>
    /// <para>Bounds: <see cref="SendQueueCapacity"/> fixed slots of <see cref="MaxMessageBytes"/> each; <see cref="TrySend"/>
    /// copies into a slot and returns false when the queue is full, the message too long or the connection not open.
    /// <see cref="ReceiveQueueCapacity"/> fixed slots of <see cref="MaxMessageBytes"/>; a message arriving while the
    /// queue is full is dropped and counted in <see cref="DroppedReceiveCount"/>; a longer message (or reassembled
    /// fragmented message) is cut to <see cref="MaxMessageBytes"/> and flagged truncated. A single frame longer than
    /// <c>maxReceiveFrameBytes</c> is refused by the library, which then closes the connection (it allocates every
    /// frame whole, so this bounds the heap used per message).</para>
    /// <para>Allocation: the library masks each outgoing frame in place and keeps the array in its own send queue
    /// (WebSocketSender.cs), so the worker hands it a fresh copy of every message; the library also allocates every
    /// received frame. Its send queue is not bounded or observable; it only grows when the loop sends faster than
    /// the TCP connection drains, which OCPP-J's one-call-at-a-time rule prevents in practice.</para>
    /// <para>Headers: the library has no subprotocol API, so <c>Sec-WebSocket-Protocol</c> and <c>Authorization</c> are
    /// added as custom upgrade headers (ClientWebSocketHeaders). For <c>wss://</c> the
    /// <see cref="WebSocketConnectOptions.TrustedRootCertificate"/> becomes the library's CA certificate; when it is null
    /// the library verifies against the certificate store deployed to the device.</para>
    /// <para>What the library lets us observe, and therefore how states and reasons are mapped:</para>
    /// <list type="bullet">
    /// <item>Open: <c>Connect</c> returned and the library state is Open; <see cref="LastHandshakeStatus"/> is 101. The
    /// library reads only the status line and the Connection/Upgrade/Sec-WebSocket-Accept headers; the subprotocol
    /// the server selected is not observable, so a server that ignores the requested subprotocol is taken as
    /// accepting it and <see cref="WebSocketCloseReason.SubProtocolRefused"/> is never reported.</item>
    /// <item><see cref="WebSocketCloseReason.ConnectFailed"/>: a SocketException out of <c>Connect</c> (name resolution
    /// runs outside the library's own catch), an unusable URL, or <c>Connect</c> returning without an open connection:
    /// the library swallows socket errors of the TCP connect and of the TLS handshake alike, so a TLS failure of
    /// <c>wss://</c> is reported as ConnectFailed too. <see cref="WebSocketCloseReason.TlsFailed"/> is reported only when
    /// the trusted root certificate cannot be parsed.</item>
    /// <item><see cref="WebSocketCloseReason.HandshakeRejected"/>: any other exception from <c>Connect</c>; the library
    /// throws a plain Exception when the answer is not a valid "HTTP/1.1 101". The actual status (e.g. 401) is not
    /// exposed, so <see cref="LastHandshakeStatus"/> stays 0. (If the TLS stack threw anything but a SocketException,
    /// it would land here too, and the library would leave its TCP socket open: its Connect catches only
    /// SocketException and exposes no way to close the socket. Which exceptions the native TLS layer throws is not
    /// verifiable on the host.)</item>
    /// <item><see cref="WebSocketCloseReason.ConnectTimeout"/>: <c>Connect</c> cannot be interrupted. When
    /// <see cref="WebSocketConnectOptions.ConnectTimeoutMs"/> has passed, the state moves to Closing with this reason as
    /// soon as <see cref="State"/> is read (the owner polls it every tick); the abandoned attempt is closed when
    /// <c>Connect</c> returns, and only then is the state Closed.</item>
    /// <item><see cref="WebSocketCloseReason.ClosedByPeer"/>: every close this client did not request. The library keeps
    /// its close status internal, so a ping timeout (dead peer), a read error and a peer close frame are not
    /// distinguished: <see cref="WebSocketCloseReason.PeerTimeout"/> and <see cref="WebSocketCloseReason.ProtocolError"/>
    /// are never reported.</item>
    /// </list>
    /// <para>Dead-peer detection is the library's: it pings after <c>KeepAliveInterval</c> without inbound traffic and
    /// closes when no pong arrives within <c>ServerTimeout</c>, checked by a 5 s timer (ReceiveAndControllThread.cs).
    /// ServerTimeout is set to PeerTimeoutMs − PingIntervalMs (at least <see cref="MinServerTimeoutMs"/>), so a dead peer
    /// is detected about PeerTimeoutMs (+ up to 10 s) after the last inbound frame. The library times this with
    /// DateTime.UtcNow: setting the wall clock forward while a ping is outstanding can close a healthy connection
    /// (the owner reconnects).</para>
    /// </remarks>
    public sealed class Esp32WebSocketClient : IWebSocketClient
    {
        /// <summary>Longest wait of the worker between passes, milliseconds (it is also woken by every request).</summary>
        public const int WorkerPollIntervalMs = 50;

        /// <summary>Time allowed for the close handshake before the connection is aborted, milliseconds.</summary>
        public const int CloseHandshakeTimeoutMs = 5000;

        /// <summary>Smallest ping-answer timeout handed to the library, milliseconds (its timer runs every 5 s).</summary>
        public const int MinServerTimeoutMs = 5000;

        /// <summary>Ping-answer timeout used when the owner disables peer timeouts (PeerTimeoutMs = 0): one day.</summary>
        public const int DisabledServerTimeoutMs = 24 * 60 * 60 * 1000;

        private const int HandshakeAcceptedStatus = 101;
        private const string SubProtocolHeader = "Sec-WebSocket-Protocol";
        private const string AuthorizationHeader = "Authorization";

        private readonly object _gate = new object();
        private readonly AutoResetEvent _wake = new AutoResetEvent(false);
        private readonly int _maxReceiveFrameBytes;

        // Guarded by _gate.
        private readonly byte[][] _sendSlots;
        private readonly int[] _sendLengths;
        private readonly byte[][] _receiveSlots;
        private readonly int[] _receiveLengths;
        private readonly bool[] _receiveTruncated;
        private readonly byte[] _assembly;
        private int _sendHead;
        private int _sendCount;
        private int _receiveHead;
        private int _receiveCount;
        private int _assemblyLength;
        private bool _assemblyTruncated;
        private bool _assembling;
        private int _lastCloseReason;
        private int _lastHandshakeStatus;
        private int _droppedReceiveCount;
        private WebSocketConnectOptions _options;
        private bool _connectRequested;
        private long _connectStartedUs;
        private ClientWebSocket _socket;
        private int _state;

        // Worker thread only.
        private bool _closeSent;
        private bool _windingDown;
        private long _windDownStartedUs;

        /// <summary>Creates a closed client and starts its worker thread.</summary>
        /// <param name="maxMessageBytes">Largest message sent or delivered whole, bytes.</param>
        /// <param name="sendQueueCapacity">Outgoing messages buffered.</param>
        /// <param name="receiveQueueCapacity">Incoming messages buffered.</param>
        /// <param name="maxReceiveFrameBytes">Largest single frame accepted from the server (at least <paramref name="maxMessageBytes"/>); the library closes the connection on a longer one.</param>
        public Esp32WebSocketClient(int maxMessageBytes, int sendQueueCapacity, int receiveQueueCapacity, int maxReceiveFrameBytes)
        {
            if (maxMessageBytes <= 0 || sendQueueCapacity <= 0 || receiveQueueCapacity <= 0)
            {
                throw new ArgumentOutOfRangeException("maxMessageBytes", "sizes must be positive");
            }

            if (maxReceiveFrameBytes < maxMessageBytes)
            {
                throw new ArgumentOutOfRangeException("maxReceiveFrameBytes", "must be at least maxMessageBytes");
            }

            MaxMessageBytes = maxMessageBytes;
            _maxReceiveFrameBytes = maxReceiveFrameBytes;
            _sendSlots = new byte[sendQueueCapacity][];
            _sendLengths = new int[sendQueueCapacity];
            for (int i = 0; i < sendQueueCapacity; i++)
            {
                _sendSlots[i] = new byte[maxMessageBytes];
            }

            _receiveSlots = new byte[receiveQueueCapacity][];
            _receiveLengths = new int[receiveQueueCapacity];
            _receiveTruncated = new bool[receiveQueueCapacity];
            for (int i = 0; i < receiveQueueCapacity; i++)
            {
                _receiveSlots[i] = new byte[maxMessageBytes];
            }

            _assembly = new byte[maxMessageBytes];
            _state = (int)WebSocketClientState.Closed;
            Thread worker = new Thread(WorkerLoop);
            worker.Start();
        }

        /// <inheritdoc />
        /// <remarks>Reading it also applies the connect timeout (see the class remarks).</remarks>
        public WebSocketClientState State
        {
            get
            {
                SuperviseConnectDeadline();
                Monitor.Enter(_gate);
                try
                {
                    return (WebSocketClientState)_state;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public WebSocketCloseReason LastCloseReason
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return (WebSocketCloseReason)_lastCloseReason;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public int LastHandshakeStatus
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _lastHandshakeStatus;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public int MaxMessageBytes { get; private set; }

        /// <inheritdoc />
        public int SendQueueCapacity
        {
            get { return _sendSlots.Length; }
        }

        /// <inheritdoc />
        public int ReceiveQueueCapacity
        {
            get { return _receiveSlots.Length; }
        }

        /// <inheritdoc />
        public int DroppedReceiveCount
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _droppedReceiveCount;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public bool TryConnect(WebSocketConnectOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            long nowUs = Esp32MonotonicClock.ReadMicroseconds();
            Monitor.Enter(_gate);
            try
            {
                if (_state != (int)WebSocketClientState.Closed)
                {
                    return false;
                }

                _options = options;
                _connectRequested = true;
                _connectStartedUs = nowUs;
                _lastCloseReason = (int)WebSocketCloseReason.None;
                _lastHandshakeStatus = 0;
                _sendCount = 0;
                _receiveCount = 0;
                _assembling = false;
                _state = (int)WebSocketClientState.Connecting;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _wake.Set();
            return true;
        }

        /// <inheritdoc />
        public void Close()
        {
            Monitor.Enter(_gate);
            try
            {
                if (_state == (int)WebSocketClientState.Open || _state == (int)WebSocketClientState.Connecting)
                {
                    _lastCloseReason = (int)WebSocketCloseReason.ClosedLocally;
                    _state = (int)WebSocketClientState.Closing;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _wake.Set();
        }

        /// <inheritdoc />
        public bool TrySend(byte[] buffer, int offset, int count)
        {
            Monitor.Enter(_gate);
            try
            {
                if (_state != (int)WebSocketClientState.Open || count < 0 || count > MaxMessageBytes || _sendCount == _sendSlots.Length)
                {
                    return false;
                }

                int slot = (_sendHead + _sendCount) % _sendSlots.Length;
                Array.Copy(buffer, offset, _sendSlots[slot], 0, count);
                _sendLengths[slot] = count;
                _sendCount++;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _wake.Set();
            return true;
        }

        /// <inheritdoc />
        public bool TryReceive(byte[] buffer, int offset, int capacity, out int length, out bool truncated)
        {
            Monitor.Enter(_gate);
            try
            {
                if (_receiveCount == 0)
                {
                    length = 0;
                    truncated = false;
                    return false;
                }

                int stored = _receiveLengths[_receiveHead];
                length = stored < capacity ? stored : capacity;
                Array.Copy(_receiveSlots[_receiveHead], 0, buffer, offset, length);
                truncated = _receiveTruncated[_receiveHead] || stored > capacity;
                _receiveHead = (_receiveHead + 1) % _receiveSlots.Length;
                _receiveCount--;
                return true;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private static bool HasPrefix(string text, string prefix)
        {
            if (text == null || text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (text[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static TimeSpan Milliseconds(int milliseconds)
        {
            return new TimeSpan(milliseconds * TimeSpan.TicksPerMillisecond);
        }

        private static int ServerTimeoutMsFor(WebSocketConnectOptions options)
        {
            if (options.PeerTimeoutMs <= 0)
            {
                return DisabledServerTimeoutMs;
            }

            // The library pings only after PingIntervalMs of silence, then waits ServerTimeout for the pong.
            int timeoutMs = options.PingIntervalMs > 0 ? options.PeerTimeoutMs - options.PingIntervalMs : options.PeerTimeoutMs;
            return timeoutMs < MinServerTimeoutMs ? MinServerTimeoutMs : timeoutMs;
        }

        private static ClientWebSocketHeaders BuildHeaders(WebSocketConnectOptions options)
        {
            if (options.SubProtocol == null && options.Authorization == null)
            {
                return null;
            }

            ClientWebSocketHeaders headers = new ClientWebSocketHeaders();
            if (options.SubProtocol != null)
            {
                headers[SubProtocolHeader] = options.SubProtocol;
            }

            if (options.Authorization != null)
            {
                headers[AuthorizationHeader] = options.Authorization;
            }

            return headers;
        }

        private static X509Certificate CreateCertificate(byte[] certificate)
        {
            // mbedTLS parses PEM only with its terminating NUL included; nanoFramework's X509Certificate(string)
            // appends it (X509Certificates/X509Certificate.cs), the byte[] constructor does not. DER is passed as is.
            byte[] data = certificate;
            bool pem = certificate.Length > 0 && certificate[0] == (byte)'-';
            if (pem && certificate[certificate.Length - 1] != 0)
            {
                data = new byte[certificate.Length + 1];
                Array.Copy(certificate, data, certificate.Length);
            }

            // SYSLIB0057 is the host BCL's obsoletion of this constructor (.NET 9+); on the device the
            // constructor is nanoFramework's X509Certificate(byte[]), listed in System.Net.txt.
#pragma warning disable SYSLIB0057
            return new X509Certificate(data);
#pragma warning restore SYSLIB0057
        }

        private static WebSocketState SafeState(ClientWebSocket socket)
        {
            try
            {
                return socket.State;
            }
            catch (Exception)
            {
                return WebSocketState.Closed;
            }
        }

        private static void AbortQuietly(ClientWebSocket socket)
        {
            try
            {
                socket.Abort();
            }
            catch (Exception)
            {
                // The connection is given up either way.
            }
        }

        private ClientWebSocketOptions BuildOptions(WebSocketConnectOptions options)
        {
            ClientWebSocketOptions built = new ClientWebSocketOptions();
            built.MaxReceiveFrameSize = _maxReceiveFrameBytes;

            // Larger than any message we send: the library's fragmentation path mishandles a message of exactly
            // MaxFragmentSize bytes (WebSocketSender.cs sends only a non-final first fragment).
            built.MaxFragmentSize = MaxMessageBytes + 1;
            built.KeepAliveInterval = options.PingIntervalMs > 0 ? Milliseconds(options.PingIntervalMs) : Timeout.InfiniteTimeSpan;
            built.ServerTimeout = Milliseconds(ServerTimeoutMsFor(options));
            return built;
        }

        private void SuperviseConnectDeadline()
        {
            long nowUs = Esp32MonotonicClock.ReadMicroseconds();
            bool timedOut = false;
            Monitor.Enter(_gate);
            try
            {
                if (_state == (int)WebSocketClientState.Connecting && _options.ConnectTimeoutMs > 0
                    && nowUs - _connectStartedUs >= _options.ConnectTimeoutMs * 1000L)
                {
                    _lastCloseReason = (int)WebSocketCloseReason.ConnectTimeout;
                    _state = (int)WebSocketClientState.Closing;
                    timedOut = true;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (timedOut)
            {
                _wake.Set();
            }
        }

        private void WorkerLoop()
        {
            while (true)
            {
                _wake.WaitOne(WorkerPollIntervalMs, false);
                try
                {
                    WebSocketConnectOptions options = TakeConnectRequest();
                    if (options != null)
                    {
                        Connect(options);
                    }

                    ServiceConnection();
                }
                catch (Exception)
                {
                    // Every library call is guarded; this keeps the worker alive whatever escapes.
                }
            }
        }

        private WebSocketConnectOptions TakeConnectRequest()
        {
            Monitor.Enter(_gate);
            try
            {
                if (!_connectRequested)
                {
                    return null;
                }

                _connectRequested = false;
                if (_state == (int)WebSocketClientState.Connecting)
                {
                    return _options;
                }

                // Close() or the deadline came before the worker started: there is nothing to tear down.
                if (_state == (int)WebSocketClientState.Closing && _socket == null)
                {
                    _state = (int)WebSocketClientState.Closed;
                }

                return null;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private void Connect(WebSocketConnectOptions options)
        {
            _closeSent = false;
            _windingDown = false;
            if (!HasPrefix(options.Url, "ws://") && !HasPrefix(options.Url, "wss://"))
            {
                FinishConnect(null, false, WebSocketCloseReason.ConnectFailed);
                return;
            }

            ClientWebSocket socket;
            try
            {
                socket = new ClientWebSocket(BuildOptions(options));
            }
            catch (Exception)
            {
                FinishConnect(null, false, WebSocketCloseReason.ConnectFailed);
                return;
            }

            if (options.TrustedRootCertificate != null)
            {
                try
                {
                    socket.CACertificate = CreateCertificate(options.TrustedRootCertificate);
                }
                catch (Exception)
                {
                    FinishConnect(null, false, WebSocketCloseReason.TlsFailed);
                    return;
                }
            }

            try
            {
                socket.MessageReceived += OnMessageReceived;
                socket.ConnectionClosed += OnConnectionClosed;
            }
            catch (Exception)
            {
                FinishConnect(null, false, WebSocketCloseReason.ConnectFailed);
                return;
            }

            // Published before Connect: the library starts receiving inside Connect, right after the upgrade.
            Monitor.Enter(_gate);
            try
            {
                _socket = socket;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            WebSocketCloseReason failure = WebSocketCloseReason.None;
            try
            {
                socket.Connect(options.Url, BuildHeaders(options));
                if (SafeState(socket) != WebSocketState.Open)
                {
                    failure = WebSocketCloseReason.ConnectFailed;
                }
            }
            catch (SocketException)
            {
                failure = WebSocketCloseReason.ConnectFailed;
            }
            catch (Exception)
            {
                failure = WebSocketCloseReason.HandshakeRejected;
            }

            FinishConnect(socket, failure == WebSocketCloseReason.None, failure);
        }

        private void FinishConnect(ClientWebSocket socket, bool opened, WebSocketCloseReason failure)
        {
            bool abandoned = false;
            Monitor.Enter(_gate);
            try
            {
                if (opened)
                {
                    _lastHandshakeStatus = HandshakeAcceptedStatus;
                }

                if (_state == (int)WebSocketClientState.Connecting)
                {
                    if (opened)
                    {
                        _state = (int)WebSocketClientState.Open;
                    }
                    else
                    {
                        _lastCloseReason = (int)failure;
                        _socket = null;
                        _state = (int)WebSocketClientState.Closed;
                    }
                }
                else
                {
                    // Close() or the connect deadline moved the state to Closing while Connect blocked;
                    // the reason is already recorded.
                    abandoned = true;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (!abandoned)
            {
                return;
            }

            if (opened)
            {
                AbortQuietly(socket);
            }

            FinishConnection();
        }

        private void ServiceConnection()
        {
            ClientWebSocket socket;
            int state;
            Monitor.Enter(_gate);
            try
            {
                socket = _socket;
                state = _state;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (socket == null || state == (int)WebSocketClientState.Connecting)
            {
                return;
            }

            WebSocketState libraryState = SafeState(socket);
            if (libraryState == WebSocketState.Closed || libraryState == WebSocketState.Aborted)
            {
                FinishConnection();
                return;
            }

            if (state == (int)WebSocketClientState.Closing && !_closeSent)
            {
                _closeSent = true;
                try
                {
                    socket.Close(WebSocketCloseStatus.NormalClosure);
                }
                catch (Exception)
                {
                    AbortQuietly(socket);
                    FinishConnection();
                    return;
                }
            }

            if (state == (int)WebSocketClientState.Closing || libraryState != WebSocketState.Open)
            {
                // Closing in either direction: bound the close handshake, then abort.
                long nowUs = Esp32MonotonicClock.ReadMicroseconds();
                if (!_windingDown)
                {
                    _windingDown = true;
                    _windDownStartedUs = nowUs;
                }
                else if (nowUs - _windDownStartedUs >= CloseHandshakeTimeoutMs * 1000L)
                {
                    AbortQuietly(socket);
                    FinishConnection();
                }

                return;
            }

            SendQueued(socket);
        }

        private void SendQueued(ClientWebSocket socket)
        {
            while (true)
            {
                byte[] message;
                Monitor.Enter(_gate);
                try
                {
                    if (_state != (int)WebSocketClientState.Open || _sendCount == 0)
                    {
                        return;
                    }

                    // A fresh array per message: the library masks it in place and keeps it in its send queue.
                    int length = _sendLengths[_sendHead];
                    message = new byte[length];
                    Array.Copy(_sendSlots[_sendHead], 0, message, 0, length);
                    _sendHead = (_sendHead + 1) % _sendSlots.Length;
                    _sendCount--;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }

                bool queued;
                try
                {
                    queued = socket.Send(message, WebSocketMessageType.Text, message.Length + 1);
                }
                catch (Exception)
                {
                    queued = false;
                }

                if (!queued)
                {
                    // The library is closing; the next pass sees its state.
                    return;
                }
            }
        }

        // The connection is over: publish Closed (ClosedByPeer unless a reason is already recorded).
        private void FinishConnection()
        {
            Monitor.Enter(_gate);
            try
            {
                if (_state == (int)WebSocketClientState.Open)
                {
                    _lastCloseReason = (int)WebSocketCloseReason.ClosedByPeer;
                }

                _state = (int)WebSocketClientState.Closed;
                _socket = null;
                _sendCount = 0;
                _assembling = false;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _closeSent = false;
            _windingDown = false;
        }

        // Library receive thread.
        private void OnMessageReceived(object sender, MessageReceivedEventArgs e)
        {
            ReceiveMessageFrame frame = e == null ? null : e.Frame;
            if (frame == null)
            {
                return;
            }

            byte[] data = frame.Buffer;
            int length = data == null ? 0 : data.Length;
            FragmentationType fragmentation = frame.Fragmentation;
            Monitor.Enter(_gate);
            try
            {
                if (sender != _socket)
                {
                    return;
                }

                switch (fragmentation)
                {
                    case FragmentationType.NotFragmented:
                        _assembling = false;
                        EnqueueReceivedLocked(data, length, false);
                        break;
                    case FragmentationType.FirstFragment:
                        _assembling = true;
                        _assemblyLength = 0;
                        _assemblyTruncated = false;
                        AppendFragmentLocked(data, length);
                        break;
                    case FragmentationType.Fragment:
                        if (_assembling)
                        {
                            AppendFragmentLocked(data, length);
                        }

                        break;
                    case FragmentationType.FinalFragment:
                        if (_assembling)
                        {
                            AppendFragmentLocked(data, length);
                            _assembling = false;
                            EnqueueReceivedLocked(_assembly, _assemblyLength, _assemblyTruncated);
                        }

                        break;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        // Library thread that closed the connection: let the worker notice at once.
        private void OnConnectionClosed(object sender, EventArgs e)
        {
            _wake.Set();
        }

        // Caller holds _gate.
        private void AppendFragmentLocked(byte[] data, int length)
        {
            int room = _assembly.Length - _assemblyLength;
            int n = length < room ? length : room;
            if (n > 0)
            {
                Array.Copy(data, 0, _assembly, _assemblyLength, n);
                _assemblyLength += n;
            }

            if (n < length)
            {
                _assemblyTruncated = true;
            }
        }

        // Caller holds _gate.
        private void EnqueueReceivedLocked(byte[] data, int length, bool truncated)
        {
            if (_receiveCount == _receiveSlots.Length)
            {
                _droppedReceiveCount++;
                return;
            }

            int slot = (_receiveHead + _receiveCount) % _receiveSlots.Length;
            int n = length < MaxMessageBytes ? length : MaxMessageBytes;
            if (n > 0)
            {
                Array.Copy(data, 0, _receiveSlots[slot], 0, n);
            }

            _receiveLengths[slot] = n;
            _receiveTruncated[slot] = truncated || length > MaxMessageBytes;
            _receiveCount++;
        }
    }
}
