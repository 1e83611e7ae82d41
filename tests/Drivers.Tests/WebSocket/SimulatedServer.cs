using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Wallbox.Drivers.WebSocket;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.WebSocket;

/// <summary>
/// A <see cref="StreamWebSocketClient"/> on a <see cref="SimulatedStreamConnection"/> in virtual time, with the test
/// playing the server: it reads the upgrade request, answers it, sends frames and reads the client's frames.
/// </summary>
internal sealed class SimulatedServer
{
    public const int LoopPeriodMs = 10;

    private readonly List<ClientFrame> _clientFrames = new List<ClientFrame>();
    private byte[] _unparsed = Array.Empty<byte>();

    public SimulatedServer(int maxMessageBytes = 256, int sendQueueCapacity = 4, int receiveQueueCapacity = 4, Random random = null, int sendBufferCapacity = 4096)
    {
        Stream = new SimulatedStreamConnection(Clock, sendBufferCapacity);
        Client = new StreamWebSocketClient(Stream, random ?? new Random(1234), maxMessageBytes, sendQueueCapacity, receiveQueueCapacity);
    }

    public VirtualClock Clock { get; } = new VirtualClock();

    public SimulatedStreamConnection Stream { get; }

    public StreamWebSocketClient Client { get; }

    public WebSocketConnectOptions Options { get; } = new WebSocketConnectOptions
    {
        Url = "ws://csms.example:8180/ocpp/CP001",
        SubProtocol = "ocpp1.6",
        Authorization = "Basic Q1AwMDE6c2VjcmV0",
        ConnectTimeoutMs = 10_000,
        PingIntervalMs = 0,
        PeerTimeoutMs = 0,
    };

    /// <summary>The upgrade request as the server received it.</summary>
    public string Request { get; private set; }

    /// <summary>One loop period: the stream's worker moves, then the client ticks.</summary>
    public void Step(int ms = LoopPeriodMs)
    {
        Clock.AdvanceMs(ms);
        Stream.Advance(Clock.NowUs);
        Client.Tick(Clock.NowMs);
    }

    public void Run(int ms)
    {
        for (int t = 0; t < ms; t += LoopPeriodMs)
        {
            Step();
        }
    }

    /// <summary>Steps until the condition holds (fails after <paramref name="limitMs"/> of virtual time).</summary>
    public void RunUntil(Func<bool> condition, int limitMs = 60_000)
    {
        for (int t = 0; t < limitMs; t += LoopPeriodMs)
        {
            if (condition())
            {
                return;
            }

            Step();
        }

        Assert.True(condition(), "condition not met within " + limitMs + " ms of virtual time");
    }

    /// <summary>Starts connecting and runs until the upgrade request is complete at the server.</summary>
    public string ConnectAndReadRequest()
    {
        Assert.True(Client.TryConnect(Options));
        var request = new StringBuilder();
        RunUntil(() =>
        {
            if (Stream.State == StreamConnectionState.Open)
            {
                request.Append(Encoding.ASCII.GetString(Stream.PeerReceive()));
            }

            return request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal);
        });
        Request = request.ToString();
        return Request;
    }

    /// <summary>The value of a request header (case-insensitive name), or null.</summary>
    public string RequestHeader(string name)
    {
        foreach (string line in Request.Split("\r\n").Skip(1))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && string.Equals(line.Substring(0, colon), name, StringComparison.OrdinalIgnoreCase))
            {
                return line.Substring(colon + 1).Trim();
            }
        }

        return null;
    }

    /// <summary>Sec-WebSocket-Accept for the request's key, computed with .NET's own SHA-1 (an independent reference).</summary>
    public string ExpectedAccept()
    {
        string key = RequestHeader("Sec-WebSocket-Key");
        return Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
    }

    public string AcceptAnswer(string subProtocol = "ocpp1.6")
    {
        string answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + ExpectedAccept() + "\r\n";
        if (subProtocol != null)
        {
            answer += "Sec-WebSocket-Protocol: " + subProtocol + "\r\n";
        }

        return answer + "\r\n";
    }

    public void SendAscii(string text) => Stream.PeerSend(Encoding.ASCII.GetBytes(text));

    /// <summary>Connects, answers 101 with the subprotocol, and runs until the client is open.</summary>
    public void Open()
    {
        ConnectAndReadRequest();
        SendAscii(AcceptAnswer());
        RunUntil(() => Client.State == WebSocketClientState.Open);
    }

    public void Send(params byte[][] frames) => Stream.PeerSend(ServerFrames.Concat(frames));

    /// <summary>Every frame the client has written so far (cumulative), decoded.</summary>
    public IReadOnlyList<ClientFrame> ClientFrames()
    {
        byte[] fresh = Stream.PeerReceive();
        if (fresh.Length > 0)
        {
            _unparsed = _unparsed.Concat(fresh).ToArray();
            int complete = CompletePrefix(_unparsed);
            _clientFrames.AddRange(ServerFrames.ParseClientFrames(_unparsed.Take(complete).ToArray()));
            _unparsed = _unparsed.Skip(complete).ToArray();
        }

        return _clientFrames;
    }

    public ClientFrame LastClientFrame() => ClientFrames().Last();

    /// <summary>Close frames the client sent.</summary>
    public IEnumerable<ClientFrame> ClientCloses() => ClientFrames().Where(f => f.Opcode == ServerFrames.Close);

    /// <summary>Takes every message waiting in the client's receive queue.</summary>
    public List<(string Text, bool Truncated)> Received(int capacity = 1 << 20)
    {
        var messages = new List<(string, bool)>();
        var buffer = new byte[capacity];
        while (Client.TryReceive(buffer, 0, capacity, out int length, out bool truncated))
        {
            messages.Add((Encoding.UTF8.GetString(buffer, 0, length), truncated));
        }

        return messages;
    }

    public bool TrySend(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Client.TrySend(bytes, 0, bytes.Length);
    }

    // Length of the longest prefix made of complete frames.
    private static int CompletePrefix(byte[] bytes)
    {
        int i = 0;
        while (true)
        {
            if (bytes.Length - i < 2)
            {
                return i;
            }

            long n = bytes[i + 1] & 0x7F;
            int header = 2;
            if (n == 126)
            {
                if (bytes.Length - i < 4)
                {
                    return i;
                }

                n = (bytes[i + 2] << 8) | bytes[i + 3];
                header = 4;
            }
            else if (n == 127)
            {
                if (bytes.Length - i < 10)
                {
                    return i;
                }

                n = 0;
                for (int k = 0; k < 8; k++)
                {
                    n = (n << 8) | bytes[i + 2 + k];
                }

                header = 10;
            }

            header += (bytes[i + 1] & 0x80) != 0 ? 4 : 0;
            if (bytes.Length - i < header + n)
            {
                return i;
            }

            i += header + (int)n;
        }
    }
}
