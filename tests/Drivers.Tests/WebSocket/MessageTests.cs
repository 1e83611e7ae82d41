using System;
using System.Linq;
using System.Text;
using Wallbox.Drivers.WebSocket;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>Data frames both ways (RFC 6455 §5.2–§5.6) and the bounds of <see cref="IWebSocketClient"/>.</summary>
public sealed class MessageTests
{
    /// <summary>Gives the RFC 6455 §5.7 masking key 37 fa 21 3d to every frame.</summary>
    private sealed class Rfc6455MaskKey : Random
    {
        public override void NextBytes(byte[] buffer)
        {
            byte[] key = { 0x37, 0xFA, 0x21, 0x3D };
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = key[i % 4];
            }
        }
    }

    [Fact]
    public void RFC_6455_5_7_Hello_is_sent_as_the_example_masked_frame_byte_for_byte()
    {
        var server = new SimulatedServer(random: new Rfc6455MaskKey());
        server.Open();

        Assert.True(server.TrySend("Hello"));
        server.Step();

        Assert.Equal(new byte[] { 0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58 }, server.Stream.PeerReceive());
    }

    [Fact]
    public void Every_frame_gets_a_fresh_masking_key()
    {
        var server = new SimulatedServer();
        server.Open();
        for (int i = 0; i < 8; i++)
        {
            server.TrySend("[2,\"" + i + "\",\"Heartbeat\",{}]");
            server.Step();
        }

        var frames = server.ClientFrames();
        Assert.Equal(8, frames.Count);
        Assert.Equal(8, frames.Select(f => Convert.ToHexString(f.MaskKey)).Distinct().Count());
        Assert.All(frames, f => Assert.Equal((true, 0, ServerFrames.Text), (f.Fin, f.Rsv, f.Opcode)));
        Assert.Equal("[2,\"7\",\"Heartbeat\",{}]", frames[7].Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(70000)]
    public void Messages_of_every_length_form_go_out_whole_in_one_frame(int length)
    {
        var server = new SimulatedServer(maxMessageBytes: 70000, sendBufferCapacity: 1000);
        server.Open();
        string text = new string('m', length);

        Assert.True(server.TrySend(text));
        server.RunUntil(() => server.ClientFrames().Count == 1);

        Assert.Equal(text, server.ClientFrames()[0].Text);
    }

    [Fact]
    public void Queued_messages_go_out_in_order_through_a_small_send_buffer()
    {
        var server = new SimulatedServer(maxMessageBytes: 3000, sendQueueCapacity: 3, sendBufferCapacity: 100);
        server.Open();
        string[] texts = { new string('a', 3000), "b", new string('c', 500) };
        foreach (string text in texts)
        {
            Assert.True(server.TrySend(text));
        }

        server.RunUntil(() => server.ClientFrames().Count == 3);

        Assert.Equal(texts, server.ClientFrames().Select(f => f.Text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(125)]
    [InlineData(126)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void Server_messages_with_7_16_and_64_bit_lengths_are_delivered(int length)
    {
        var server = new SimulatedServer(maxMessageBytes: 65536);
        server.Open();
        string text = new string('s', length);

        server.Send(ServerFrames.TextFrame(text));
        server.RunUntil(() => server.Stream.PendingToClient == 0);
        server.Step();

        Assert.Equal(new[] { (text, false) }, server.Received());
    }

    [Fact]
    public void A_fragmented_server_message_with_a_ping_between_fragments_is_reassembled_and_the_ping_answered()
    {
        var server = new SimulatedServer();
        server.Open();

        server.Send(
            ServerFrames.TextFrame("[3,\"1\",", fin: false),
            ServerFrames.Frame(ServerFrames.Continuation, Encoding.UTF8.GetBytes("{\"status\""), fin: false),
            ServerFrames.Frame(ServerFrames.Ping, Encoding.ASCII.GetBytes("keep")),
            ServerFrames.Frame(ServerFrames.Continuation, Encoding.UTF8.GetBytes(":\"Accepted\"}]"), fin: true));
        server.Run(20);

        Assert.Equal(new[] { ("[3,\"1\",{\"status\":\"Accepted\"}]", false) }, server.Received());
        ClientFrame pong = Assert.Single(server.ClientFrames());
        Assert.Equal((ServerFrames.Pong, "keep"), (pong.Opcode, pong.Text));
    }

    [Fact]
    public void RFC_6455_5_7_fragmented_Hel_lo_arriving_one_byte_at_a_time_is_Hello()
    {
        var server = new SimulatedServer();
        server.Open();
        server.Stream.MaxBytesPerRead = 1;

        server.Send(new byte[] { 0x01, 0x03, 0x48, 0x65, 0x6C }, new byte[] { 0x80, 0x02, 0x6C, 0x6F });
        server.RunUntil(() => server.Stream.PendingToClient == 0);
        server.Step();

        Assert.Equal(new[] { ("Hello", false) }, server.Received());
    }

    [Fact]
    public void A_multibyte_character_split_across_fragments_is_valid()
    {
        var server = new SimulatedServer();
        server.Open();
        byte[] euro = Encoding.UTF8.GetBytes("€"); // E2 82 AC

        server.Send(ServerFrames.Frame(ServerFrames.Text, euro.Take(1).ToArray(), fin: false), ServerFrames.Frame(ServerFrames.Continuation, euro.Skip(1).ToArray()));
        server.Run(20);

        Assert.Equal(new[] { ("€", false) }, server.Received());
        Assert.Equal(WebSocketClientState.Open, server.Client.State);
    }

    [Fact]
    public void A_message_longer_than_MaxMessageBytes_is_delivered_truncated_and_the_next_one_whole()
    {
        var server = new SimulatedServer(maxMessageBytes: 16);
        server.Open();

        server.Send(ServerFrames.TextFrame("0123456789abcdefOVERFLOW"), ServerFrames.TextFrame("next"));
        server.Run(20);

        Assert.Equal(new[] { ("0123456789abcdef", true), ("next", false) }, server.Received());
        Assert.Equal(WebSocketClientState.Open, server.Client.State);
    }

    [Fact]
    public void A_fragmented_message_over_MaxMessageBytes_is_truncated()
    {
        var server = new SimulatedServer(maxMessageBytes: 10);
        server.Open();

        server.Send(ServerFrames.TextFrame("01234567", fin: false), ServerFrames.Frame(ServerFrames.Continuation, Encoding.ASCII.GetBytes("89ABCDEF")));
        server.Run(20);

        Assert.Equal(new[] { ("0123456789", true) }, server.Received());
    }

    [Fact]
    public void Receiving_into_a_smaller_buffer_truncates()
    {
        var server = new SimulatedServer();
        server.Open();
        server.Send(ServerFrames.TextFrame("abcdef"));
        server.Run(20);

        Assert.Equal(new[] { ("abc", true) }, server.Received(capacity: 3));
    }

    [Fact]
    public void When_the_receive_queue_is_full_further_messages_are_dropped_and_counted()
    {
        var server = new SimulatedServer(receiveQueueCapacity: 2);
        server.Open();

        server.Send(ServerFrames.TextFrame("one"), ServerFrames.TextFrame("two"), ServerFrames.TextFrame("three"), ServerFrames.TextFrame("four"));
        server.Run(20);

        Assert.Equal(2, server.Client.DroppedReceiveCount);
        Assert.Equal(new[] { ("one", false), ("two", false) }, server.Received());
        server.Send(ServerFrames.TextFrame("five"));
        server.Run(20);
        Assert.Equal(new[] { ("five", false) }, server.Received());
    }

    [Fact]
    public void TrySend_refuses_when_the_queue_is_full_too_long_not_UTF8_or_not_open()
    {
        var server = new SimulatedServer(maxMessageBytes: 8, sendQueueCapacity: 2);
        Assert.False(server.TrySend("closed"));
        server.Open();
        server.Stream.PeerStalled = true;

        Assert.False(server.TrySend("123456789"));
        Assert.False(server.Client.TrySend(new byte[] { 0xC3, 0x28 }, 0, 2));
        Assert.True(server.TrySend("a"));
        Assert.True(server.TrySend("b"));
        Assert.False(server.TrySend("c"));

        server.Step();
        Assert.True(server.TrySend("c")); // the first left the queue for the stream
    }

    [Fact]
    public void A_peer_that_stops_reading_fills_the_send_buffer_without_losing_or_reordering_messages()
    {
        var server = new SimulatedServer(maxMessageBytes: 1000, sendQueueCapacity: 2, sendBufferCapacity: 300);
        server.Open();
        server.Stream.PeerStalled = true;
        int sent = 0;
        for (int i = 0; i < 50; i++)
        {
            if (server.TrySend(i + new string('.', 400)))
            {
                sent++;
            }

            server.Step();
        }

        // The first frame is partly in the stream's buffer and keeps its queue slot until it is out; the second waits.
        Assert.Equal(300, server.Stream.PendingInSendBuffer);
        Assert.Equal(2, sent);
        Assert.Equal(WebSocketClientState.Open, server.Client.State);
        server.Stream.PeerStalled = false;
        server.RunUntil(() => server.ClientFrames().Count == 2);
        Assert.Equal(new[] { "0", "1" }, server.ClientFrames().Select(f => f.Text.TrimEnd('.')));
    }
}
