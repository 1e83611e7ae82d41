using System;
using System.Linq;
using System.Text;
using Wallbox.Drivers.WebSocket;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>The opening handshake, RFC 6455 §4.1, against a scripted server in virtual time.</summary>
public sealed class HandshakeTests
{
    private readonly SimulatedServer _server = new SimulatedServer();

    [Fact]
    public void The_upgrade_request_carries_every_header_of_RFC_6455_4_1()
    {
        string request = _server.ConnectAndReadRequest();

        Assert.StartsWith("GET /ocpp/CP001 HTTP/1.1\r\n", request, StringComparison.Ordinal);
        Assert.Equal("csms.example:8180", _server.RequestHeader("Host"));
        Assert.Equal("websocket", _server.RequestHeader("Upgrade"));
        Assert.Equal("Upgrade", _server.RequestHeader("Connection"));
        Assert.Equal(16, Convert.FromBase64String(_server.RequestHeader("Sec-WebSocket-Key")).Length);
        Assert.Equal("13", _server.RequestHeader("Sec-WebSocket-Version"));
        Assert.Equal("ocpp1.6", _server.RequestHeader("Sec-WebSocket-Protocol"));
        Assert.Equal("Basic Q1AwMDE6c2VjcmV0", _server.RequestHeader("Authorization"));
        Assert.Null(_server.RequestHeader("Sec-WebSocket-Extensions"));
        Assert.Equal(("csms.example", 8180, false), (_server.Stream.LastHost, _server.Stream.LastPort, _server.Stream.LastUseTls));
        Assert.Equal(WebSocketClientState.Connecting, _server.Client.State);
    }

    [Fact]
    public void The_Host_header_leaves_out_the_default_port_and_wss_asks_the_stream_for_TLS_with_the_root()
    {
        byte[] root = { 1, 2, 3 };
        _server.Options.Url = "wss://csms.example/ocpp/CP001?x=1";
        _server.Options.TrustedRootCertificate = root;
        _server.Options.SubProtocol = null;
        _server.Options.Authorization = null;

        _server.ConnectAndReadRequest();

        Assert.StartsWith("GET /ocpp/CP001?x=1 HTTP/1.1\r\n", _server.Request, StringComparison.Ordinal);
        Assert.Equal("csms.example", _server.RequestHeader("Host"));
        Assert.Null(_server.RequestHeader("Sec-WebSocket-Protocol"));
        Assert.Null(_server.RequestHeader("Authorization"));
        Assert.Equal((443, true), (_server.Stream.LastPort, _server.Stream.LastUseTls));
        Assert.Same(root, _server.Stream.LastTrustedRootCertificate);
    }

    [Fact]
    public void Each_connection_uses_a_fresh_key()
    {
        _server.ConnectAndReadRequest();
        string first = _server.RequestHeader("Sec-WebSocket-Key");
        _server.Client.Close();
        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        _server.ConnectAndReadRequest();

        Assert.NotEqual(first, _server.RequestHeader("Sec-WebSocket-Key"));
    }

    [Fact]
    public void A_valid_101_opens_the_connection()
    {
        _server.Open();

        Assert.Equal(WebSocketClientState.Open, _server.Client.State);
        Assert.Equal(101, _server.Client.LastHandshakeStatus);
        Assert.Equal(WebSocketCloseReason.None, _server.Client.LastCloseReason);
    }

    [Fact]
    public void Header_names_and_the_Upgrade_and_Connection_tokens_are_case_insensitive()
    {
        _server.ConnectAndReadRequest();
        _server.SendAscii("HTTP/1.1 101 OK\r\nupgrade:WebSocket\r\nCONNECTION: keep-alive , UPGRADE\r\nsec-websocket-accept:  " + _server.ExpectedAccept()
            + "  \r\nSEC-WEBSOCKET-PROTOCOL: ocpp1.6\r\nServer: test\r\n\r\n");

        _server.RunUntil(() => _server.Client.State != WebSocketClientState.Connecting);

        Assert.Equal(WebSocketClientState.Open, _server.Client.State);
    }

