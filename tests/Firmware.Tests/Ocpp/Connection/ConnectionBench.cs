using Wallbox.Firmware.Ocpp.Connection;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Ocpp.Connection;

/// <summary>An <see cref="OcppConnection"/> on a scripted WebSocket in virtual time.</summary>
internal sealed class ConnectionBench
{
    public ConnectionBench(int seed = 7)
    {
        Socket = new SimulatedWebSocketClient(Clock);
        Log = new MemoryLogSink();
        Connection = new OcppConnection(Socket, new Logger(Log, Clock, LogLevel.Debug), seed);
    }

    public VirtualClock Clock { get; } = new VirtualClock();

    public SimulatedWebSocketClient Socket { get; }

    public MemoryLogSink Log { get; }

    public OcppConnection Connection { get; }

    public static OcppConnectionSettings Settings(string url = "ws://csms.example/ocpp", string identity = "CP-001", string key = "", int profile = 0, int pingS = 60) =>
        new OcppConnectionSettings
        {
            Enabled = true,
            CentralSystemUrl = url,
            ChargePointIdentity = identity,
            AuthorizationKey = key,
            SecurityProfile = profile,
            WebSocketPingIntervalS = pingS,
        };

    public void Run(long ms)
    {
        for (long i = 0; i < ms; i += 10)
        {
            Clock.AdvanceMs(10);
            Socket.Advance(Clock.NowUs);
            Connection.Tick(Clock.NowMs);
        }
    }

    /// <summary>Runs until <paramref name="condition"/> holds; returns the virtual milliseconds it took, or -1.</summary>
    public long RunUntil(System.Func<bool> condition, long maxMs)
    {
        long start = Clock.NowMs;
        while (!condition())
        {
            if (Clock.NowMs - start > maxMs)
            {
                return -1;
            }

            Run(10);
        }

        return Clock.NowMs - start;
    }
}
