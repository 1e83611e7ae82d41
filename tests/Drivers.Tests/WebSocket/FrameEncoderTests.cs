using System;
using System.Linq;
using System.Text;
using Wallbox.Drivers.WebSocket;

namespace Wallbox.Drivers.Tests.WebSocket;

public sealed class FrameEncoderTests
{
    private static readonly byte[] Rfc6455MaskKey = { 0x37, 0xFA, 0x21, 0x3D };

    [Fact]
    public void RFC_6455_5_7_single_frame_masked_text_message_Hello()
    {
        Assert.Equal(new byte[] { 0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58 }, Encode(WebSocketOpcode.Text, "Hello"));
    }

    [Fact]
    public void RFC_6455_5_7_masked_pong_response_Hello()
    {
        Assert.Equal(new byte[] { 0x8A, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58 }, Encode(WebSocketOpcode.Pong, "Hello"));
    }

    [Theory]
    [InlineData(0, new byte[] { 0x81, 0x80 })]
    [InlineData(125, new byte[] { 0x81, 0xFD })]
    [InlineData(126, new byte[] { 0x81, 0xFE, 0x00, 0x7E })]
    [InlineData(256, new byte[] { 0x81, 0xFE, 0x01, 0x00 })] // RFC 6455 §5.7: 256 bytes use the 16-bit length 0x0100
    [InlineData(65535, new byte[] { 0x81, 0xFE, 0xFF, 0xFF })]
    [InlineData(65536, new byte[] { 0x81, 0xFF, 0, 0, 0, 0, 0, 1, 0, 0 })] // §5.7: 64 KiB use the 64-bit length
    public void Lengths_use_the_shortest_of_the_7_16_and_64_bit_forms(int length, byte[] expectedStart)
    {
        var header = new byte[FrameHeader.MaxHeaderBytes];
        int n = FrameEncoder.WriteHeader(header, 0, true, WebSocketOpcode.Text, length, Rfc6455MaskKey);

        Assert.Equal(FrameEncoder.HeaderLength(length), n);
        Assert.Equal(expectedStart.Concat(Rfc6455MaskKey), header.Take(n));
    }

    [Fact]
    public void Masking_in_pieces_equals_masking_at_once()
    {
        byte[] payload = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        var whole = new byte[payload.Length];
        FrameEncoder.Mask(payload, 0, whole, 0, payload.Length, Rfc6455MaskKey, 0);

        var pieces = new byte[payload.Length];
        for (int offset = 0, piece = 1; offset < payload.Length; offset += piece, piece = piece % 9 + 1)
        {
            int n = Math.Min(piece, payload.Length - offset);
            FrameEncoder.Mask(payload, offset, pieces, offset, n, Rfc6455MaskKey, offset);
        }

        Assert.Equal(whole, pieces);
        Assert.Equal(payload[5] ^ Rfc6455MaskKey[1], whole[5]);
    }

    private static byte[] Encode(WebSocketOpcode opcode, string text)
    {
        byte[] payload = Encoding.ASCII.GetBytes(text);
        var frame = new byte[FrameHeader.MaxHeaderBytes + payload.Length];
        int header = FrameEncoder.WriteHeader(frame, 0, true, opcode, payload.Length, Rfc6455MaskKey);
        FrameEncoder.Mask(payload, 0, frame, header, payload.Length, Rfc6455MaskKey, 0);
        return frame.Take(header + payload.Length).ToArray();
    }
}
