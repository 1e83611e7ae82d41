using System.Collections.Generic;
using System.Text;
using Wallbox.Firmware.Ocpp.Connection;
using Wallbox.Hal;

namespace Wallbox.Firmware.Tests.Ocpp.Connection;

/// <summary>The connection manager: URL, authentication, WBX-10 states, back-off, dead-link detection.</summary>
public sealed class OcppConnectionTests
{
    [Fact]
    public void Connects_to_the_url_plus_identity_with_subprotocol_ocpp16_and_basic_authentication()
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings(url: "wss://csms.example/ocpp/", identity: "CP 001/é", key: "s3cr3t-key-0123456", profile: 2));

        bench.Run(100);

        WebSocketConnectOptions options = bench.Socket.LastOptions;
        Assert.Equal("wss://csms.example/ocpp/CP%20001%2F%C3%A9", options.Url);
        Assert.Equal("ocpp1.6", options.SubProtocol);
        string expected = "Basic " + System.Convert.ToBase64String(Encoding.UTF8.GetBytes("CP 001/é:s3cr3t-key-0123456"));
        Assert.Equal(expected, options.Authorization);
        Assert.Equal(OcppConnectionState.Connected, bench.Connection.State);
    }

    [Fact]
    public void A_missing_slash_between_url_and_identity_is_added_and_no_password_means_no_authorization_header()
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings(url: "ws://10.0.0.2:9000/steve/websocket/CentralSystemService", identity: "WB1"));

        bench.Run(100);

        Assert.Equal("ws://10.0.0.2:9000/steve/websocket/CentralSystemService/WB1", bench.Socket.LastOptions.Url);
        Assert.Null(bench.Socket.LastOptions.Authorization);
    }

    [Theory]
    [InlineData(false, "ws://csms.example/", "CP1", "OCPP is disabled")]
    [InlineData(true, "", "CP1", "the central-system URL is not set")]
    [InlineData(true, "ws://csms.example/", "", "the charge-box identity is not set")]
    public void WBX_07_without_enable_url_or_identity_the_link_is_disabled_and_never_connects(bool enabled, string url, string identity, string problem)
    {
        var bench = new ConnectionBench();
        OcppConnectionSettings settings = ConnectionBench.Settings(url: url, identity: identity);
        settings.Enabled = enabled;
        bench.Connection.Apply(settings);

        bench.Run(60_000);

        Assert.Equal(OcppConnectionState.Disabled, bench.Connection.State);
        Assert.Equal(problem, bench.Connection.Problem);
        Assert.Equal(0, bench.Socket.ConnectAttempts);
    }

    [Theory]
    [InlineData("ws://csms.example/", 2, "key", "security profile 2 needs a wss:// URL")]
    [InlineData("ws://csms.example/", 1, "", "security profile 1 needs the AuthorizationKey")]
    public void Unusable_security_settings_are_an_error_and_nothing_is_sent_in_clear(string url, int profile, string key, string problem)
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings(url: url, key: key, profile: profile));

        bench.Run(10_000);

        Assert.Equal(OcppConnectionState.Error, bench.Connection.State);
        Assert.Equal(problem, bench.Connection.Problem);
        Assert.Equal(0, bench.Socket.ConnectAttempts);
    }

    [Fact]
    public void WBX_10_connecting_becomes_error_after_three_failed_attempts_and_connected_when_one_succeeds()
    {
        var bench = new ConnectionBench();
        bench.Socket.Silent = true; // nobody answers: each attempt times out after 30 s
        bench.Connection.Apply(ConnectionBench.Settings());

        bench.Run(100);
        Assert.Equal(OcppConnectionState.Connecting, bench.Connection.State);
        Assert.True(bench.RunUntil(() => bench.Connection.ConsecutiveFailures == 2, 200_000) >= 0);
        Assert.Equal(OcppConnectionState.Connecting, bench.Connection.State);
        Assert.True(bench.RunUntil(() => bench.Connection.ConsecutiveFailures == 3, 200_000) >= 0);
        Assert.Equal(OcppConnectionState.Error, bench.Connection.State);
        Assert.Equal("no answer from the central system", bench.Connection.Problem);

        bench.Socket.Silent = false;
        Assert.True(bench.RunUntil(() => bench.Connection.State == OcppConnectionState.Connected, 200_000) >= 0);
        Assert.Null(bench.Connection.Problem);
    }

    [Fact]
    public void A_refused_password_is_an_error_at_once_with_the_HTTP_status()
    {
        var bench = new ConnectionBench();
        bench.Socket.PeerRequiredAuthorization = "Basic other";
        bench.Connection.Apply(ConnectionBench.Settings(key: "wrong-password-123", profile: 1));

        bench.Run(200);

        Assert.Equal(OcppConnectionState.Error, bench.Connection.State);
        Assert.Equal(401, bench.Connection.LastHandshakeStatus);
        Assert.Contains("HTTP 401", bench.Connection.Problem);
    }

    [Fact]
    public void Retries_back_off_exponentially_with_jitter_up_to_five_minutes()
    {
        var bench = new ConnectionBench();
        bench.Socket.PeerAccepts = false;
        bench.Socket.ConnectLatencyMs = 10;
        bench.Connection.Apply(ConnectionBench.Settings());
        var gaps = new List<long>();
        int attempts = 0;
        long lastAttemptMs = 0;
        while (gaps.Count < 10)
        {
            bench.Run(10);
            if (bench.Socket.ConnectAttempts != attempts)
            {
                if (attempts > 0)
                {
                    gaps.Add(bench.Clock.NowMs - lastAttemptMs);
                }

                attempts = bench.Socket.ConnectAttempts;
                lastAttemptMs = bench.Clock.NowMs;
            }
        }

        for (int n = 1; n <= gaps.Count; n++)
        {
            int baseDelay = ReconnectBackOff.BaseDelayMs(n);
            Assert.InRange(gaps[n - 1], baseDelay / 2, baseDelay + 100);
        }

        Assert.InRange(gaps[^1], ReconnectBackOff.MaximumMs / 2, ReconnectBackOff.MaximumMs + 100);
    }

    [Fact]
    public void Two_charge_points_with_different_seeds_do_not_retry_in_lockstep()
    {
        var a = new ReconnectBackOff(1);
        var b = new ReconnectBackOff(2);
        var delaysA = new List<int>();
        var delaysB = new List<int>();
        for (int n = 1; n <= 8; n++)
        {
            delaysA.Add(a.NextDelayMs(n));
            delaysB.Add(b.NextDelayMs(n));
        }

        Assert.NotEqual(delaysA, delaysB);
    }

    [Fact]
    public void A_silently_dead_central_system_is_detected_within_ping_interval_plus_pong_wait_and_the_link_reconnects()
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings(pingS: 60));
        bench.Run(200);
        Assert.Equal(OcppConnectionState.Connected, bench.Connection.State);
        Assert.Equal(60_000, bench.Socket.LastOptions.PingIntervalMs);
        Assert.Equal(60_000 + OcppConnection.PongWaitMs, bench.Socket.LastOptions.PeerTimeoutMs);

        bench.Socket.Silent = true; // half-open: TCP up, nothing comes back
        long detectedAfterMs = bench.RunUntil(() => bench.Connection.State != OcppConnectionState.Connected, 200_000);

        Assert.InRange(detectedAfterMs, 1, 60_000 + OcppConnection.PongWaitMs + 100);
        Assert.Equal(WebSocketCloseReason.PeerTimeout, bench.Connection.LastCloseReason);
        bench.Socket.Silent = false;
        Assert.True(bench.RunUntil(() => bench.Connection.State == OcppConnectionState.Connected, 20_000) >= 0);
    }

    [Fact]
    public void A_connection_lost_after_being_stable_is_retried_within_five_seconds()
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings());
        bench.Run(120_000);

        bench.Socket.PeerClose();
        bench.Run(20);
        Assert.Equal(OcppConnectionState.Connecting, bench.Connection.State);
        long reconnectMs = bench.RunUntil(() => bench.Connection.State == OcppConnectionState.Connected, 30_000);

        Assert.InRange(reconnectMs, ReconnectBackOff.MinimumMs / 2, ReconnectBackOff.MinimumMs + 200);
        Assert.Equal(2, bench.Connection.ConnectCount);
    }

    [Fact]
    public void WBX_08_new_settings_close_the_open_connection_and_connect_with_them()
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings(url: "ws://old.example/"));
        bench.Run(200);
        Assert.Equal(OcppConnectionState.Connected, bench.Connection.State);

        bench.Connection.Apply(ConnectionBench.Settings(url: "ws://new.example/"));
        bench.Run(300);

        Assert.Equal(OcppConnectionState.Connected, bench.Connection.State);
        Assert.Equal("ws://new.example/CP-001", bench.Socket.LastOptions.Url);
        Assert.Equal(2, bench.Connection.ConnectCount);
    }

    [Fact]
    public void Applying_the_same_settings_again_keeps_the_connection()
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings());
        bench.Run(200);

        bench.Connection.Apply(ConnectionBench.Settings());
        bench.Run(200);

        Assert.Equal(1, bench.Socket.ConnectAttempts);
    }

    [Theory]
    [InlineData("ws://csms.example/", 0)]
    [InlineData("ws://csms.example/", 2)]
    [InlineData("", 0)]
    public void Steady_ticks_allocate_nothing_whether_connected_in_error_or_disabled(string url, int profile)
    {
        var bench = new ConnectionBench();
        bench.Connection.Apply(ConnectionBench.Settings(url: url, key: "k", profile: profile));
        bench.Run(1000);

        long before = System.GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            bench.Connection.Tick(bench.Clock.NowMs);
        }

        Assert.Equal(0, System.GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
