using System.Collections.Generic;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Ocpp.Rpc;

/// <summary>An <see cref="OcppRpc"/> on an open scripted WebSocket in virtual time; the test plays the central system.</summary>
internal sealed class RpcBench
{
    public RpcBench(int maxMessageBytes = 8192, int sendQueueCapacity = 4, int queueCapacity = 4)
    {
        Socket = new SimulatedWebSocketClient(Clock, maxMessageBytes, sendQueueCapacity, 8) { MessageLatencyMs = 1, ConnectLatencyMs = 1 };
        Log = new MemoryLogSink();
        Rpc = new OcppRpc(Socket, new Logger(Log, Clock, LogLevel.Debug), queueCapacity, "t-");
        Socket.TryConnect(new WebSocketConnectOptions { Url = "ws://csms/CP1", SubProtocol = "ocpp1.6", ConnectTimeoutMs = 1000 });
        Run(10);
    }

    public VirtualClock Clock { get; } = new VirtualClock();

    public SimulatedWebSocketClient Socket { get; }

    public MemoryLogSink Log { get; }

    public OcppRpc Rpc { get; }

    public void Run(int ms)
    {
        for (int i = 0; i < ms; i++)
        {
            Clock.AdvanceMs(1);
            Socket.Advance(Clock.NowUs);
            Rpc.Tick(Clock.NowMs);
        }
    }

    /// <summary>Everything the charge point sent since the last call.</summary>
    public List<string> Sent()
    {
        var sent = new List<string>();
        while (Socket.TryPeerReceive(out string text))
        {
            sent.Add(text);
        }

        return sent;
    }

    /// <summary>The central system sends <paramref name="frame"/>; returns what the charge point answered within 50 ms.</summary>
    public List<string> Exchange(string frame)
    {
        Sent();
        Socket.PeerSend(frame);
        Run(50);
        return Sent();
    }
}
