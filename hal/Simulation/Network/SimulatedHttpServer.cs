using System;
using System.Collections.Generic;
using System.Text;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The HTTP server with the browser side played by the test: <see cref="Inject"/> puts a request in the
/// bounded queue (or has the worker refuse it, as the real one does), the loop answers, and the test reads
/// the answer with <see cref="TryGetResponse"/>. Deadlines run in virtual time.
/// </summary>
public sealed class SimulatedHttpServer : IHttpServer, ISimulatedDevice
{
    private readonly IMonotonicClock _clock;
    private readonly HttpExchange[] _slots;
    private readonly int[] _slotRequestIds;
    private readonly bool[] _slotBusy;
    private readonly Queue<int> _pending = new Queue<int>();
    private readonly Dictionary<int, SimulatedHttpResponse> _responses = new Dictionary<int, SimulatedHttpResponse>();
    private int _nextRequestId = 1;

    /// <summary>Creates a stopped server.</summary>
    public SimulatedHttpServer(IMonotonicClock clock, int maxPendingRequests = 2, int maxBodyBytes = 4096, int responseDeadlineMs = 2000)
    {
        _clock = clock;
        MaxPendingRequests = maxPendingRequests;
        MaxBodyBytes = maxBodyBytes;
        ResponseDeadlineMs = responseDeadlineMs;
        _slots = new HttpExchange[maxPendingRequests];
        _slotRequestIds = new int[maxPendingRequests];
        _slotBusy = new bool[maxPendingRequests];
        for (int i = 0; i < maxPendingRequests; i++)
        {
            _slots[i] = new HttpExchange(maxBodyBytes);
        }
    }

    /// <inheritdoc />
    public bool IsRunning { get; private set; }

    /// <summary>Port passed to <see cref="Start"/>.</summary>
    public int Port { get; private set; }

    /// <inheritdoc />
    public int MaxBodyBytes { get; }

    /// <inheritdoc />
    public int MaxPendingRequests { get; }

    /// <inheritdoc />
    public int ResponseDeadlineMs { get; }

    /// <inheritdoc />
    public bool Start(int port)
    {
        if (IsRunning)
        {
            return false;
        }

        Port = port;
        IsRunning = true;
        return true;
    }

    /// <inheritdoc />
    public void Stop()
    {
        IsRunning = false;
        _pending.Clear();
        Array.Clear(_slotBusy);
    }

    /// <summary>Browser side: sends a request; returns its id, or -1 when the server is not listening.</summary>
    public int Inject(string method, string pathAndQuery, string body = null, string contentType = null, string authorization = null)
    {
        if (!IsRunning)
        {
            return -1;
        }

        int id = _nextRequestId++;
        byte[] bodyBytes = body == null ? Array.Empty<byte>() : Encoding.UTF8.GetBytes(body);
        if (bodyBytes.Length > MaxBodyBytes)
        {
            _responses[id] = WorkerAnswer(413, "Payload Too Large");
            return id;
        }

        int slot = Array.IndexOf(_slotBusy, false);
        if (slot < 0)
        {
            _responses[id] = WorkerAnswer(503, "Busy");
            return id;
        }

        int q = pathAndQuery.IndexOf('?');
        string path = q < 0 ? pathAndQuery : pathAndQuery.Substring(0, q);
        string query = q < 0 ? string.Empty : pathAndQuery.Substring(q + 1);
        _slots[slot].SetRequest(method, path, query, authorization, contentType, bodyBytes, 0, bodyBytes.Length, _clock.NowMs);
        _slotBusy[slot] = true;
        _slotRequestIds[slot] = id;
        _pending.Enqueue(slot);
        return id;
    }

    /// <summary>Browser side: the answer to request <paramref name="requestId"/>, once there is one.</summary>
    public bool TryGetResponse(int requestId, out SimulatedHttpResponse response) => _responses.TryGetValue(requestId, out response);

    /// <inheritdoc />
    public bool TryAccept(out HttpExchange exchange)
    {
        while (_pending.Count > 0)
        {
            int slot = _pending.Dequeue();
            if (_slotBusy[slot])
            {
                exchange = _slots[slot];
                return true;
            }
        }

        exchange = null;
        return false;
    }

    /// <inheritdoc />
    public bool Respond(HttpExchange exchange, int generation, int statusCode, string contentType, string extraHeaders, byte[] body, int offset, int count)
    {
        int slot = Array.IndexOf(_slots, exchange);
        if (slot < 0 || !_slotBusy[slot] || exchange.Generation != generation)
        {
            return false;
        }

        byte[] copy = new byte[count];
        if (count > 0)
        {
            Buffer.BlockCopy(body, offset, copy, 0, count);
        }

        _responses[_slotRequestIds[slot]] = new SimulatedHttpResponse { StatusCode = statusCode, ContentType = contentType, ExtraHeaders = extraHeaders, Body = copy };
        _slotBusy[slot] = false;
        return true;
    }

    /// <inheritdoc />
    public void Advance(long nowUs)
    {
        long nowMs = nowUs / 1000;
        for (int slot = 0; slot < _slots.Length; slot++)
        {
            if (_slotBusy[slot] && nowMs - _slots[slot].ReceivedAtMs >= ResponseDeadlineMs)
            {
                _responses[_slotRequestIds[slot]] = WorkerAnswer(503, "No answer in time");
                _slotBusy[slot] = false;
            }
        }
    }

    private static SimulatedHttpResponse WorkerAnswer(int status, string text) =>
        new SimulatedHttpResponse { StatusCode = status, ContentType = "text/plain", Body = Encoding.UTF8.GetBytes(text), AnsweredByWorker = true };
}
