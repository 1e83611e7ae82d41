using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Wallbox.Tests.Peers;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>
/// OCPP-J 1.6 §3.1.2: the server must answer with the subprotocol. ClientWebSocket accepts a 101 without one, so
/// <see cref="HostWebSocketClient"/> checks it itself.
/// </summary>
[Collection(NoSubProtocolCentralSystemCollection.Name)]
public sealed class HostWebSocketClientSubProtocolTests
{
    private readonly CsmsPeer _peer;

    public HostWebSocketClientSubProtocolTests(NoSubProtocolCentralSystemFixture fixture)
    {
        _peer = fixture.Peer;
    }

    [Fact]
    public void A_server_that_does_not_agree_to_ocpp16_is_SubProtocolRefused()
    {
        const string identity = "CP-refused";
        int mark = _peer.EventCount;
        using HostWebSocketClient client = new HostWebSocketClient();

        Assert.True(client.TryConnect(WebSocketClientDriver.Options(_peer.UrlFor(identity))));
        WebSocketClientDriver.WaitClosed(client);

        Assert.Equal(WebSocketCloseReason.SubProtocolRefused, client.LastCloseReason);
        Assert.Equal(101, client.LastHandshakeStatus);
        Assert.Null(_peer.WaitForConnected(identity, mark).GetString("protocol"));
        // RFC 6455 §7.4.1: 1002, the client failed the connection.
        Assert.Equal(1002, _peer.WaitForDisconnected(identity, mark).GetInteger("code"));
    }

    [Fact]
    public void A_client_that_requires_no_subprotocol_opens()
    {
        const string identity = "CP-any";
        using HostWebSocketClient client = new HostWebSocketClient();
        WebSocketConnectOptions options = WebSocketClientDriver.Options(_peer.UrlFor(identity));
        options.SubProtocol = null;

        Assert.Equal(WebSocketClientState.Open, WebSocketClientDriver.ConnectAndWait(client, options));
        Assert.Null(client.NegotiatedSubProtocol);
    }
}
