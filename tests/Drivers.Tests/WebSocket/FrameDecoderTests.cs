using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wallbox.Drivers.WebSocket;

namespace Wallbox.Drivers.Tests.WebSocket;

public sealed class FrameDecoderTests
{
    [Fact]
    public void RFC_6455_5_7_single_frame_unmasked_text_message_Hello()
    {
        var frames = Decode(new byte[] { 0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F });

        Assert.Equal(new[] { "Text fin Hello" }, frames);
    }

    [Fact]
    public void RFC_6455_5_7_fragmented_unmasked_text_message_Hel_lo()
    {
        var frames = Decode(new byte[] { 0x01, 0x03, 0x48, 0x65, 0x6C, 0x80, 0x02, 0x6C, 0x6F });

        Assert.Equal(new[] { "Text more Hel", "Continuation fin lo" }, frames);
    }

    [Fact]
    public void RFC_6455_5_7_unmasked_ping_request_Hello()
    {
        Assert.Equal(new[] { "Ping fin Hello" }, Decode(new byte[] { 0x89, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F }));
    }

    [Fact]
    public void RFC_6455_5_7_256_bytes_binary_message_in_a_single_unmasked_frame()
    {
        byte[] frame = new byte[] { 0x82, 0x7E, 0x01, 0x00 }.Concat(Enumerable.Repeat((byte)'x', 256)).ToArray();

        Assert.Equal(new[] { "Binary fin " + new string('x', 256) }, Decode(frame));
    }

    [Fact]
    public void RFC_6455_5_7_64KiB_binary_message_in_a_single_unmasked_frame()
    {
        byte[] frame = new byte[] { 0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0 }.Concat(Enumerable.Repeat((byte)'y', 65536)).ToArray();

        Assert.Equal(new[] { "Binary fin " + new string('y', 65536) }, Decode(frame));
    }

    [Fact]
    public void The_same_bytes_fed_one_at_a_time_decode_the_same()
    {
        byte[] stream = new byte[] { 0x01, 0x03, 0x48, 0x65, 0x6C, 0x89, 0x00, 0x80, 0x02, 0x6C, 0x6F };

        Assert.Equal(Decode(stream), Decode(stream, piece: 1));
        Assert.Equal(new[] { "Text more Hel", "Ping fin ", "Continuation fin lo" }, Decode(stream, piece: 1));
    }

    [Fact]
    public void RFC_6455_5_7_masked_text_frame_is_a_violation_for_a_client()
    {
        var decoder = new FrameDecoder();
        byte[] masked = { 0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58 };

        Assert.Equal(FrameEvent.Violation, decoder.Next(masked, 0, masked.Length, out int consumed, out _, out _));
        Assert.Equal(2, consumed);
        Assert.Equal(CloseStatusCode.ProtocolError, decoder.ViolationCode);
        Assert.Contains("§5.1", decoder.ViolationText, System.StringComparison.Ordinal);
    }

    private static List<string> Decode(byte[] input, int piece = int.MaxValue)
    {
        var decoder = new FrameDecoder();
        var frames = new List<string>();
        var payload = new StringBuilder();
        for (int offset = 0; offset < input.Length; offset += piece)
        {
            int end = offset + System.Math.Min(piece, input.Length - offset);
            int position = offset;
            FrameEvent e;
            do
            {
                e = decoder.Next(input, position, end - position, out int consumed, out int payloadOffset, out int payloadCount);
                position += consumed;
                Assert.NotEqual(FrameEvent.Violation, e);
                if (e == FrameEvent.HeaderDecoded)
                {
                    payload.Clear();
                }
                else if (e == FrameEvent.PayloadData)
                {
                    payload.Append(Encoding.ASCII.GetString(input, payloadOffset, payloadCount));
                }
                else if (e == FrameEvent.FrameComplete)
                {
                    Assert.Equal(decoder.Header.PayloadLength, payload.Length);
                    frames.Add(decoder.Header.Opcode + (decoder.Header.Fin ? " fin " : " more ") + payload);
                }
            }
            while (e != FrameEvent.NeedMoreInput);
            Assert.Equal(end, position);
        }

        return frames;
    }
}
