using System;
using System.Diagnostics;
using System.Threading;
using Wallbox.Firmware.Ocpp.Connection;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Ocpp.Tests.Transport;
using Wallbox.Tests.Peers;
using Xunit.Abstractions;

namespace Wallbox.Ocpp.Tests.Link;

/// <summary>
/// The connection manager and the RPC endpoint of the firmware, ticked as the main loop ticks them, on the host
/// WebSocket to the real strict central system: authentication, WBX-10 states, reconnection.
/// </summary>
[Collection(StrictCentralSystemCollection.Name)]
public sealed class OcppLinkAgainstStrictPeerTests
{
    private readonly CsmsPeer _peer;
    private readonly ITestOutputHelper _output;

    public OcppLinkAgainstStrictPeerTests(StrictCentralSystemFixture fixture, ITestOutputHelper output)
    {
        _peer = fixture.Peer;
        _output = output;
    }

    [Fact]
    public void With_the_right_password_the_link_connects_and_a_BootNotification_is_accepted_by_the_strict_central_system()
    {
        string identity = NewIdentity("auth-ok");
        _peer.SetPassword(identity, "0123456789abcdef0123");
        using var link = new LinkUnderTest(Settings(identity, "0123456789abcdef0123", profile: 1));

        link.RunUntil(() => link.Connection.State == OcppConnectionState.Connected, 5000, "Connected");
        PeerEvent connected = _peer.WaitForConnected(identity);
        var boot = new OcppCall(
            new BootNotificationRequest { ChargePointVendor = "OpenWallbox", ChargePointModel = "Virtual", FirmwareVersion = "0.5" },
            new BootNotificationConfirmation());
        link.Rpc.TryEnqueue(boot);
        link.RunUntil(() => boot.IsFinished, 5000, "the BootNotification answer");

        Assert.Equal(OcppCallState.Completed, boot.State);
        Assert.Equal(RegistrationStatus.Accepted, ((BootNotificationConfirmation)boot.Confirmation).Status);
        Assert.StartsWith("Basic ", connected.GetString("authorization"));
        _peer.AssertNoValidationFailures(identity);
    }

    [Fact]
    public void A_wrong_password_is_refused_by_the_central_system_and_shown_as_Error_with_HTTP_401()
    {
        string identity = NewIdentity("auth-bad");
        _peer.SetPassword(identity, "the-right-password-123");
        using var link = new LinkUnderTest(Settings(identity, "a-wrong-password-12345", profile: 1));

        link.RunUntil(() => link.Connection.State == OcppConnectionState.Error, 5000, "Error");

        Assert.Equal(401, link.Connection.LastHandshakeStatus);
        Assert.Equal(WebSocketCloseReason.HandshakeRejected, link.Connection.LastCloseReason);
        Assert.Contains("HTTP 401", link.Connection.Problem);
        _peer.WaitForRejected(identity);
    }

    [Fact]
    public void When_the_central_system_drops_the_connection_the_link_reconnects_within_the_first_back_off()
    {
        string identity = NewIdentity("reconnect");
        using var link = new LinkUnderTest(Settings(identity, string.Empty, profile: 0));
        link.RunUntil(() => link.Connection.State == OcppConnectionState.Connected, 5000, "Connected");
        int mark = _peer.EventCount;

        _peer.CloseConnection(identity, 1001, "going away");
        link.RunUntil(() => link.Connection.State == OcppConnectionState.Connecting, 5000, "Connecting after the close");
        var watch = Stopwatch.StartNew();
        link.RunUntil(() => link.Connection.State == OcppConnectionState.Connected, ReconnectBackOff.MinimumMs + 3000, "Connected again");

        _peer.WaitForConnected(identity, mark);
        Assert.Equal(2, link.Connection.ConnectCount);
        Assert.InRange(watch.ElapsedMilliseconds, 0, ReconnectBackOff.MinimumMs + 3000);
        _output.WriteLine("report: OCPP link reconnected to the strict central system " + watch.ElapsedMilliseconds + " ms after it dropped the connection");
    }

    private static string NewIdentity(string what) => "LINK-" + what + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);

    private OcppConnectionSettings Settings(string identity, string key, int profile) => new OcppConnectionSettings
    {
        Enabled = true,
        CentralSystemUrl = _peer.Url,
        ChargePointIdentity = identity,
        AuthorizationKey = key,
        SecurityProfile = profile,
        WebSocketPingIntervalS = 30,
    };

    /// <summary>Connection manager and RPC endpoint on a host WebSocket, ticked from the test thread every millisecond.</summary>
    private sealed class LinkUnderTest : IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly HostWebSocketClient _socket = new HostWebSocketClient();

        public LinkUnderTest(OcppConnectionSettings settings)
        {
            var log = new Logger(new MemoryLogSink(), new StopwatchClock(_clock), LogLevel.Debug);
            Connection = new OcppConnection(_socket, log, 42);
            Rpc = new OcppRpc(_socket, log, 4, "l-");
            Connection.Apply(settings);
        }

        public OcppConnection Connection { get; }

        public OcppRpc Rpc { get; }

        public void RunUntil(Func<bool> condition, int timeoutMs, string what)
        {
            long end = _clock.ElapsedMilliseconds + timeoutMs;
            while (!condition())
            {
                Assert.True(_clock.ElapsedMilliseconds < end, "timed out waiting for " + what + " (state " + Connection.State + ", " + Connection.Problem + ")");
                Connection.Tick(_clock.ElapsedMilliseconds);
                Rpc.Tick(_clock.ElapsedMilliseconds);
                Thread.Sleep(1);
            }
        }

        public void Dispose() => _socket.Dispose();
    }
}
