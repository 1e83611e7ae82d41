using Wallbox.Drivers.WebSocket;

namespace Wallbox.Drivers.Tests.WebSocket;

public sealed class WebSocketUrlTests
{
    [Theory]
    [InlineData("ws://csms.example/ocpp/CP001", false, "csms.example", 80, "/ocpp/CP001")]
    [InlineData("wss://csms.example/ocpp/CP001", true, "csms.example", 443, "/ocpp/CP001")]
    [InlineData("ws://192.168.1.20:8180/steve/websocket/CentralSystemService/CP001", false, "192.168.1.20", 8180, "/steve/websocket/CentralSystemService/CP001")]
    [InlineData("WSS://Csms.Example:9443", true, "Csms.Example", 9443, "/")]
    [InlineData("ws://csms.example?id=CP001&x=%20y", false, "csms.example", 80, "/?id=CP001&x=%20y")]
    [InlineData("ws://a-b.c-d.example:1/p/q?r", false, "a-b.c-d.example", 1, "/p/q?r")]
    [InlineData("ws://localhost:65535/", false, "localhost", 65535, "/")]
    public void RFC_6455_3_URLs_parse_into_host_port_and_resource(string text, bool secure, string host, int port, string resource)
    {
        Assert.True(WebSocketUrl.TryParse(text, out WebSocketUrl url, out string error), error);
        Assert.Equal((secure, host, port, resource), (url.IsSecure, url.Host, url.Port, url.Resource));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("http://csms.example/ocpp", "ws:// or wss://")]
    [InlineData("ws:/csms.example", "ws:// or wss://")]
    [InlineData("ws://", "no host")]
    [InlineData("ws://:8080/x", "no host")]
    [InlineData("ws://[::1]:8080/x", "IPv6")]
    [InlineData("ws://user:secret@csms.example/x", "user information")]
    [InlineData("ws://csms.example/x#frag", "fragment")]
    [InlineData("ws://csms.example:0/x", "port")]
    [InlineData("ws://csms.example:65536/x", "port")]
    [InlineData("ws://csms.example:80a/x", "port")]
    [InlineData("ws://csms.example:/x", "port")]
    [InlineData("ws://csms example/x", "space")]
    [InlineData("ws://csms.example/a b", "space")]
    [InlineData("ws://csms.example/ä", "non-ASCII")]
    [InlineData("ws://csms_example/x", "letters, digits")]
    [InlineData("ws://csms..example/x", "label")]
    [InlineData("ws://-csms.example/x", "label")]
    [InlineData("ws://256.1.1.1/x", "IPv4")]
    [InlineData("ws://10.0.0/x", "IPv4")]
    public void Other_URLs_are_refused_with_a_reason(string text, string reasonPart)
    {
        Assert.False(WebSocketUrl.TryParse(text, out WebSocketUrl url, out string error));
        Assert.Null(url);
        Assert.Contains(reasonPart, error, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ws://h.example/", true)]
    [InlineData("ws://h.example:80/", true)]
    [InlineData("ws://h.example:443/", false)]
    [InlineData("wss://h.example:443/", true)]
    [InlineData("wss://h.example:80/", false)]
    public void The_default_port_is_known_so_the_Host_header_can_leave_it_out(string text, bool isDefault)
    {
        Assert.True(WebSocketUrl.TryParse(text, out WebSocketUrl url, out _));
        Assert.Equal(isDefault, url.HasDefaultPort);
    }
}
