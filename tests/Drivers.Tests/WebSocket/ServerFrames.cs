using System;
using System.Collections.Generic;
using System.Text;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>
/// The test's own, independent RFC 6455 §5.2 framing for the server side: builds server frames (including
/// malformed ones) and decodes what the client wrote. Deliberately not shared with the code under test.
/// </summary>
internal static class ServerFrames
{
    public const int Continuation = 0x0;
    public const int Text = 0x1;
    public const int Binary = 0x2;
    public const int Close = 0x8;
    public const int Ping = 0x9;
    public const int Pong = 0xA;

    /// <summary>A frame as a server would send it; every field can be set wrong on purpose.</summary>
    public static byte[] Frame(int opcode, byte[] payload, bool fin = true, int rsv = 0, byte[] maskKey = null, int lengthForm = 0, bool length64Msb = false)
    {
        var bytes = new List<byte> { (byte)((fin ? 0x80 : 0) | (rsv << 4) | opcode) };
        byte mask = (byte)(maskKey != null ? 0x80 : 0);
        long n = payload.Length;
        int form = lengthForm != 0 ? lengthForm : n <= 125 ? 7 : n <= 0xFFFF ? 16 : 64;
        if (form == 7)
        {
            bytes.Add((byte)(mask | n));
        }
        else if (form == 16)
        {
            bytes.Add((byte)(mask | 126));
            bytes.Add((byte)(n >> 8));
            bytes.Add((byte)n);
        }
        else
        {
            bytes.Add((byte)(mask | 127));
            for (int shift = 56; shift >= 0; shift -= 8)
            {
                byte b = (byte)(n >> shift);
                if (shift == 56 && length64Msb)
                {
                    b |= 0x80;
                }

                bytes.Add(b);
            }
        }

        if (maskKey != null)
        {
            bytes.AddRange(maskKey);
            for (int i = 0; i < payload.Length; i++)
            {
                bytes.Add((byte)(payload[i] ^ maskKey[i % 4]));
            }
        }
        else
        {
            bytes.AddRange(payload);
        }

        return bytes.ToArray();
    }

    public static byte[] TextFrame(string text, bool fin = true) => Frame(Text, Encoding.UTF8.GetBytes(text), fin);

    public static byte[] CloseFrame(int code, string reason = "")
    {
        byte[] r = Encoding.UTF8.GetBytes(reason);
        var payload = new byte[2 + r.Length];
        payload[0] = (byte)(code >> 8);
        payload[1] = (byte)code;
        r.CopyTo(payload, 2);
        return Frame(Close, payload);
    }

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (byte[] part in parts)
        {
            all.AddRange(part);
        }

        return all.ToArray();
    }

    /// <summary>Decodes client frames; fails the test on an unmasked or incomplete frame.</summary>
    public static List<ClientFrame> ParseClientFrames(byte[] bytes)
    {
        var frames = new List<ClientFrame>();
        int i = 0;
        while (i < bytes.Length)
        {
            Assert.True(bytes.Length - i >= 2, "incomplete client frame header");
            bool fin = (bytes[i] & 0x80) != 0;
            int rsv = (bytes[i] >> 4) & 7;
            int opcode = bytes[i] & 0x0F;
            bool masked = (bytes[i + 1] & 0x80) != 0;
            long n = bytes[i + 1] & 0x7F;
            i += 2;
            if (n == 126)
            {
                n = (bytes[i] << 8) | bytes[i + 1];
                i += 2;
            }
            else if (n == 127)
            {
                n = 0;
                for (int k = 0; k < 8; k++)
                {
                    n = (n << 8) | bytes[i + k];
                }

                i += 8;
            }

            Assert.True(masked, "RFC 6455 §5.1: a client must mask every frame");
            var key = new byte[4];
            Array.Copy(bytes, i, key, 0, 4);
            i += 4;
            Assert.True(bytes.Length - i >= n, "incomplete client frame payload");
            var payload = new byte[n];
            for (int k = 0; k < n; k++)
            {
                payload[k] = (byte)(bytes[i + k] ^ key[k % 4]);
            }

            i += (int)n;
            frames.Add(new ClientFrame(fin, rsv, opcode, key, payload));
        }

        return frames;
    }
}

/// <summary>One frame the client sent, unmasked.</summary>
internal sealed record ClientFrame(bool Fin, int Rsv, int Opcode, byte[] MaskKey, byte[] Payload)
{
    public string Text => Encoding.UTF8.GetString(Payload);

    /// <summary>Status code of a close frame (1005 when it has none).</summary>
    public int CloseCode => Payload.Length >= 2 ? (Payload[0] << 8) | Payload[1] : 1005;
}
