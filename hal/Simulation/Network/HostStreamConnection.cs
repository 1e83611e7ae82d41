using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A real TCP (and TLS) connection on the host, for the virtual wallbox and for tests against real servers:
/// System.Net.Sockets and SslStream on a worker (thread-pool tasks), the loop sees the two bounded buffers of
/// <see cref="IStreamConnection"/>.
/// </summary>
/// <remarks>
/// <para>Worker: one task per connection connects (DNS, TCP, TLS within the connect timeout), then a reader moves
/// network bytes into the receive buffer while it has room and a writer sends what <see cref="TryWrite"/> accepted.
/// The first of them to end ends the connection: the reader on end of stream (<see cref="StreamConnectionError.ClosedByPeer"/>),
/// the writer once a requested close has flushed (<see cref="StreamConnectionError.None"/>), either on an error
/// (<see cref="StreamConnectionError.IoError"/>). State changes and buffers are guarded by one lock; the last received
/// bytes are in the receive buffer before the state says Closed.</para>
/// <para>TLS: with a trusted root, the server's chain must build to exactly that root (custom trust, no platform
/// store, no revocation check) and the name must match the host; without one, the platform's validation applies.
/// An unparsable root, a failed handshake or a refused chain give <see cref="StreamConnectionError.TlsFailed"/>.</para>
/// <para>Close: sends what was accepted for at most <see cref="CloseFlushTimeoutMs"/> (TLS close_notify after it),
/// then closes the socket; during a connect it abandons the attempt at once.</para>
/// </remarks>
public sealed class HostStreamConnection : IStreamConnection, IDisposable
{
    /// <summary>Longest time a close spends sending the bytes already accepted, milliseconds.</summary>
    public const int CloseFlushTimeoutMs = 2000;

    private const int IoChunkBytes = 16384;

    private readonly object _gate = new object();
    private readonly ByteRing _send;
    private readonly ByteRing _receive;
    private Session _session;
    private StreamConnectionState _state;
    private StreamConnectionError _lastError;

    /// <summary>Creates a closed connection with the given buffer capacities, bytes.</summary>
    public HostStreamConnection(int sendBufferCapacity = 16384, int receiveBufferCapacity = 16384)
    {
        _send = new ByteRing(sendBufferCapacity);
        _receive = new ByteRing(receiveBufferCapacity);
    }

    /// <inheritdoc />
    public StreamConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <inheritdoc />
    public StreamConnectionError LastError
    {
        get
        {
            lock (_gate)
            {
                return _lastError;
            }
        }
    }

    /// <inheritdoc />
    public int SendBufferCapacity => _send.Capacity;

    /// <inheritdoc />
    public int ReceiveBufferCapacity => _receive.Capacity;

    /// <inheritdoc />
    public bool TryConnect(string host, int port, bool useTls, byte[] trustedRootCertificate, int connectTimeoutMs)
    {
        ArgumentNullException.ThrowIfNull(host);
        Session session;
        lock (_gate)
        {
            if (_state != StreamConnectionState.Closed)
            {
                return false;
            }

            _send.Clear();
            _receive.Clear();
            _lastError = StreamConnectionError.None;
            _state = StreamConnectionState.Connecting;
            session = new Session(host, port, useTls, trustedRootCertificate, connectTimeoutMs);
            _session = session;
        }

        _ = Task.Run(() => RunAsync(session));
        return true;
    }