    [Fact]
    public void The_answer_arriving_one_byte_at_a_time_still_opens()
    {
        _server.Stream.MaxBytesPerRead = 1;
        _server.ConnectAndReadRequest();
        _server.SendAscii(_server.AcceptAnswer());

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Open);
    }

    [Fact]
    public void Frames_in_the_same_read_as_the_101_are_delivered()
    {
        _server.ConnectAndReadRequest();
        _server.Stream.PeerSend(Encoding.ASCII.GetBytes(_server.AcceptAnswer()).Concat(ServerFrames.TextFrame("[2,\"1\",\"Reset\",{}]")).ToArray());

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Open);
        _server.Run(20);

        Assert.Equal(new[] { ("[2,\"1\",\"Reset\",{}]", false) }, _server.Received());
    }

    [Theory]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(200)]
    [InlineData(503)]
    public void A_status_other_than_101_is_HandshakeRejected_with_the_status_as_soon_as_the_status_line_is_in(int status)
    {
        _server.ConnectAndReadRequest();
        _server.SendAscii("HTTP/1.1 " + status + " Whatever\r\n");

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.HandshakeRejected, _server.Client.LastCloseReason);
        Assert.Equal(status, _server.Client.LastHandshakeStatus);
        Assert.Equal(1, _server.Stream.CloseCalls);
    }

    [Fact]
    public void An_answer_header_longer_than_the_handshake_buffer_is_refused_and_the_stream_closed()
    {
        _server.ConnectAndReadRequest();
        _server.SendAscii("HTTP/1.1 101 Switching Protocols\r\nX-Padding: " + new string('p', StreamWebSocketClient.MaxHandshakeBytes) + "\r\n\r\n");

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.ProtocolError, _server.Client.LastCloseReason);
        Assert.Equal(101, _server.Client.LastHandshakeStatus);
        Assert.Contains("longer than the handshake buffer", _server.Client.LastErrorText, StringComparison.Ordinal);
        Assert.Equal(1, _server.Stream.CloseCalls);
    }

    [Fact]
    public void A_header_of_exactly_the_buffer_size_is_accepted()
    {
        _server.ConnectAndReadRequest();
        string answer = _server.AcceptAnswer();
        string filler = "X-Pad: \r\n";
        string padded = answer.Insert(answer.Length - 2, filler.Insert(7, new string('p', StreamWebSocketClient.MaxHandshakeBytes - answer.Length - filler.Length)));
        Assert.Equal(StreamWebSocketClient.MaxHandshakeBytes, padded.Length);
        _server.SendAscii(padded);

        _server.RunUntil(() => _server.Client.State != WebSocketClientState.Connecting);

        Assert.Equal(WebSocketClientState.Open, _server.Client.State);
    }

    [Theory]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n", "Upgrade: websocket")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n", "Upgrade: websocket")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n", "Connection")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: keep-alive\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n", "Connection")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n", "Sec-WebSocket-Accept")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n", "Sec-WebSocket-Accept")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Extensions: permessage-deflate\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n", "extension")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\nBroken line\r\n\r\n", "no field name")]
    [InlineData("ICY 200 OK\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 1O1 Switching\r\n\r\n", "three digits")]
    public void A_101_that_breaks_RFC_6455_4_1_fails_with_ProtocolError(string answer, string reasonPart)
    {
        _server.ConnectAndReadRequest();
        _server.SendAscii(answer.Replace("{accept}", _server.ExpectedAccept(), StringComparison.Ordinal));

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.ProtocolError, _server.Client.LastCloseReason);
        Assert.Contains(reasonPart, _server.Client.LastErrorText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ocpp2.0.1")]
    [InlineData("OCPP1.6")]
    [InlineData("ocpp1.6, ocpp2.0.1")]
    public void A_101_without_the_requested_subprotocol_is_SubProtocolRefused(string answeredProtocol)
    {
        _server.ConnectAndReadRequest();
        _server.SendAscii(_server.AcceptAnswer(answeredProtocol));

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.SubProtocolRefused, _server.Client.LastCloseReason);
        Assert.Equal(101, _server.Client.LastHandshakeStatus);
        Assert.Equal(1, _server.Stream.CloseCalls);
    }

    [Fact]
    public void A_subprotocol_selected_without_being_requested_is_a_ProtocolError()
    {
        _server.Options.SubProtocol = null;
        _server.ConnectAndReadRequest();
        _server.SendAscii(_server.AcceptAnswer("ocpp1.6"));

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.ProtocolError, _server.Client.LastCloseReason);
    }

    [Fact]
    public void A_refused_TCP_connect_is_ConnectFailed()
    {
        _server.Stream.RefuseConnect = true;

        Assert.True(_server.Client.TryConnect(_server.Options));
        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.ConnectFailed, _server.Client.LastCloseReason);
        Assert.Equal(0, _server.Client.LastHandshakeStatus);
    }

    [Fact]
    public void A_failed_TLS_handshake_is_TlsFailed()
    {
        _server.Stream.RejectTls = true;
        _server.Options.Url = "wss://csms.example/x";

        Assert.True(_server.Client.TryConnect(_server.Options));
        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.TlsFailed, _server.Client.LastCloseReason);
    }

    [Fact]
    public void A_server_that_never_answers_the_upgrade_times_out_after_ConnectTimeoutMs()
    {
        _server.Options.ConnectTimeoutMs = 3000;
        _server.ConnectAndReadRequest();

        _server.Run(2900);
        Assert.Equal(WebSocketClientState.Connecting, _server.Client.State);
        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed, 200);

        Assert.Equal(WebSocketCloseReason.ConnectTimeout, _server.Client.LastCloseReason);
    }

    [Fact]
    public void A_connect_that_hangs_in_the_stream_times_out()
    {
        _server.Options.ConnectTimeoutMs = 2000;
        _server.Stream.HangConnect = true;
        _server.Client.TryConnect(_server.Options);

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed, 2100);

        Assert.Equal(WebSocketCloseReason.ConnectTimeout, _server.Client.LastCloseReason);
    }

    [Fact]
    public void A_server_that_closes_before_answering_is_ConnectFailed()
    {
        _server.ConnectAndReadRequest();
        _server.Stream.PeerClose();

        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);

        Assert.Equal(WebSocketCloseReason.ConnectFailed, _server.Client.LastCloseReason);
    }

    [Fact]
    public void Close_while_connecting_abandons_the_attempt_as_ClosedLocally()
    {
        _server.ConnectAndReadRequest();
        _server.Client.Close();

        Assert.Equal(WebSocketClientState.Closing, _server.Client.State);
        _server.RunUntil(() => _server.Client.State == WebSocketClientState.Closed);
        Assert.Equal(WebSocketCloseReason.ClosedLocally, _server.Client.LastCloseReason);
        Assert.Equal(StreamConnectionState.Closed, _server.Stream.State);
    }

    [Fact]
    public void TryConnect_is_refused_while_not_closed()
    {
        Assert.True(_server.Client.TryConnect(_server.Options));
        Assert.False(_server.Client.TryConnect(_server.Options));
        Assert.Equal(1, _server.Stream.ConnectAttempts);
    }

    [Theory]
    [InlineData("http://csms.example/ocpp", null, null, "ws:// or wss://")]
    [InlineData("ws://[::1]/ocpp", null, null, "IPv6")]
    [InlineData("ws://csms.example/ocpp", "ocpp 1.6", null, "subprotocol")]
    [InlineData("ws://csms.example/ocpp", "ocpp1.6", "Basic x\r\nX-Injected: 1", "Authorization")]
    public void Unusable_URLs_and_header_values_fail_at_once_with_ConnectFailed_and_a_reason(string url, string subProtocol, string authorization, string reasonPart)
    {
        _server.Options.Url = url;
        _server.Options.SubProtocol = subProtocol;
        _server.Options.Authorization = authorization;

        Assert.True(_server.Client.TryConnect(_server.Options));

        Assert.Equal(WebSocketClientState.Closed, _server.Client.State);
        Assert.Equal(WebSocketCloseReason.ConnectFailed, _server.Client.LastCloseReason);
        Assert.Contains(reasonPart, _server.Client.LastErrorText, StringComparison.Ordinal);
        Assert.Equal(0, _server.Stream.ConnectAttempts);
    }

    [Fact]
    public void A_request_longer_than_the_handshake_buffer_is_refused()
    {
        _server.Options.Url = "ws://csms.example/" + new string('a', StreamWebSocketClient.MaxHandshakeBytes);

        _server.Client.TryConnect(_server.Options);

        Assert.Equal(WebSocketCloseReason.ConnectFailed, _server.Client.LastCloseReason);
        Assert.Contains("longer than the handshake buffer", _server.Client.LastErrorText, StringComparison.Ordinal);
    }
}
