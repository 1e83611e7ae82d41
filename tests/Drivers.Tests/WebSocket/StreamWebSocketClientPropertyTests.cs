using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Wallbox.Hal;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>
/// Random server frame sequences, cut into random pieces: the client never throws, delivers exactly the messages
/// an independent model expects (truncated where longer than MaxMessageBytes), and answers the first violation, or
/// the server's close, with a close frame carrying the model's code.
/// </summary>
public sealed class StreamWebSocketClientPropertyTests
{
    private const int MaxMessageBytes = 300;
    private const int Runs = 600;

    [Fact]
    public void Random_frame_sequences_and_byte_splits_never_throw_and_every_violation_closes_with_its_code()
    {
        int violations = 0;
        int closes = 0;
        int clean = 0;
        for (int seed = 1; seed <= Runs; seed++)
        {
            Scenario scenario = Scenario.Generate(new Random(seed));
            try
            {
                Run(scenario, new Random(seed * 31));
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException("seed " + seed + " (" + scenario.Description + "): " + ex.Message, ex);
            }

            if (scenario.ExpectedCloseCode == 0)
            {
                clean++;
            }
            else if (scenario.EndsWithServerClose)
            {
                closes++;
            }
            else
            {
                violations++;
            }
        }

        // The generator must exercise every outcome, or the property says little.
        Assert.True(violations > Runs / 3 && closes > Runs / 10 && clean > Runs / 10, violations + " violations, " + closes + " closes, " + clean + " clean");
    }

    private static void Run(Scenario scenario, Random random)
    {
        var server = new SimulatedServer(maxMessageBytes: MaxMessageBytes, receiveQueueCapacity: 600, random: new Random(random.Next()));
        server.Stream.MaxBytesPerRead = random.Next(4) == 0 ? 1 : random.Next(1, 700);
        server.Open();
        byte[] bytes = scenario.Bytes.ToArray();
        var received = new List<(byte[] Data, bool Truncated)>();
        var buffer = new byte[MaxMessageBytes];
        int position = 0;
        for (int step = 0; step < 20_000 && (position < bytes.Length || server.Stream.PendingToClient > 0); step++)
        {
            if (position < bytes.Length && server.Stream.State == StreamConnectionState.Open)
            {
                int n = Math.Min(bytes.Length - position, random.Next(0, 400));
                server.Stream.PeerSend(bytes, position, n);
                position += n;
            }

            server.Step(random.Next(1, 20));
            while (server.Client.TryReceive(buffer, 0, buffer.Length, out int length, out bool truncated))
            {
                received.Add((buffer.Take(length).ToArray(), truncated));
            }
        }

        server.Run(50);
        Assert.Equal(scenario.ExpectedMessages.Count, received.Count);
        for (int i = 0; i < received.Count; i++)
        {
            Assert.Equal(scenario.ExpectedMessages[i].Truncated, received[i].Truncated);
            Assert.Equal(scenario.ExpectedMessages[i].Data, received[i].Data);
        }

        Assert.Equal(0, server.Client.DroppedReceiveCount);
        var closesSent = server.ClientCloses().ToList();
        if (scenario.ExpectedCloseCode == 0)
        {
            Assert.Empty(closesSent);
            Assert.Equal(WebSocketClientState.Open, server.Client.State);
            return;
        }

        ClientFrame close = Assert.Single(closesSent);
        Assert.Equal(scenario.ExpectedCloseCode, close.CloseCode);
        Assert.Equal(scenario.EndsWithServerClose ? WebSocketCloseReason.ClosedByPeer : WebSocketCloseReason.ProtocolError, server.Client.LastCloseReason);
        server.Stream.PeerClose();
        server.Step();
        Assert.Equal(WebSocketClientState.Closed, server.Client.State);
    }

    /// <summary>The generated server traffic and what the model expects of the client.</summary>
    private sealed class Scenario
    {
        public List<byte> Bytes { get; } = new List<byte>();

        public List<(byte[] Data, bool Truncated)> ExpectedMessages { get; } = new List<(byte[], bool)>();

        public int ExpectedCloseCode { get; private set; }

        public bool EndsWithServerClose { get; private set; }

        public string Description => string.Join(" ", _steps);

        private readonly List<string> _steps = new List<string>();

