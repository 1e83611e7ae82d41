using System;
using Wallbox.Hal;

namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// An RFC 6455 WebSocket client over a plain byte stream (<see cref="IStreamConnection"/>): the opening handshake,
    /// framing, masking, fragmentation, ping/pong and the closing handshake are done here, in portable code, so a
    /// transport that only offers TCP/TLS (a cellular modem driven by AT commands) can carry OCPP-J. A loop component:
    /// <see cref="Tick"/> does all the work in bounded steps and never waits; the stream's worker does the blocking I/O.
    /// </summary>
    /// <remarks>
    /// <para>Bounds (fixed at construction, nothing allocated per message or frame): <see cref="SendQueueCapacity"/> and
    /// <see cref="ReceiveQueueCapacity"/> slots of <see cref="MaxMessageBytes"/>; a <see cref="MaxHandshakeBytes"/>
    /// buffer for the upgrade request and the answer's header; an <see cref="InputChunkBytes"/> read buffer; a
    /// <see cref="FrameWriter.StagingBytes"/> write buffer; 125 bytes each for a control payload and a pending pong.
    /// A tick reads and writes at most <see cref="MaxBytesPerTick"/> bytes in each direction.</para>
    /// <para>Full queues, long messages (the contract of <see cref="IWebSocketClient"/>): <see cref="TrySend"/> returns
    /// false when the send queue is full, the message is longer than <see cref="MaxMessageBytes"/>, or it is not valid
    /// UTF-8 (the server would have to fail the connection for it, RFC 6455 §8.1). An incoming message longer than
    /// <see cref="MaxMessageBytes"/> is cut and delivered flagged truncated (never closed with 1009); a message whose
    /// first frame arrives while the receive queue is full is dropped and counted in <see cref="DroppedReceiveCount"/>.</para>
    /// <para>Timing: <see cref="WebSocketConnectOptions.ConnectTimeoutMs"/> bounds TCP, TLS and the upgrade together,
    /// from the first tick after <see cref="TryConnect"/>. When nothing has been received for
    /// <see cref="WebSocketConnectOptions.PingIntervalMs"/>, a ping is sent (and again every interval); when nothing at
    /// all, not a single byte, has been received for <see cref="WebSocketConnectOptions.PeerTimeoutMs"/>, the stream is
    /// closed with <see cref="WebSocketCloseReason.PeerTimeout"/>. A close handshake gets <see cref="CloseHandshakeTimeoutMs"/>.</para>
    /// <para>Close reasons: <see cref="WebSocketCloseReason.ConnectFailed"/> for an unusable URL or header value (with
    /// <see cref="LastErrorText"/>), a failed TCP connect, or a stream that ends before the answer;
    /// <see cref="WebSocketCloseReason.TlsFailed"/> and <see cref="WebSocketCloseReason.ConnectTimeout"/> as the stream
    /// or the timer reports; <see cref="WebSocketCloseReason.HandshakeRejected"/> for a non-101 status (in
    /// <see cref="LastHandshakeStatus"/>); <see cref="WebSocketCloseReason.SubProtocolRefused"/> when the 101 does not
    /// name the requested subprotocol; <see cref="WebSocketCloseReason.ProtocolError"/> for a 101 that breaks §4.1, an
    /// answer header over <see cref="MaxHandshakeBytes"/>, and every framing or message violation (including a binary
    /// message, 1003); <see cref="WebSocketCloseReason.ClosedByPeer"/> for a close frame from the server, the stream
    /// ending, or a stream I/O error while open.</para>
    /// </remarks>
    public sealed class StreamWebSocketClient : IWebSocketClient, ITickable
    {
        /// <summary>Handshake buffer, bytes: bounds the upgrade request and the answer's header (our choice; 101 answers are ~200 bytes).</summary>
        public const int MaxHandshakeBytes = 2048;

        /// <summary>Read buffer, bytes: frame payloads are copied from it straight into the receive slot.</summary>
        public const int InputChunkBytes = 512;

        /// <summary>
        /// Most bytes a tick reads, and most it writes (our choice: bounds the tick on the device; 1 KiB per 10 ms loop
        /// period is 100 KB/s each way, far above OCPP-J's needs).
        /// </summary>
        public const int MaxBytesPerTick = 1024;

        /// <summary>
        /// How long a close handshake may take before the stream is closed regardless, milliseconds (our choice; RFC
        /// 6455 §7.1.1 leaves it open): from our close frame to the server's close frame and TCP close, or from the
        /// server's close frame to its TCP close.
        /// </summary>
        public const int CloseHandshakeTimeoutMs = 5000;

        private static readonly byte[] EmptyPayload = new byte[0];

        private readonly IStreamConnection _stream;
        private readonly MessageRing _sendQueue;
        private readonly MessageRing _receiveQueue;
        private readonly MessageAssembler _assembler;
        private readonly FrameDecoder _decoder = new FrameDecoder();
        private readonly FrameWriter _writer;
        private readonly Random _random;
        private readonly byte[] _handshake = new byte[MaxHandshakeBytes];
        private readonly HandshakeResponse _response;
        private readonly byte[] _keyNonce = new byte[16];
        private readonly byte[] _input = new byte[InputChunkBytes];
        private readonly byte[] _control = new byte[FrameHeader.MaxControlPayloadBytes];
        private readonly byte[] _pong = new byte[FrameHeader.MaxControlPayloadBytes];
        private readonly byte[] _closeFrame = new byte[2];
        private readonly Utf8Validator _textCheck = new Utf8Validator();

        private Phase _phase;
        private WebSocketConnectOptions _options;
        private string _expectedAccept;
        private int _requestLength;
        private int _requestSent;
        private bool _clockPending;
        private long _phaseStartedMs;
        private long _lastReceivedMs;
        private long _lastPingMs;
        private int _controlLength;
        private int _pongLength;
        private bool _pongPending;
        private bool _pingPending;
        private int _closeFrameLength;
        private bool _closePending;
        private bool _sendingData;
        private bool _discardInput;

        /// <summary>Creates a closed client.</summary>
        /// <param name="stream">The byte stream it owns (connects, writes, reads and closes it).</param>
        /// <param name="random">Source of masking keys and handshake nonces (§5.3, §10.3: unpredictable in production; seed it from the hardware RNG; fixed in tests).</param>
        /// <param name="maxMessageBytes">Largest message sent or delivered whole, bytes.</param>
        /// <param name="sendQueueCapacity">Outgoing messages buffered.</param>
        /// <param name="receiveQueueCapacity">Incoming messages buffered.</param>
        public StreamWebSocketClient(IStreamConnection stream, Random random, int maxMessageBytes, int sendQueueCapacity, int receiveQueueCapacity)
        {
            if (stream == null)
            {
                throw new ArgumentNullException("stream");
            }

            if (random == null)
            {
                throw new ArgumentNullException("random");
            }

            _stream = stream;
            _random = random;
            _sendQueue = new MessageRing(sendQueueCapacity, maxMessageBytes);
            _receiveQueue = new MessageRing(receiveQueueCapacity, maxMessageBytes);
            _assembler = new MessageAssembler(_receiveQueue);
            _writer = new FrameWriter(random);
            _response = new HandshakeResponse(_handshake);
            _phase = Phase.Idle;
        }

        private enum Phase
        {
            Idle,
            StreamConnecting,
            SendingRequest,
            ReadingResponse,
            Open,

            // We sent (or are sending) a close frame and wait for the server's.
            AwaitPeerClose,

            // Close frames are done (or we failed the connection): input is drained unread until the server closes TCP (§7.1.1).
            AwaitStreamEnd,

            // The stream was told to close; waiting for it to report Closed.
            Aborting,
        }

        /// <inheritdoc />
        public WebSocketClientState State
        {
            get
            {
                switch (_phase)
                {
                    case Phase.Idle:
                        return WebSocketClientState.Closed;
                    case Phase.Open:
                        return WebSocketClientState.Open;
                    case Phase.StreamConnecting:
                    case Phase.SendingRequest:
                    case Phase.ReadingResponse:
                        return WebSocketClientState.Connecting;
                    default:
                        return WebSocketClientState.Closing;
                }
            }
        }

        /// <inheritdoc />
        public WebSocketCloseReason LastCloseReason { get; private set; }

        /// <inheritdoc />
        public int LastHandshakeStatus { get; private set; }

        /// <inheritdoc />
        public int MaxMessageBytes { get { return _sendQueue.SlotBytes; } }

        /// <inheritdoc />
        public int SendQueueCapacity { get { return _sendQueue.Capacity; } }

        /// <inheritdoc />
        public int ReceiveQueueCapacity { get { return _receiveQueue.Capacity; } }

        /// <inheritdoc />
        public int DroppedReceiveCount { get { return _assembler.DroppedCount; } }

        /// <summary>Why the last connection failed or was failed, in words citing the rule (for the log); null when none.</summary>
        public string LastErrorText { get; private set; }

        /// <summary>Status code of the last close frame we sent (0: none; 1005: sent without a code).</summary>
        public int LastCloseCodeSent { get; private set; }

        /// <summary>Status code of the last close frame received (0: none; 1005: it had no code).</summary>
        public int LastCloseCodeReceived { get; private set; }

        /// <summary>Pings sent since construction (keep-alive).</summary>
        public int PingsSent { get; private set; }

        /// <summary>Pongs sent since construction (answers to the server's pings).</summary>
        public int PongsSent { get; private set; }

        /// <summary>Pongs received since construction.</summary>
        public int PongsReceived { get; private set; }

        /// <inheritdoc />
        /// <remarks>
        /// The URL and header values are checked here: when unusable, the call returns true but the state stays
        /// Closed with <see cref="WebSocketCloseReason.ConnectFailed"/> and the reason in <see cref="LastErrorText"/>.
        /// Received messages not yet taken are discarded.
        /// </remarks>
        public bool TryConnect(WebSocketConnectOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            if (_phase != Phase.Idle)
            {
                return false;
            }

            _options = options;
            LastCloseReason = WebSocketCloseReason.None;
            LastHandshakeStatus = 0;
            LastErrorText = null;
            LastCloseCodeSent = 0;
            LastCloseCodeReceived = 0;
            _sendQueue.Clear();
            _receiveQueue.Clear();

            WebSocketUrl url;
            string error;
            if (!WebSocketUrl.TryParse(options.Url, out url, out error))
            {
                RefuseConnect(error);
                return true;
            }

            string key = AcceptKey.CreateKey(_random, _keyNonce);
            _expectedAccept = AcceptKey.Compute(key);
            _requestLength = HandshakeRequest.Write(_handshake, url, key, options.SubProtocol, options.Authorization, out error);
            if (_requestLength < 0)
            {
                RefuseConnect(error);
                return true;
            }

            if (!_stream.TryConnect(url.Host, url.Port, url.IsSecure, options.TrustedRootCertificate, options.ConnectTimeoutMs))
            {
                RefuseConnect("the stream connection is not closed");
                return true;
            }

            _requestSent = 0;
            _clockPending = true;
            _phase = Phase.StreamConnecting;
            return true;
        }

        /// <inheritdoc />
        /// <remarks>
        /// Open: sends a close frame with 1000 and waits for the server's (§5.5.1, §7.1.2), at most
        /// <see cref="CloseHandshakeTimeoutMs"/>. Connecting: abandons the attempt. Queued outgoing messages are not sent.
        /// </remarks>
        public void Close()
        {
            switch (_phase)
            {
                case Phase.StreamConnecting:
                case Phase.SendingRequest:
                case Phase.ReadingResponse:
                    LastCloseReason = WebSocketCloseReason.ClosedLocally;
                    Abort();
                    break;
                case Phase.Open:
                    LastCloseReason = WebSocketCloseReason.ClosedLocally;
                    QueueClose((int)CloseStatusCode.NormalClosure);
                    EnterClosing(Phase.AwaitPeerClose);
                    break;
            }
        }

        /// <inheritdoc />
        public bool TrySend(byte[] buffer, int offset, int count)
        {
            if (_phase != Phase.Open || buffer == null || count < 0 || count > MaxMessageBytes || _sendQueue.IsFull)
            {
                return false;
            }

            if (!_textCheck.IsValid(buffer, offset, count))
            {
                return false;
            }

            Array.Copy(buffer, offset, _sendQueue.TailSlot, 0, count);
            _sendQueue.CommitTail(count, false);
            return true;
        }

        /// <inheritdoc />
        public bool TryReceive(byte[] buffer, int offset, int capacity, out int length, out bool truncated)
        {
            if (_receiveQueue.Count == 0)
            {
                length = 0;
                truncated = false;
                return false;
            }

            int stored = _receiveQueue.HeadLength;
            length = stored < capacity ? stored : capacity;
            Array.Copy(_receiveQueue.HeadSlot, 0, buffer, offset, length);
            truncated = _receiveQueue.HeadTruncated || stored > capacity;
            _receiveQueue.DropHead();
            return true;
        }

        /// <summary>Advances the connection: connect, handshake, reading, timers, writing, closing.</summary>
        public void Tick(long nowMs)
        {
            if (_clockPending)
            {
                _clockPending = false;
                _phaseStartedMs = nowMs;
            }

            switch (_phase)
            {
                case Phase.Idle:
                    return;
                case Phase.StreamConnecting:
                case Phase.SendingRequest:
                case Phase.ReadingResponse:
                    TickConnecting(nowMs);
                    return;
                case Phase.Open:
                    TickOpen(nowMs);
                    return;
                default:
                    TickClosing(nowMs);
                    return;
            }
        }

        private void TickConnecting(long nowMs)
        {
            if (_options.ConnectTimeoutMs > 0 && nowMs - _phaseStartedMs >= _options.ConnectTimeoutMs)
            {
                Fail(WebSocketCloseReason.ConnectTimeout, "connecting took longer than the connect timeout");
                return;
            }

            StreamConnectionState streamState = _stream.State;
            if (_phase == Phase.StreamConnecting)
            {
                if (streamState == StreamConnectionState.Connecting)
                {
                    return;
                }

                if (streamState != StreamConnectionState.Open)
                {
                    Fail(ConnectFailure(_stream.LastError), "the stream connection failed");
                    return;
                }

                _phase = Phase.SendingRequest;
            }

            if (_phase == Phase.SendingRequest)
            {
                if (streamState != StreamConnectionState.Open)
                {
                    Fail(WebSocketCloseReason.ConnectFailed, "the connection ended before the upgrade request was sent");
                    return;
                }

                _requestSent += _stream.TryWrite(_handshake, _requestSent, _requestLength - _requestSent);
                if (_requestSent < _requestLength)
                {
                    return;
                }

                _response.Reset();
                _phase = Phase.ReadingResponse;
            }

            ReadResponse(nowMs, streamState != StreamConnectionState.Open);
        }

        private void ReadResponse(long nowMs, bool streamEnded)
        {
            int budget = MaxBytesPerTick;
            while (budget > 0)
            {
                int n = _stream.TryRead(_input, 0, budget < InputChunkBytes ? budget : InputChunkBytes);
                if (n == 0)
                {
                    if (streamEnded)
                    {
                        Fail(WebSocketCloseReason.ConnectFailed, "the server closed the connection before answering the upgrade");
                    }

                    return;
                }

                budget -= n;
                int used = _response.Append(_input, 0, n);
                if (_response.StatusCode != 0)
                {
                    LastHandshakeStatus = _response.StatusCode;
                    if (_response.StatusCode != HandshakeResponse.SwitchingProtocols)
                    {
                        Fail(WebSocketCloseReason.HandshakeRejected, "the server refused the upgrade");
                        return;
                    }
                }

                if (_response.IsMalformed)
                {
                    Fail(WebSocketCloseReason.ProtocolError, _response.Problem);
                    return;
                }

                if (_response.IsComplete)
                {
                    HandshakeOutcome outcome = _response.Validate(_expectedAccept, _options.SubProtocol);
                    if (outcome != HandshakeOutcome.Accepted)
                    {
                        Fail(outcome == HandshakeOutcome.SubProtocolRefused ? WebSocketCloseReason.SubProtocolRefused : WebSocketCloseReason.ProtocolError, _response.Problem);
                        return;
                    }

                    EnterOpen(nowMs);

                    // Frames may follow the header in the same read.
                    ProcessInput(_input, used, n - used);
                    return;
                }
            }
        }

        private void EnterOpen(long nowMs)
        {
            _phase = Phase.Open;
            _lastReceivedMs = nowMs;
            _lastPingMs = nowMs;
            _decoder.Reset();
            _assembler.Reset();
            _writer.Reset();
            _sendingData = false;
            _pongPending = false;
            _pingPending = false;
            _closePending = false;
            _discardInput = false;
        }

        private void TickOpen(long nowMs)
        {
            bool streamEnded = _stream.State != StreamConnectionState.Open;
            bool drained = ReadFrames(nowMs);
            if (_phase != Phase.Open)
            {
                // A close frame or a violation arrived.
                ContinueClosing(nowMs, streamEnded, drained);
                return;
            }

            if (streamEnded && drained)
            {
                LastCloseReason = WebSocketCloseReason.ClosedByPeer;
                LastErrorText = _stream.LastError == StreamConnectionError.IoError ? "the connection failed (I/O error)" : "the server closed the connection without a close frame";
                Abort();
                return;
            }

            if (_options.PeerTimeoutMs > 0 && nowMs - _lastReceivedMs >= _options.PeerTimeoutMs)
            {
                Fail(WebSocketCloseReason.PeerTimeout, "nothing received within the peer timeout");
                return;
            }

            long idleSince = _lastReceivedMs > _lastPingMs ? _lastReceivedMs : _lastPingMs;
            if (_options.PingIntervalMs > 0 && !_pingPending && nowMs - idleSince >= _options.PingIntervalMs)
            {
                _pingPending = true;
                _lastPingMs = nowMs;
            }

            PumpOutput();
        }

        private void TickClosing(long nowMs)
        {
            if (_phase == Phase.Aborting)
            {
                if (_stream.State == StreamConnectionState.Closed)
                {
                    Finish();
                }

                return;
            }

            bool streamEnded = _stream.State != StreamConnectionState.Open;
            bool drained = ReadFrames(nowMs);
            ContinueClosing(nowMs, streamEnded, drained);
        }

        private void ContinueClosing(long nowMs, bool streamEnded, bool drained)
        {
            if (streamEnded && drained)
            {
                Abort();
                return;
            }

            if (!_clockPending && nowMs - _phaseStartedMs >= CloseHandshakeTimeoutMs)
            {
                Abort();
                return;
            }

            PumpOutput();
        }

        // Reads up to the tick's budget; true when the stream had nothing more to give.
        private bool ReadFrames(long nowMs)
        {
            int budget = MaxBytesPerTick;
            while (budget > 0)
            {
                int n = _stream.TryRead(_input, 0, budget < InputChunkBytes ? budget : InputChunkBytes);
                if (n == 0)
                {
                    return true;
                }

                budget -= n;
                _lastReceivedMs = nowMs;
                ProcessInput(_input, 0, n);
            }

            return false;
        }

        private void ProcessInput(byte[] buffer, int offset, int count)
        {
            int position = offset;
            int end = offset + count;
            while (!_discardInput)
            {
                int consumed;
                int payloadOffset;
                int payloadCount;
                FrameEvent frameEvent = _decoder.Next(buffer, position, end - position, out consumed, out payloadOffset, out payloadCount);
                position += consumed;
                switch (frameEvent)
                {
                    case FrameEvent.NeedMoreInput:
                        return;
                    case FrameEvent.Violation:
                        Violate(_decoder.ViolationCode, _decoder.ViolationText);
                        return;
                    case FrameEvent.HeaderDecoded:
                        OnHeader();
                        break;
                    case FrameEvent.PayloadData:
                        OnPayload(buffer, payloadOffset, payloadCount);
                        break;
                    case FrameEvent.FrameComplete:
                        OnFrameComplete();
                        break;
                }
            }
        }

        private void OnHeader()
        {
            FrameHeader header = _decoder.Header;
            if (FrameHeader.IsControl(header.Opcode))
            {
                _controlLength = 0;
                return;
            }

            CloseStatusCode violation = _assembler.BeginFrame(header.Opcode, header.Fin);
            if (violation != CloseStatusCode.None)
            {
                Violate(violation, _assembler.ViolationText);
            }
        }

        private void OnPayload(byte[] buffer, int offset, int count)
        {
            if (FrameHeader.IsControl(_decoder.Header.Opcode))
            {
                // The decoder bounds control payloads to 125 bytes.
                Array.Copy(buffer, offset, _control, _controlLength, count);
                _controlLength += count;
                return;
            }

            CloseStatusCode violation = _assembler.Append(buffer, offset, count);
            if (violation != CloseStatusCode.None)
            {
                Violate(violation, _assembler.ViolationText);
            }
        }

        private void OnFrameComplete()
        {
            WebSocketOpcode opcode = _decoder.Header.Opcode;
            if (!FrameHeader.IsControl(opcode))
            {
                CloseStatusCode violation = _assembler.EndFrame();
                if (violation != CloseStatusCode.None)
                {
                    Violate(violation, _assembler.ViolationText);
                }

                return;
            }

            if (opcode == WebSocketOpcode.Ping)
            {
                // §5.5.2: answer with a pong carrying the same payload; §5.5.3: only the latest ping needs an answer.
                if (_phase == Phase.Open)
                {
                    Array.Copy(_control, 0, _pong, 0, _controlLength);
                    _pongLength = _controlLength;
                    _pongPending = true;
                }
            }
            else if (opcode == WebSocketOpcode.Pong)
            {
                PongsReceived++;
            }
            else
            {
                OnCloseFrame();
            }
        }

        private void OnCloseFrame()
        {
            int code;
            CloseStatusCode violation = ClosePayload.Check(_control, _controlLength, _textCheck, out code);
            LastCloseCodeReceived = code;
            if (_phase == Phase.AwaitPeerClose)
            {
                // Our close is answered (§7.1.2); the server closes TCP next (§7.1.1).
                _discardInput = true;
                _phase = Phase.AwaitStreamEnd;
                return;
            }

            if (violation != CloseStatusCode.None)
            {
                Violate(violation, violation == CloseStatusCode.InvalidPayloadData ? "close reason is not valid UTF-8 (RFC 6455 §8.1)" : "close frame with a 1-byte body or a code that must not be sent (RFC 6455 §5.5.1, §7.4)");
                return;
            }

            // §5.5.1: answer with a close frame echoing the status code, then wait for the server to close TCP.
            LastCloseReason = WebSocketCloseReason.ClosedByPeer;
            QueueClose(_controlLength == 0 ? 0 : code);
            EnterClosing(Phase.AwaitStreamEnd);
            _discardInput = true;
        }

        // §7.1.7 Fail the WebSocket Connection: send a close frame with the code (unless one was sent), then process no more input.
        private void Violate(CloseStatusCode code, string text)
        {
            if (_phase == Phase.Open)
            {
                LastCloseReason = WebSocketCloseReason.ProtocolError;
                LastErrorText = text;
                QueueClose((int)code);
                EnterClosing(Phase.AwaitStreamEnd);
            }
            else
            {
                _phase = Phase.AwaitStreamEnd;
            }

            _discardInput = true;
        }

        private void EnterClosing(Phase phase)
        {
            _phase = phase;
            _pongPending = false;
            _pingPending = false;
            if (_writer.IsBusy && !_writer.HasWritten)
            {
                // A frame not begun on the wire is dropped: after our close frame nothing else may follow (§5.5.1).
                _writer.Reset();
                _sendingData = false;
            }

            // The close handshake timer starts with the next tick's time (Close() has no time of its own).
            _clockPending = true;
        }

        private void QueueClose(int code)
        {
            _closeFrameLength = code == 0 ? 0 : ClosePayload.WriteCode(_closeFrame, 0, code);
            _closePending = true;
            LastCloseCodeSent = code == 0 ? (int)CloseStatusCode.NoStatusReceived : code;
        }

        private void PumpOutput()
        {
            int budget = MaxBytesPerTick;
            while (budget > 0)
            {
                if (!_writer.IsBusy && !StartNextFrame())
                {
                    return;
                }

                budget -= _writer.Pump(_stream, budget);
                if (_writer.IsBusy)
                {
                    return;
                }

                if (_sendingData)
                {
                    _sendingData = false;
                    _sendQueue.DropHead();
                }
            }
        }

        private bool StartNextFrame()
        {
            if (_phase == Phase.Open)
            {
                if (_pongPending)
                {
                    _pongPending = false;
                    _writer.Start(WebSocketOpcode.Pong, _pong, 0, _pongLength);
                    PongsSent++;
                    return true;
                }

                if (_pingPending)
                {
                    _pingPending = false;
                    _writer.Start(WebSocketOpcode.Ping, EmptyPayload, 0, 0);
                    PingsSent++;
                    return true;
                }

                if (_sendQueue.Count > 0)
                {
                    _sendingData = true;
                    _writer.Start(WebSocketOpcode.Text, _sendQueue.HeadSlot, 0, _sendQueue.HeadLength);
                    return true;
                }

                return false;
            }

            if (_closePending && (_phase == Phase.AwaitPeerClose || _phase == Phase.AwaitStreamEnd))
            {
                _closePending = false;
                _writer.Start(WebSocketOpcode.Close, _closeFrame, 0, _closeFrameLength);
                return true;
            }

            return false;
        }

        private void Fail(WebSocketCloseReason reason, string text)
        {
            LastCloseReason = reason;
            LastErrorText = text;
            Abort();
        }

        private void RefuseConnect(string text)
        {
            LastCloseReason = WebSocketCloseReason.ConnectFailed;
            LastErrorText = text;
        }

        private void Abort()
        {
            _phase = Phase.Aborting;
            _stream.Close();
            if (_stream.State == StreamConnectionState.Closed)
            {
                Finish();
            }
        }

        private void Finish()
        {
            _phase = Phase.Idle;
            _sendQueue.Clear();
            _writer.Reset();
            _sendingData = false;
            _pongPending = false;
            _pingPending = false;
            _closePending = false;
            _clockPending = false;
        }

        private static WebSocketCloseReason ConnectFailure(StreamConnectionError error)
        {
            switch (error)
            {
                case StreamConnectionError.TlsFailed:
                    return WebSocketCloseReason.TlsFailed;
                case StreamConnectionError.ConnectTimeout:
                    return WebSocketCloseReason.ConnectTimeout;
                default:
                    return WebSocketCloseReason.ConnectFailed;
            }
        }
    }
}
