using System.Text.Json.Nodes;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>
/// wss:// (OCPP 1.6 security profile 2): the server chain must end at <see cref="WebSocketConnectOptions.TrustedRootCertificate"/>
/// and at nothing else. The root and the server certificate are generated for the test run.
/// </summary>
[Collection(TlsCentralSystemCollection.Name)]
public sealed class HostWebSocketClientTlsTests
{
    private readonly TlsCentralSystemFixture _fixture;
    private readonly CsmsPeer _peer;

    public HostWebSocketClientTlsTests(TlsCentralSystemFixture fixture)
    {
        _fixture = fixture;
        _peer = fixture.Peer;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Wss_with_the_issuing_root_as_trusted_root_opens_and_carries_a_BootNotification(bool rootAsPem)
    {
        string identity = rootAsPem ? "CP-tls-pem" : "CP-tls-der";
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(_peer.UrlFor(identity));
        options.TrustedRootCertificate = rootAsPem ? _fixture.Certificates.RootPem : _fixture.Certificates.Root.RawData;
        Assert.StartsWith("wss://", options.Url);

        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.True(WebSocketClientDriver.TrySendText(
            client, "[2,\"boot-tls\",\"BootNotification\",{\"chargePointVendor\":\"OpenWallbox\",\"chargePointModel\":\"Virtual\"}]"));

        JsonArray reply = JsonNode.Parse(WebSocketClientDriver.Receive(client).Text).AsArray();
        Assert.Equal(3, reply[0].GetValue<int>());
        Assert.Equal("Accepted", reply[2]["status"].GetValue<string>());
        _peer.AssertNoValidationFailures(identity);
    }

    [Fact]
    public void Wss_with_another_root_as_trusted_root_is_TlsFailed()
    {
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(_peer.UrlFor("CP-tls-other-root"));
        options.TrustedRootCertificate = _fixture.Certificates.OtherRootPem;

        Assert.Equal(WebSocketClientState.Closed, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.Equal(WebSocketCloseReason.TlsFailed, client.LastCloseReason);
        Assert.Equal(0, client.LastHandshakeStatus);
        // The client broke the handshake off: the server never saw an upgrade.
        Assert.DoesNotContain(_peer.Events, e => e.Index >= mark && e.Is("connected", "CP-tls-other-root"));
    }

    [Fact]
    public void Wss_without_a_trusted_root_uses_the_platform_store_which_does_not_know_the_test_root()
    {
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(_peer.UrlFor("CP-tls-platform"));

        Assert.Equal(WebSocketClientState.Closed, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.Equal(WebSocketCloseReason.TlsFailed, client.LastCloseReason);
    }

    [Fact]
    public void A_trusted_root_that_cannot_be_parsed_is_TlsFailed()
    {
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(_peer.UrlFor("CP-tls-garbage"));
        options.TrustedRootCertificate = new byte[] { 1, 2, 3, 4 };

        Assert.Equal(WebSocketClientState.Closed, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.Equal(WebSocketCloseReason.TlsFailed, client.LastCloseReason);
    }
}