        public static Scenario Generate(Random random)
        {
            var s = new Scenario();
            int frames = random.Next(1, 12);
            bool inMessage = false;
            var message = new List<byte>();
            for (int i = 0; i < frames; i++)
            {
                int kind = random.Next(100);
                if (kind < 45)
                {
                    // A data fragment: start, middle or end of a text message (or a whole one).
                    byte[] piece = RandomText(random, random.Next(6) == 0 ? random.Next(126, 700) : random.Next(0, 40));
                    bool fin = random.Next(3) != 0;
                    int opcode = inMessage ? ServerFrames.Continuation : ServerFrames.Text;
                    s.Add(ServerFrames.Frame(opcode, piece, fin, lengthForm: random.Next(8) == 0 ? 64 : 0), opcode + (fin ? "F" : "-") + piece.Length);
                    message.AddRange(piece);
                    inMessage = !fin;
                    if (fin)
                    {
                        s.ExpectedMessages.Add((message.Take(MaxMessageBytes).ToArray(), message.Count > MaxMessageBytes));
                        message.Clear();
                    }
                }
                else if (kind < 60)
                {
                    int opcode = random.Next(2) == 0 ? ServerFrames.Ping : ServerFrames.Pong;
                    byte[] payload = new byte[random.Next(0, 126)];
                    random.NextBytes(payload);
                    s.Add(ServerFrames.Frame(opcode, payload), opcode == ServerFrames.Ping ? "ping" : "pong");
                }
                else if (kind < 70)
                {
                    int[] codes = { 1000, 1001, 1003, 1008, 1011, 3000, 4000 };
                    int code = codes[random.Next(codes.Length)];
                    s.Add(ServerFrames.CloseFrame(code, random.Next(2) == 0 ? "bye ✓" : string.Empty), "close" + code);
                    s.ExpectedCloseCode = code;
                    s.EndsWithServerClose = true;
                    return s;
                }
                else
                {
                    (byte[] frame, int code, string name) = Violation(random, inMessage);
                    s.Add(frame, name);
                    s.ExpectedCloseCode = code;
                    return s;
                }
            }

            return s;
        }

        private void Add(byte[] frame, string step)
        {
            Bytes.AddRange(frame);
            _steps.Add(step);
        }

        private static (byte[] Frame, int Code, string Name) Violation(Random random, bool inMessage)
        {
            byte[] small = Encoding.ASCII.GetBytes("xy");
            switch (random.Next(12))
            {
                case 0: return (ServerFrames.Frame(ServerFrames.Text, small, maskKey: new byte[] { 9, 8, 7, 6 }), 1002, "masked");
                case 1: return (ServerFrames.Frame(inMessage ? ServerFrames.Continuation : ServerFrames.Text, small, rsv: random.Next(1, 8)), 1002, "rsv");
                case 2: return (ServerFrames.Frame(random.Next(2) == 0 ? random.Next(3, 8) : random.Next(0xB, 0x10), small), 1002, "opcode");
                case 3: return (ServerFrames.Frame(ServerFrames.Ping, new byte[random.Next(126, 300)]), 1002, "long-ping");
                case 4: return (ServerFrames.Frame(ServerFrames.Ping, small, fin: false), 1002, "fragmented-ping");
                case 5: return inMessage ? (ServerFrames.TextFrame("new"), 1002, "text-in-message") : (ServerFrames.Frame(ServerFrames.Continuation, small), 1002, "lone-continuation");
                case 6: return (ServerFrames.Frame(ServerFrames.Binary, small), inMessage ? 1002 : 1003, "binary");
                case 7: return (ServerFrames.Frame(inMessage ? ServerFrames.Continuation : ServerFrames.Text, new byte[] { 0x61, 0xFF, 0x62 }), 1007, "utf8");
                case 8: return (ServerFrames.Frame(inMessage ? ServerFrames.Continuation : ServerFrames.Text, new byte[] { 0x61, 0xF0, 0x9F }), 1007, "utf8-cut");
                case 9: return (ServerFrames.CloseFrame(new[] { 0, 999, 1004, 1005, 1006, 1015, 2999, 5000 }[random.Next(8)]), 1002, "bad-close-code");
                case 10: return (ServerFrames.Frame(ServerFrames.Close, new byte[] { 3 }), 1002, "close-1-byte");
                default: return (ServerFrames.Frame(ServerFrames.Text, small, lengthForm: 64, length64Msb: true), 1002, "length-msb");
            }
        }

        private static byte[] RandomText(Random random, int approximateBytes)
        {
            var text = new StringBuilder();
            while (Encoding.UTF8.GetByteCount(text.ToString()) < approximateBytes)
            {
                text.Append(char.ConvertFromUtf32(random.Next(4) switch { 0 => random.Next(0x20, 0x7F), 1 => random.Next(0xA0, 0x800), 2 => random.Next(0xE000, 0xFFFE), _ => random.Next(0x10000, 0x10FFFF) }));
            }

            return Encoding.UTF8.GetBytes(text.ToString());
        }
    }
}
