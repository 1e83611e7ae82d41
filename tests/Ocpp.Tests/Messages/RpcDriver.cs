using System;
using System.Threading;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Ocpp.Tests.Transport;

namespace Wallbox.Ocpp.Tests.Messages;

/// <summary>
/// The firmware's RPC endpoint on a real WebSocket to the strict central system, ticked every millisecond by a
/// thread of its own as the main loop would (the only thread that touches the endpoint while it runs).
/// </summary>
internal sealed class RpcDriver : IDisposable
{
    private readonly Thread _ticker;
    private readonly Func<long> _nowMs;
    private volatile bool _stop;
    private Exception _failure;

    public RpcDriver(string url, int maxMessageBytes, Action<OcppRpc> register = null)
    {
        Socket = new HostWebSocketClient(maxMessageBytes);
        Log = new MemoryLogSink();
        var clock = new System.Diagnostics.Stopwatch();
        clock.Start();
        _nowMs = () => clock.ElapsedMilliseconds;
        Rpc = new OcppRpc(Socket, new Logger(Log, new StopwatchClock(clock), LogLevel.Debug), 8, "rt-");
        register?.Invoke(Rpc);
        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(Socket, WebSocketClientDriver.Options(url)));
        _ticker = new Thread(Run) { IsBackground = true, Name = "rpc-ticker" };
        _ticker.Start();
    }

    public HostWebSocketClient Socket { get; }

    public MemoryLogSink Log { get; }

    public OcppRpc Rpc { get; }

    /// <summary>Queued by the ticker thread; completed calls are read after <see cref="WaitFinished"/>.</summary>
    public void Enqueue(OcppCall call)
    {
        bool queued = false;
        RunOnTicker(() => queued = Rpc.TryEnqueue(call));
        Assert.True(queued, "call refused by the queue");
    }

    public void WaitFinished(OcppCall call, int timeoutMs = 10_000)
    {
        RealTime.WaitUntil(() => call.IsFinished || _failure != null, timeoutMs, call.Request.Action + " to finish");
        Assert.Null(_failure);
    }

    public void Dispose()
    {
        _stop = true;
        _ticker.Join();
        Socket.Dispose();
    }

    private readonly object _gate = new object();
    private Action _pending;

    private void RunOnTicker(Action action)
    {
        lock (_gate)
        {
            _pending = action;
        }

        RealTime.WaitUntil(() => { lock (_gate) { return _pending == null; } }, 5000, "the ticker to run the action");
    }

    private void Run()
    {
        try
        {
            while (!_stop)
            {
                lock (_gate)
                {
                    _pending?.Invoke();
                    _pending = null;
                }

                Rpc.Tick(_nowMs());
                Thread.Sleep(1);
            }
        }
        catch (Exception e)
        {
            _failure = e;
        }
    }
}