    /// <inheritdoc />
    public int TryWrite(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            if (_state != StreamConnectionState.Open)
            {
                return 0;
            }

            int n = _send.Write(buffer, offset, count);
            if (n > 0)
            {
                Signal(_session.SendReady);
            }

            return n;
        }
    }

    /// <inheritdoc />
    public int TryRead(byte[] buffer, int offset, int capacity)
    {
        lock (_gate)
        {
            int n = _receive.Read(buffer, offset, capacity);
            if (n > 0 && _session != null)
            {
                Signal(_session.SpaceReady);
            }

            return n;
        }
    }

    /// <inheritdoc />
    public void Close()
    {
        Session session;
        bool connecting;
        lock (_gate)
        {
            if (_state != StreamConnectionState.Open && _state != StreamConnectionState.Connecting)
            {
                return;
            }

            connecting = _state == StreamConnectionState.Connecting;
            _state = StreamConnectionState.Closing;
            session = _session;
            session.CloseRequested = true;
            Signal(session.SendReady);
        }

        // Outside the lock: cancellation may run the worker's continuations on this thread.
        if (connecting)
        {
            session.Abort.Cancel();
        }
        else
        {
            session.Abort.CancelAfter(CloseFlushTimeoutMs);
        }
    }

    /// <summary>Closes at once, without flushing.</summary>
    public void Dispose()
    {
        Close();
        Session session;
        lock (_gate)
        {
            session = _session;
        }

        session?.Abort.Cancel();
    }

    private static void Signal(SemaphoreSlim signal)
    {
        // Callers hold the lock, so the count never exceeds 1.
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    private async Task RunAsync(Session session)
    {
        Socket socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream stream = null;
        StreamConnectionError failure = StreamConnectionError.None;
        using (CancellationTokenSource deadline = new CancellationTokenSource())
        using (CancellationTokenSource connectToken = CancellationTokenSource.CreateLinkedTokenSource(session.Abort.Token, deadline.Token))
        {
            if (session.ConnectTimeoutMs > 0)
            {
                deadline.CancelAfter(session.ConnectTimeoutMs);
            }

            try
            {
                await socket.ConnectAsync(session.Host, session.Port, connectToken.Token).ConfigureAwait(false);
                stream = new NetworkStream(socket, ownsSocket: true);
                if (session.UseTls)
                {
                    stream = await AuthenticateAsync(stream, session, connectToken.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                failure = deadline.IsCancellationRequested && !session.Abort.IsCancellationRequested ? StreamConnectionError.ConnectTimeout : StreamConnectionError.None;
            }
            catch (TlsFailure)
            {
                failure = StreamConnectionError.TlsFailed;
            }
            catch (Exception)
            {
                // SocketException (refused, unreachable, unknown host), IOException, or anything else the platform
                // throws: a worker must end in a state, never in an unobserved exception.
                failure = StreamConnectionError.ConnectFailed;
            }
        }

        if (stream == null || failure != StreamConnectionError.None || session.Abort.IsCancellationRequested)
        {
            CloseQuietly(stream, socket);
            Publish(session, failure);
            return;
        }

        lock (_gate)
        {
            if (_state == StreamConnectionState.Connecting)
            {
                _state = StreamConnectionState.Open;
            }
        }

        await TransferAsync(session, stream).ConfigureAwait(false);
    }

    private async Task TransferAsync(Session session, Stream stream)
    {
        Task reader = ReadLoopAsync(session, stream);
        Task writer = WriteLoopAsync(session, stream);
        Task first = await Task.WhenAny(reader, writer).ConfigureAwait(false);
        bool closeRequested;
        lock (_gate)
        {
            closeRequested = session.CloseRequested;
        }

        StreamConnectionError outcome;
        if (first.Status == TaskStatus.RanToCompletion)
        {
            outcome = first == reader && !closeRequested ? StreamConnectionError.ClosedByPeer : StreamConnectionError.None;
            if (first == writer && stream is SslStream ssl)
            {
                try
                {
                    await ssl.ShutdownAsync().WaitAsync(TimeSpan.FromMilliseconds(CloseFlushTimeoutMs)).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The peer is gone already; nothing left to tell it.
                }
            }
        }
        else
        {
            outcome = closeRequested ? StreamConnectionError.None : StreamConnectionError.IoError;
        }

        session.Abort.Cancel();
        CloseQuietly(stream, null);
        try
        {
            await Task.WhenAll(reader, writer).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The loops end with the stream (cancelled, disposed, reset); the outcome above already says how it ended.
        }

        Publish(session, outcome);
    }

    private async Task ReadLoopAsync(Session session, Stream stream)
    {
        byte[] chunk = new byte[IoChunkBytes];
        CancellationToken token = session.Abort.Token;
        while (true)
        {
            int room;
            lock (_gate)
            {
                room = _receive.Free;
            }

            if (room == 0)
            {
                // Full: stop reading, so TCP flow control holds the peer back.
                await session.SpaceReady.WaitAsync(token).ConfigureAwait(false);
                continue;
            }

            int n = await stream.ReadAsync(chunk.AsMemory(0, Math.Min(room, chunk.Length)), token).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }

            lock (_gate)
            {
                // Only this reader adds to the receive buffer, so the room measured above is still there.
                _receive.Write(chunk, 0, n);
            }
        }
    }

    private async Task WriteLoopAsync(Session session, Stream stream)
    {
        byte[] chunk = new byte[IoChunkBytes];
        CancellationToken token = session.Abort.Token;
        while (true)
        {
            int n;
            bool closing;
            lock (_gate)
            {
                n = _send.Read(chunk, 0, chunk.Length);
                closing = session.CloseRequested;
            }

            if (n == 0)
            {
                if (closing)
                {
                    return;
                }

                await session.SendReady.WaitAsync(token).ConfigureAwait(false);
                continue;
            }

            await stream.WriteAsync(chunk.AsMemory(0, n), token).ConfigureAwait(false);
        }
    }

    private static async Task<Stream> AuthenticateAsync(Stream inner, Session session, CancellationToken token)
    {
        X509Certificate2 root = null;
        if (session.TrustedRoot != null)
        {
            try
            {
                root = LoadCertificate(session.TrustedRoot);
            }
            catch (CryptographicException)
            {
                throw new TlsFailure();
            }
        }

        SslStream ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        SslClientAuthenticationOptions options = new SslClientAuthenticationOptions
        {
            TargetHost = session.Host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => IsTrusted(certificate, chain, errors, root),
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AuthenticationException || ex is IOException)
        {
            ssl.Dispose();
            throw new TlsFailure();
        }
        catch (OperationCanceledException)
        {
            ssl.Dispose();
            throw;
        }

        return ssl;
    }

    private static bool IsTrusted(X509Certificate certificate, X509Chain presented, SslPolicyErrors errors, X509Certificate2 root)
    {
        if (root == null)
        {
            return errors == SslPolicyErrors.None;
        }

        if (certificate == null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        using X509Chain chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented != null)
        {
            // Intermediates the server sent.
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
            foreach (X509ChainElement element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        X509Certificate2 leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }

    private static X509Certificate2 LoadCertificate(byte[] pemOrDer)
    {
        string text = Encoding.ASCII.GetString(pemOrDer, 0, Math.Min(pemOrDer.Length, 64));
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(pemOrDer));
        }

        return X509CertificateLoader.LoadCertificate(pemOrDer);
    }

    private static void CloseQuietly(Stream stream, Socket socket)
    {
        try
        {
            if (stream != null)
            {
                stream.Dispose();
            }
            else
            {
                socket?.Dispose();
            }
        }
        catch (Exception)
        {
            // Closing a broken connection: nothing more to do.
        }
    }

    private void Publish(Session session, StreamConnectionError error)
    {
        lock (_gate)
        {
            if (_session != session)
            {
                return;
            }

            if (_state == StreamConnectionState.Closing)
            {
                // A local close wins over whatever the worker saw while shutting down.
                error = StreamConnectionError.None;
                _receive.Clear();
            }

            _lastError = error;
            _state = StreamConnectionState.Closed;
        }
    }

    private sealed class Session
    {
        public Session(string host, int port, bool useTls, byte[] trustedRoot, int connectTimeoutMs)
        {
            Host = host;
            Port = port;
            UseTls = useTls;
            TrustedRoot = trustedRoot;
            ConnectTimeoutMs = connectTimeoutMs;
        }

        public string Host { get; }

        public int Port { get; }

        public bool UseTls { get; }

        public byte[] TrustedRoot { get; }

        public int ConnectTimeoutMs { get; }

        public CancellationTokenSource Abort { get; } = new CancellationTokenSource();

        public SemaphoreSlim SendReady { get; } = new SemaphoreSlim(0, 1);

        public SemaphoreSlim SpaceReady { get; } = new SemaphoreSlim(0, 1);

        /// <summary>Guarded by the connection's lock.</summary>
        public bool CloseRequested { get; set; }
    }

    private sealed class TlsFailure : Exception
    {
    }
}
