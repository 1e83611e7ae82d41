using System;
using System.Linq;
using System.Text;
using Wallbox.Drivers.WebSocket;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>
/// RFC 6455 §7.1.7 "Fail the WebSocket Connection": every violation by the server is answered with a close frame
/// carrying the right code (§7.4.1), reported as <see cref="WebSocketCloseReason.ProtocolError"/>, and no further
/// input is processed.
/// </summary>
public sealed class ProtocolViolationTests
{
    private static readonly byte[] Hi = Encoding.ASCII.GetBytes("Hi");

    public static TheoryData<string, byte[], int> Violations => new TheoryData<string, byte[], int>
    {
        { "masked frame from the server (§5.1)", ServerFrames.Frame(ServerFrames.Text, Hi, maskKey: new byte[] { 1, 2, 3, 4 }), 1002 },
        { "RSV1 set (§5.2)", ServerFrames.Frame(ServerFrames.Text, Hi, rsv: 4), 1002 },
        { "RSV2 set (§5.2)", ServerFrames.Frame(ServerFrames.Text, Hi, rsv: 2), 1002 },
        { "RSV3 set (§5.2)", ServerFrames.Frame(ServerFrames.Ping, Hi, rsv: 1), 1002 },
        { "reserved opcode 0x3", ServerFrames.Frame(0x3, Hi), 1002 },
        { "reserved opcode 0x7", ServerFrames.Frame(0x7, Hi), 1002 },
        { "reserved opcode 0xB", ServerFrames.Frame(0xB, Hi), 1002 },
        { "reserved opcode 0xF", ServerFrames.Frame(0xF, Hi), 1002 },
        { "ping of 126 bytes (§5.5)", ServerFrames.Frame(ServerFrames.Ping, new byte[126]), 1002 },
        { "close of 126 bytes (§5.5)", ServerFrames.Frame(ServerFrames.Close, new byte[126]), 1002 },
        { "ping with a 16-bit length form (§5.2 minimal length, §5.5)", ServerFrames.Frame(ServerFrames.Ping, Hi, lengthForm: 16), 1002 },
        { "fragmented ping (§5.5)", ServerFrames.Frame(ServerFrames.Ping, Hi, fin: false), 1002 },
        { "fragmented close (§5.5)", ServerFrames.Frame(ServerFrames.Close, new byte[] { 3, 232 }, fin: false), 1002 },
        { "continuation without a message (§5.4)", ServerFrames.Frame(ServerFrames.Continuation, Hi), 1002 },
        { "text frame inside a fragmented message (§5.4)", ServerFrames.Concat(ServerFrames.TextFrame("a", fin: false), ServerFrames.TextFrame("b")), 1002 },
        { "64-bit length with the top bit set (§5.2)", ServerFrames.Frame(ServerFrames.Text, Hi, lengthForm: 64, length64Msb: true), 1002 },
        { "binary message (1003)", ServerFrames.Frame(ServerFrames.Binary, Hi), 1003 },
        { "fragmented binary message (1003)", ServerFrames.Frame(ServerFrames.Binary, Hi, fin: false), 1003 },
        { "invalid UTF-8 (§8.1)", ServerFrames.Frame(ServerFrames.Text, new byte[] { 0x48, 0xC0, 0xAF }), 1007 },
        { "UTF-8 surrogate (§8.1)", ServerFrames.Frame(ServerFrames.Text, new byte[] { 0xED, 0xA0, 0x80 }), 1007 },
        { "invalid UTF-8 in a later fragment (§8.1)", ServerFrames.Concat(ServerFrames.TextFrame("ok", fin: false), ServerFrames.Frame(ServerFrames.Continuation, new byte[] { 0xFF })), 1007 },
        { "message ending inside a UTF-8 sequence (§8.1)", ServerFrames.Frame(ServerFrames.Text, new byte[] { 0x41, 0xE2, 0x82 }), 1007 },
        { "close with a 1-byte body (§5.5.1)", ServerFrames.Frame(ServerFrames.Close, new byte[] { 3 }), 1002 },
        { "close code 999 (§7.4)", ServerFrames.CloseFrame(999), 1002 },
        { "close code 1004 (§7.4.1 reserved)", ServerFrames.CloseFrame(1004), 1002 },
        { "close code 1005 (§7.4.1 never sent)", ServerFrames.CloseFrame(1005), 1002 },
        { "close code 1006 (§7.4.1 never sent)", ServerFrames.CloseFrame(1006), 1002 },
        { "close code 1015 (§7.4.1 never sent)", ServerFrames.CloseFrame(1015), 1002 },
        { "close code 2000 (§7.4.2 unassigned)", ServerFrames.CloseFrame(2000), 1002 },
        { "close code 5000 (§7.4.2)", ServerFrames.CloseFrame(5000), 1002 },
        { "close reason not UTF-8 (§8.1)", ServerFrames.Frame(ServerFrames.Close, new byte[] { 3, 232, 0xC3, 0x28 }), 1007 },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_violation_is_answered_with_a_close_frame_and_the_right_code(string violation, byte[] frames, int expectedCode)
    {
        var server = new SimulatedServer();
        server.Open();

        server.Send(frames, ServerFrames.TextFrame("after the violation"));
        server.Run(20);

        ClientFrame close = Assert.Single(server.ClientCloses());
        Assert.Equal(expectedCode, close.CloseCode);
        Assert.Equal(expectedCode, server.Client.LastCloseCodeSent);
        Assert.Equal(WebSocketCloseReason.ProtocolError, server.Client.LastCloseReason);
        Assert.Equal(WebSocketClientState.Closing, server.Client.State);
        Assert.False(string.IsNullOrEmpty(server.Client.LastErrorText), violation);
        Assert.Empty(server.Received());
        Assert.False(server.TrySend("no data after close"));

        server.Stream.PeerClose();
        server.Step();
        Assert.Equal(WebSocketClientState.Closed, server.Client.State);
        Assert.Equal(WebSocketCloseReason.ProtocolError, server.Client.LastCloseReason);
    }

    [Theory]
    [MemberData(nameof(Violations))]
    public void A_violation_arriving_one_byte_at_a_time_is_caught_the_same_way(string violation, byte[] frames, int expectedCode)
    {
        var server = new SimulatedServer();
        server.Open();
        server.Stream.MaxBytesPerRead = 1;

        server.Send(frames);
        server.RunUntil(() => server.ClientCloses().Any(), 5000);

        Assert.Equal(expectedCode, server.ClientCloses().Single().CloseCode);
        Assert.Equal(WebSocketCloseReason.ProtocolError, server.Client.LastCloseReason);
        Assert.NotNull(violation);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(1003)]
    [InlineData(1007)]
    [InlineData(1011)]
    [InlineData(1012)]
    [InlineData(1014)]
    [InlineData(3000)]
    [InlineData(4999)]
    public void Valid_close_codes_are_echoed_not_treated_as_violations(int code)
    {
        var server = new SimulatedServer();
        server.Open();

        server.Send(ServerFrames.CloseFrame(code, "bye"));
        server.Run(20);

        Assert.Equal(code, server.ClientCloses().Single().CloseCode);
        Assert.Equal(WebSocketCloseReason.ClosedByPeer, server.Client.LastCloseReason);
        Assert.Equal(code, server.Client.LastCloseCodeReceived);
    }

    [Fact]
    public void Without_an_answer_the_failed_connection_is_closed_after_the_close_handshake_timeout()
    {
        var server = new SimulatedServer();
        server.Open();
        server.Send(ServerFrames.Frame(ServerFrames.Binary, Hi));
        server.Run(20);

        server.Run(StreamWebSocketClient.CloseHandshakeTimeoutMs - 100);
        Assert.Equal(WebSocketClientState.Closing, server.Client.State);
        server.RunUntil(() => server.Client.State == WebSocketClientState.Closed, 200);

        Assert.Equal(1, server.Stream.CloseCalls);
        Assert.Equal(WebSocketCloseReason.ProtocolError, server.Client.LastCloseReason);
    }
}
