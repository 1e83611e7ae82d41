using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wallbox.Boards.Virtual.Control;

/// <summary>
/// The control interface over HTTP on the loopback interface only: <c>POST http://127.0.0.1:&lt;port&gt;/command</c>
/// with one command line as the body answers <c>200</c> and the one-line reply (<c>ok: …</c>) when it was carried
/// out, <c>400</c> and <c>error: …</c> when not. Other paths answer 404, other methods 405.
/// </summary>
/// <remarks>
/// A minimal HTTP/1.1 server on a <see cref="TcpListener"/> (one request per connection, <c>Connection: close</c>;
/// bodies with Content-Length, at most <see cref="MaxBodyBytes"/>), so port 0 picks a free port. Requests are
/// handled on thread-pool tasks that only post to the <see cref="ControlCommandQueue"/> and wait for the reply:
/// the wallbox's stepping thread carries the command out.
/// </remarks>
public sealed class ControlHttpServer : IDisposable
{
    /// <summary>Largest request head (request line and headers), bytes.</summary>
    public const int MaxHeadBytes = 8192;

    /// <summary>Largest request body, bytes.</summary>
    public const int MaxBodyBytes = 1024;

    /// <summary>Longest wait for the client to send its request, milliseconds.</summary>
    public const int RequestTimeoutMs = 5000;

    /// <summary>Longest wait for the stepping thread to carry the command out, milliseconds.</summary>
    public const int ReplyTimeoutMs = 10_000;

    private readonly ControlCommandQueue _queue;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task _acceptLoop;

    /// <summary>Creates the server for <paramref name="queue"/> on 127.0.0.1:<paramref name="port"/> (0: any free port).</summary>
    public ControlHttpServer(ControlCommandQueue queue, int port)
    {
        _queue = queue;
        _listener = new TcpListener(IPAddress.Loopback, port);
    }

    /// <summary>The port listened on (after <see cref="Start"/>).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The command URL (after <see cref="Start"/>).</summary>
    public string CommandUrl => "http://127.0.0.1:" + Port + "/command";

    /// <summary>Starts listening; throws <see cref="SocketException"/> when the port is taken.</summary>
    public void Start()
    {
        _listener.Start();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Stops listening and abandons requests in progress.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _acceptLoop?.Wait(1000);
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException || ex is SocketException || ex is ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(RequestTimeoutMs);
                NetworkStream stream = client.GetStream();
                (int status, string body) = await AnswerAsync(stream, timeout.Token).ConfigureAwait(false);
                byte[] content = Encoding.UTF8.GetBytes(body + "\n");
                string head = "HTTP/1.1 " + status + " " + Reason(status) + "\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Length: " + content.Length + "\r\n"
                    + "Connection: close\r\n\r\n";
                byte[] headBytes = Encoding.ASCII.GetBytes(head);
                await stream.WriteAsync(headBytes, _stop.Token).ConfigureAwait(false);
                await stream.WriteAsync(content, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is OperationCanceledException || ex is ObjectDisposedException)
            {
                // The client went away, was too slow, or the server is stopping.
            }
        }
    }

    private async Task<(int Status, string Body)> AnswerAsync(NetworkStream stream, CancellationToken cancel)
    {
        var buffer = new byte[MaxHeadBytes + MaxBodyBytes];
        int length = 0;
        int headEnd;
        while ((headEnd = IndexOfBlankLine(buffer, length)) < 0)
        {
            if (length >= MaxHeadBytes)
            {
                return (431, "error: request head too large");
            }

            int read = await stream.ReadAsync(buffer.AsMemory(length, MaxHeadBytes - length), cancel).ConfigureAwait(false);
            if (read == 0)
            {
                return (400, "error: incomplete request");
            }

            length += read;
        }

        string[] lines = Encoding.ASCII.GetString(buffer, 0, headEnd).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
        {
            return (400, "error: not an HTTP/1.x request");
        }

        int contentLength = 0;
        bool expectContinue = false;
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            string name = lines[i].Substring(0, colon).Trim();
            string value = lines[i].Substring(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && (!int.TryParse(value, out contentLength) || contentLength < 0))
            {
                return (400, "error: bad Content-Length");
            }

            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                return (411, "error: send the command with a Content-Length");
            }

            expectContinue |= name.Equals("Expect", StringComparison.OrdinalIgnoreCase) && value.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
        }

        string path = requestLine[1];
        if (path != "/command")
        {
            return (404, "error: not found (POST the command line to /command)");
        }

        if (requestLine[0] != "POST")
        {
            return (405, "error: use POST");
        }

        if (contentLength > MaxBodyBytes)
        {
            return (413, "error: command longer than " + MaxBodyBytes + " bytes");
        }

        if (expectContinue)
        {
            byte[] proceed = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
            await stream.WriteAsync(proceed, cancel).ConfigureAwait(false);
        }

        int bodyStart = headEnd + 4;
        int have = length - bodyStart;
        Buffer.BlockCopy(buffer, bodyStart, buffer, 0, Math.Max(0, have));
        while (have < contentLength)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(have, contentLength - have), cancel).ConfigureAwait(false);
            if (read == 0)
            {
                return (400, "error: incomplete body");
            }

            have += read;
        }

        string command = Encoding.UTF8.GetString(buffer, 0, contentLength).Trim();
        if (command.Contains('\n'))
        {
            return (400, "error: one command per request");
        }

        Task<ControlReply> reply = _queue.Post(command, ControlSource.Http);
        Task done = await Task.WhenAny(reply, Task.Delay(ReplyTimeoutMs, _stop.Token)).ConfigureAwait(false);
        if (done != reply)
        {
            return (503, "error: the virtual wallbox did not carry the command out in time");
        }

        ControlReply result = await reply.ConfigureAwait(false);
        return (result.Ok ? 200 : 400, result.Text);
    }

    private static int IndexOfBlankLine(byte[] buffer, int length)
    {
        for (int i = 0; i + 3 < length; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
