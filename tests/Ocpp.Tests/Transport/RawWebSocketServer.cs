using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>
/// A one-connection server on 127.0.0.1 that speaks just enough RFC 6455 by hand to misbehave on purpose:
/// never answer the upgrade, or answer it and then send bytes no conforming server would.
/// </summary>
internal sealed class RawWebSocketServer : IDisposable
{
    // RFC 6455 §1.3: the GUID appended to Sec-WebSocket-Key before hashing.
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly Task _serving;
    private TcpClient _connection;

    /// <summary>Starts listening; <paramref name="afterAccept"/> gets the accepted connection's stream.</summary>
    private RawWebSocketServer(Func<NetworkStream, CancellationToken, Task> afterAccept)
    {
        _listener.Start();
        _serving = Task.Run(async () =>
        {
            _connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            await afterAccept(_connection.GetStream(), _stop.Token);
        });
    }

    /// <summary>The ws:// URL of the server.</summary>
    public string Url => "ws://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/CP";

    /// <summary>A server that accepts the TCP connection and reads the upgrade request but never answers it.</summary>
    public static RawWebSocketServer NeverAnswering() =>
        new RawWebSocketServer(async (stream, stop) =>
        {
            await ReadRequestAsync(stream, stop);
            await Task.Delay(Timeout.Infinite, stop);
        });

    /// <summary>A server that accepts the upgrade (with ocpp1.6) and then sends <paramref name="frame"/> as raw bytes.</summary>
    public static RawWebSocketServer AcceptingThenSending(byte[] frame) =>
        new RawWebSocketServer(async (stream, stop) =>
        {
            string request = await ReadRequestAsync(stream, stop);
            string key = HeaderValue(request, "Sec-WebSocket-Key");
            string accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
            string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), stop);
            await stream.WriteAsync(frame, stop);
            await Task.Delay(Timeout.Infinite, stop);
        });

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _connection?.Dispose();
        try
        {
            _serving.Wait(1000);
        }
        catch (AggregateException)
        {
            // Cancelled or the client went away: expected at the end of a test.
        }
    }

    private static async Task<string> ReadRequestAsync(NetworkStream stream, CancellationToken stop)
    {
        StringBuilder request = new StringBuilder();
        byte[] buffer = new byte[1024];
        while (request.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal) < 0)
        {
            int n = await stream.ReadAsync(buffer, stop);
            if (n == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }

        return request.ToString();
    }

    private static string HeaderValue(string request, string name)
    {
        foreach (string line in request.Split("\r\n"))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return line.Substring(colon + 1).Trim();
            }
        }

        throw new InvalidOperationException("no " + name + " header in the upgrade request");
    }
}
