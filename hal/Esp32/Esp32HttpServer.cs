using System;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// HTTP/1.1 server for the local configuration page over nanoFramework's System.Net.HttpListener (assembly
    /// System.Net.Http, package nanoFramework.System.Net.Http.Server). Socket I/O runs on two HAL threads; complete
    /// requests wait for the loop in a fixed pool of <see cref="HttpExchange"/> slots.
    /// </summary>
    /// <remarks>
    /// <para>Acceptor thread: takes a connection with <c>GetContext</c> (blocks), reads method, target, Authorization,
    /// Content-Type and the body, and puts the request into a free slot. It answers by itself: <c>413</c> when the
    /// body exceeds <see cref="MaxBodyBytes"/> (by Content-Length, or while reading a chunked body), <c>400</c> for a
    /// malformed request or a body shorter than its Content-Length, <c>503</c> when no slot is free.</para>
    /// <para>Responder thread: writes the loop's answers (status, Content-Type, extra headers, body) and closes the
    /// connection, and answers <c>503</c> for every request the loop has not answered within
    /// <see cref="ResponseDeadlineMs"/>. It sleeps on an AutoResetEvent until the next deadline, an answer or a stop.</para>
    /// <para>Loop side: <see cref="TryAccept"/>, <see cref="Respond"/> and <see cref="Stop"/> only touch the slot table
    /// under a lock that is never held across socket I/O, so they do not wait. <see cref="Respond"/> copies the body
    /// (one allocation per answer, outside the steady-state tick) and checks the slot's generation, so a late answer
    /// to a reused slot is refused.</para>
    /// <para>Connections are not kept alive (nanoFramework's HttpListenerResponse sends "Connection: Close" by
    /// default), so the listener creates no keep-alive threads; it does run its own accept thread. A client that
    /// connects and sends nothing blocks the acceptor inside the library's request-line parser (no read timeout can be
    /// set before it), which stalls the configuration page but nothing else; body reads use
    /// <see cref="BodyReadTimeoutMs"/>.</para>
    /// </remarks>
    public sealed class Esp32HttpServer : IHttpServer
    {
        /// <summary>Socket read timeout while receiving a request body, milliseconds.</summary>
        public const int BodyReadTimeoutMs = 5000;

        /// <summary>Socket write timeout while sending an answer, milliseconds.</summary>
        public const int ResponseWriteTimeoutMs = 5000;

        /// <summary>Longest sleep of the responder when no deadline is pending, milliseconds.</summary>
        public const int ResponderIdleWaitMs = 1000;

        private const int SlotFree = 0;
        private const int SlotPending = 1;
        private const int SlotTaken = 2;
        private const int SlotAnswered = 3;
        private const int SlotExpired = 4;
        private const int SlotWriting = 5;

        private const int StatusBadRequest = 400;
        private const int StatusPayloadTooLarge = 413;
        private const int StatusServiceUnavailable = 503;
        private const string PlainText = "text/plain";

        private readonly object _gate = new object();
        private readonly AutoResetEvent _acceptorWake = new AutoResetEvent(false);
        private readonly AutoResetEvent _responderWake = new AutoResetEvent(false);

        // Guarded by _gate.
        private readonly HttpExchange[] _slots;
        private readonly int[] _slotStates;
        private readonly int[] _slotSequence;
        private readonly HttpListenerContext[] _slotContexts;
        private readonly int[] _responseStatus;
        private readonly string[] _responseContentType;
        private readonly string[] _responseHeaders;
        private readonly byte[][] _responseBodies;
        private int _nextSequence;
        private int _runId;
        private int _port;
        private HttpListener _listener;
        private HttpListener _listenerToClose;
        private bool _threadsStarted;

        // Guarded by _gate (no 'volatile': nanoFramework's mscorlib has no IsVolatile modifier type).
        private bool _running;

        // Acceptor thread only: body of the request being read (one byte more than allowed, to detect overflow).
        private readonly byte[] _bodyBuffer;

        /// <summary>Creates a stopped server.</summary>
        /// <param name="maxPendingRequests">Requests that can wait for the loop at once (slots).</param>
        /// <param name="maxBodyBytes">Largest accepted request body, bytes.</param>
        /// <param name="responseDeadlineMs">Time the loop has to answer, milliseconds.</param>
        public Esp32HttpServer(int maxPendingRequests, int maxBodyBytes, int responseDeadlineMs)
        {
            if (maxPendingRequests <= 0 || maxBodyBytes < 0 || responseDeadlineMs <= 0)
            {
                throw new ArgumentOutOfRangeException("maxPendingRequests", "bounds must be positive");
            }

            MaxPendingRequests = maxPendingRequests;
            MaxBodyBytes = maxBodyBytes;
            ResponseDeadlineMs = responseDeadlineMs;
            _slots = new HttpExchange[maxPendingRequests];
            _slotStates = new int[maxPendingRequests];
            _slotSequence = new int[maxPendingRequests];
            _slotContexts = new HttpListenerContext[maxPendingRequests];
            _responseStatus = new int[maxPendingRequests];
            _responseContentType = new string[maxPendingRequests];
            _responseHeaders = new string[maxPendingRequests];
            _responseBodies = new byte[maxPendingRequests][];
            for (int i = 0; i < maxPendingRequests; i++)
            {
                _slots[i] = new HttpExchange(maxBodyBytes);
            }

            _bodyBuffer = new byte[maxBodyBytes + 1];
        }

        /// <inheritdoc />
        public bool IsRunning
        {
            get
            {
                Monitor.Enter(_gate);
                try
                {
                    return _running;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }
            }
        }

        /// <inheritdoc />
        public int MaxBodyBytes { get; private set; }

        /// <inheritdoc />
        public int MaxPendingRequests { get; private set; }

        /// <inheritdoc />
        public int ResponseDeadlineMs { get; private set; }

        /// <inheritdoc />
        /// <remarks>Returns at once; the acceptor binds the port. If binding fails, <see cref="IsRunning"/> turns false.</remarks>
        public bool Start(int port)
        {
            bool startThreads = false;
            Monitor.Enter(_gate);
            try
            {
                if (_running || port <= 0 || port > 65535)
                {
                    return false;
                }

                _running = true;
                _runId++;
                _port = port;
                if (!_threadsStarted)
                {
                    _threadsStarted = true;
                    startThreads = true;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (startThreads)
            {
                Thread acceptor = new Thread(AcceptorLoop);
                acceptor.Start();
                Thread responder = new Thread(ResponderLoop);
                responder.Start();
            }

            _acceptorWake.Set();
            return true;
        }

        /// <inheritdoc />
        /// <remarks>Waiting requests are answered 503 by the responder, which also closes the listener.</remarks>
        public void Stop()
        {
            Monitor.Enter(_gate);
            try
            {
                _running = false;
                _runId++;
                if (_listener != null)
                {
                    _listenerToClose = _listener;
                    _listener = null;
                }

                for (int i = 0; i < _slots.Length; i++)
                {
                    if (_slotStates[i] == SlotPending || _slotStates[i] == SlotTaken)
                    {
                        _slotStates[i] = SlotExpired;
                    }
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _responderWake.Set();
        }

        /// <inheritdoc />
        public bool TryAccept(out HttpExchange exchange)
        {
            Monitor.Enter(_gate);
            try
            {
                int oldest = -1;
                for (int i = 0; i < _slots.Length; i++)
                {
                    // Sequence numbers wrap; their difference orders them correctly.
                    if (_slotStates[i] == SlotPending && (oldest < 0 || _slotSequence[i] - _slotSequence[oldest] < 0))
                    {
                        oldest = i;
                    }
                }

                if (oldest < 0)
                {
                    exchange = null;
                    return false;
                }

                _slotStates[oldest] = SlotTaken;
                exchange = _slots[oldest];
                return true;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        /// <inheritdoc />
        public bool Respond(HttpExchange exchange, int generation, int statusCode, string contentType, string extraHeaders, byte[] body, int offset, int count)
        {
            if (exchange == null)
            {
                return false;
            }

            byte[] copy = new byte[count > 0 ? count : 0];
            if (count > 0)
            {
                Array.Copy(body, offset, copy, 0, count);
            }

            Monitor.Enter(_gate);
            try
            {
                int slot = IndexOfSlot(exchange);
                if (slot < 0 || _slotStates[slot] != SlotTaken || exchange.Generation != generation)
                {
                    return false;
                }

                _responseStatus[slot] = statusCode;
                _responseContentType[slot] = contentType;
                _responseHeaders[slot] = extraHeaders;
                _responseBodies[slot] = copy;
                _slotStates[slot] = SlotAnswered;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            _responderWake.Set();
            return true;
        }

        private static long NowMs()
        {
            return Esp32MonotonicClock.ReadMicroseconds() / 1000;
        }

        // True when text starts with the lower-case ASCII prefix, ignoring case.
        private static bool HasPrefix(string text, string prefix)
        {
            if (text.Length < prefix.Length)
            {
                return false;
            }

            // ASCII case folding by hand: nanoFramework's Char.ToLower is an instance method, the BCL's is static.
            for (int i = 0; i < prefix.Length; i++)
            {
                char c = text[i];
                if (c >= 'A' && c <= 'Z')
                {
                    c = (char)(c + ('a' - 'A'));
                }

                if (c != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        // Origin-form target of the request line; an absolute-form target (RFC 9112 §3.2.2) loses scheme and authority.
        private static string OriginForm(string rawUrl)
        {
            int schemeLength = HasPrefix(rawUrl, "http://") ? 7 : HasPrefix(rawUrl, "https://") ? 8 : 0;
            if (schemeLength == 0)
            {
                return rawUrl;
            }

            int slash = rawUrl.IndexOf('/', schemeLength);
            return slash < 0 ? "/" : rawUrl.Substring(slash);
        }

        private static void AddHeaders(WebHeaderCollection headers, string extraHeaders)
        {
            if (extraHeaders == null)
            {
                return;
            }

            int start = 0;
            while (start < extraHeaders.Length)
            {
                int end = extraHeaders.IndexOf('\n', start);
                if (end < 0)
                {
                    end = extraHeaders.Length;
                }

                string line = extraHeaders.Substring(start, end - start).Trim();
                start = end + 1;
                int colon = line.IndexOf(':');
                if (colon <= 0)
                {
                    continue;
                }

                try
                {
                    headers.Add(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim());
                }
                catch (Exception)
                {
                    // Restricted (e.g. Content-Length, set by the server) or malformed header: skipped.
                }
            }
        }

        private static void WriteResponse(HttpListenerContext context, int statusCode, string contentType, string extraHeaders, byte[] body)
        {
            try
            {
                HttpListenerResponse response = context.Response;
                response.StatusCode = statusCode;
                if (contentType != null)
                {
                    response.ContentType = contentType;
                }

                response.ContentLength64 = body.Length;
                AddHeaders(response.Headers, extraHeaders);
                Stream output = response.OutputStream;
                try
                {
                    output.WriteTimeout = ResponseWriteTimeoutMs;
                }
                catch (Exception)
                {
                    // Stream without write timeout support: the socket's own timeout applies.
                }

                if (body.Length > 0)
                {
                    output.Write(body, 0, body.Length);
                }

                response.Close();
            }
            catch (Exception)
            {
                // The client went away; nothing to report to the loop.
            }

            CloseQuietly(context);
        }

        private static void Answer(HttpListenerContext context, int statusCode, string text)
        {
            WriteResponse(context, statusCode, PlainText, null, Encoding.UTF8.GetBytes(text));
        }

        private static void CloseQuietly(HttpListenerContext context)
        {
            try
            {
                context.Close();
            }
            catch (Exception)
            {
                // Already closed.
            }
        }

        private static void CloseQuietly(HttpListener listener)
        {
            try
            {
                listener.Close();
            }
            catch (Exception)
            {
                // HttpListener.Close does not throw by design; this guards a failing native socket close.
            }
        }

        private int IndexOfSlot(HttpExchange exchange)
        {
            for (int i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] == exchange)
                {
                    return i;
                }
            }

            return -1;
        }

        private void AcceptorLoop()
        {
            int servedRunId = 0;
            while (true)
            {
                int runId;
                int port;
                bool serve;
                Monitor.Enter(_gate);
                try
                {
                    runId = _runId;
                    port = _port;
                    serve = _running && runId != servedRunId;
                }
                finally
                {
                    Monitor.Exit(_gate);
                }

                if (!serve)
                {
                    _acceptorWake.WaitOne();
                    continue;
                }

                servedRunId = runId;
                try
                {
                    ServeRun(runId, port);
                }
                catch (Exception)
                {
                    // Keep the acceptor alive; the run ended.
                }
            }
        }

        private void ServeRun(int runId, int port)
        {
            // A stopped run's listener may still hold the port.
            CloseRetiredListener();
            HttpListener listener;
            try
            {
                listener = new HttpListener("http", port);
                listener.Start();
            }
            catch (Exception)
            {
                EndRun(runId, null);
                return;
            }

            bool current;
            Monitor.Enter(_gate);
            try
            {
                current = _running && _runId == runId;
                if (current)
                {
                    _listener = listener;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (!current)
            {
                CloseQuietly(listener);
                return;
            }

            while (true)
            {
                HttpListenerContext context;
                try
                {
                    // Returns null once the listener is stopped (HttpListener.cs GetContext).
                    context = listener.GetContext();
                }
                catch (Exception)
                {
                    context = null;
                }

                if (context == null)
                {
                    break;
                }

                HandleContext(context, runId);
            }

            EndRun(runId, listener);
        }

        // The listener of a run stopped working (or never started): the server is no longer running.
        private void EndRun(int runId, HttpListener listener)
        {
            Monitor.Enter(_gate);
            try
            {
                if (_runId == runId)
                {
                    _running = false;
                }

                if (listener != null && _listener == listener)
                {
                    _listener = null;
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (listener != null)
            {
                CloseQuietly(listener);
            }
        }

        private void HandleContext(HttpListenerContext context, int runId)
        {
            string method;
            string target;
            string authorization;
            string contentType;
            int bodyLength;
            try
            {
                HttpListenerRequest request = context.Request;
                method = request.HttpMethod;
                string rawUrl = request.RawUrl;
                if (method == null || rawUrl == null)
                {
                    Answer(context, StatusBadRequest, "Bad Request");
                    return;
                }

                target = OriginForm(rawUrl);
                WebHeaderCollection headers = request.Headers;
                authorization = headers["Authorization"];
                string transferEncoding = headers["Transfer-Encoding"];
                bool chunked = transferEncoding != null && transferEncoding.ToLower().IndexOf("chunked") >= 0;
                contentType = request.ContentType;
                int status = ReadBody(request.InputStream, request.ContentLength64, chunked, out bodyLength);
                if (status != 0)
                {
                    Answer(context, status, status == StatusPayloadTooLarge ? "Payload Too Large" : "Bad Request");
                    return;
                }
            }
            catch (Exception)
            {
                CloseQuietly(context);
                return;
            }

            int query = target.IndexOf('?');
            string path = query < 0 ? target : target.Substring(0, query);
            string queryText = query < 0 ? string.Empty : target.Substring(query + 1);
            if (!TryQueue(context, runId, method, path, queryText, authorization, contentType, bodyLength))
            {
                Answer(context, StatusServiceUnavailable, "Busy");
                return;
            }

            // A new deadline to watch.
            _responderWake.Set();
        }

        // Reads the body into _bodyBuffer. Returns 0, or the status the acceptor answers with.
        private int ReadBody(Stream input, long contentLength, bool chunked, out int length)
        {
            length = 0;
            if (!chunked && contentLength <= 0)
            {
                // No Content-Length and no chunked coding: the request has no body (RFC 9112 §6.3).
                return 0;
            }

            if (!chunked && contentLength > MaxBodyBytes)
            {
                return StatusPayloadTooLarge;
            }

            try
            {
                input.ReadTimeout = BodyReadTimeoutMs;
            }
            catch (Exception)
            {
                // Stream without read timeout support: the socket's own timeout applies.
            }

            // For a chunked body read one byte more than allowed: getting it means the body is too large.
            int limit = chunked ? _bodyBuffer.Length : (int)contentLength;
            while (length < limit)
            {
                int n = input.Read(_bodyBuffer, length, limit - length);
                if (n <= 0)
                {
                    break;
                }

                length += n;
            }

            if (chunked)
            {
                return length > MaxBodyBytes ? StatusPayloadTooLarge : 0;
            }

            return length == contentLength ? 0 : StatusBadRequest;
        }

        private bool TryQueue(HttpListenerContext context, int runId, string method, string path, string query, string authorization, string contentType, int bodyLength)
        {
            long nowMs = NowMs();
            Monitor.Enter(_gate);
            try
            {
                if (!_running || _runId != runId)
                {
                    return false;
                }

                for (int i = 0; i < _slots.Length; i++)
                {
                    if (_slotStates[i] == SlotFree)
                    {
                        _slots[i].SetRequest(method, path, query, authorization, contentType, _bodyBuffer, 0, bodyLength, nowMs);
                        _slotContexts[i] = context;
                        _slotSequence[i] = _nextSequence++;
                        _slotStates[i] = SlotPending;
                        return true;
                    }
                }

                return false;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private void ResponderLoop()
        {
            while (true)
            {
                _responderWake.WaitOne(NextWaitMs(), false);
                try
                {
                    CloseRetiredListener();
                    int slot;
                    while ((slot = TakeWork()) >= 0)
                    {
                        WriteSlot(slot);
                    }
                }
                catch (Exception)
                {
                    // Keep the responder alive; every socket call is already guarded.
                }
            }
        }

        private void CloseRetiredListener()
        {
            HttpListener listener;
            Monitor.Enter(_gate);
            try
            {
                listener = _listenerToClose;
                _listenerToClose = null;
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (listener != null)
            {
                CloseQuietly(listener);
            }
        }

        // Time until the earliest deadline, clamped to 1..ResponderIdleWaitMs.
        private int NextWaitMs()
        {
            long nowMs = NowMs();
            long waitMs = ResponderIdleWaitMs;
            Monitor.Enter(_gate);
            try
            {
                for (int i = 0; i < _slots.Length; i++)
                {
                    if (_slotStates[i] == SlotPending || _slotStates[i] == SlotTaken)
                    {
                        long remainingMs = _slots[i].ReceivedAtMs + ResponseDeadlineMs - nowMs;
                        if (remainingMs < waitMs)
                        {
                            waitMs = remainingMs;
                        }
                    }
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            return waitMs < 1 ? 1 : (int)waitMs;
        }

        // Expires overdue requests and claims one slot that needs writing; -1 when none.
        private int TakeWork()
        {
            long nowMs = NowMs();
            Monitor.Enter(_gate);
            try
            {
                int found = -1;
                for (int i = 0; i < _slots.Length; i++)
                {
                    int state = _slotStates[i];
                    if ((state == SlotPending || state == SlotTaken) && nowMs - _slots[i].ReceivedAtMs >= ResponseDeadlineMs)
                    {
                        _slotStates[i] = SlotExpired;
                        state = SlotExpired;
                    }

                    if (found < 0 && (state == SlotAnswered || state == SlotExpired))
                    {
                        found = i;
                    }
                }

                if (found >= 0)
                {
                    if (_slotStates[found] == SlotExpired)
                    {
                        _responseStatus[found] = StatusServiceUnavailable;
                        _responseContentType[found] = PlainText;
                        _responseHeaders[found] = null;
                        _responseBodies[found] = null;
                    }

                    _slotStates[found] = SlotWriting;
                }

                return found;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }

        private void WriteSlot(int slot)
        {
            HttpListenerContext context;
            int status;
            string contentType;
            string headers;
            byte[] body;
            Monitor.Enter(_gate);
            try
            {
                context = _slotContexts[slot];
                status = _responseStatus[slot];
                contentType = _responseContentType[slot];
                headers = _responseHeaders[slot];
                body = _responseBodies[slot];
            }
            finally
            {
                Monitor.Exit(_gate);
            }

            if (context != null)
            {
                if (body == null)
                {
                    Answer(context, status, "No answer in time");
                }
                else
                {
                    WriteResponse(context, status, contentType, headers, body);
                }
            }

            Monitor.Enter(_gate);
            try
            {
                _slotContexts[slot] = null;
                _responseBodies[slot] = null;
                _responseHeaders[slot] = null;
                _slotStates[slot] = SlotFree;
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }
}
