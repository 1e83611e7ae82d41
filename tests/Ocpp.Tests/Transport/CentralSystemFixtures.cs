using System;
using Wallbox.Tests.Peers;

namespace Wallbox.Ocpp.Tests.Transport;

/// <summary>One strict central system (ocpp-rpc, strict mode, ws://) shared by the tests of a collection.</summary>
public sealed class StrictCentralSystemFixture : IDisposable
{
    /// <summary>Starts the peer.</summary>
    public StrictCentralSystemFixture()
    {
        Peer = new CsmsPeer();
        Peer.Start();
    }

    /// <summary>The running peer. Tests use their own identities and event marks, so they do not see each other.</summary>
    public CsmsPeer Peer { get; }

    /// <inheritdoc />
    public void Dispose() => Peer.Dispose();
}

/// <summary>A central system that answers 101 without agreeing to any subprotocol.</summary>
public sealed class NoSubProtocolCentralSystemFixture : IDisposable
{
    /// <summary>Starts the peer with --no-subprotocol.</summary>
    public NoSubProtocolCentralSystemFixture()
    {
        Peer = new CsmsPeer();
        Peer.Start(new CsmsPeerOptions { AcceptWithoutSubProtocol = true });
    }

    /// <summary>The running peer.</summary>
    public CsmsPeer Peer { get; }

    /// <inheritdoc />
    public void Dispose() => Peer.Dispose();
}

/// <summary>A strict central system on wss:// with a certificate issued by a root generated for the test run.</summary>
public sealed class TlsCentralSystemFixture : IDisposable
{
    /// <summary>Generates the certificates, writes the PEM files and starts the peer.</summary>
    public TlsCentralSystemFixture()
    {
        Certificates = TestCertificates.Create();
        Peer = new CsmsPeer();
        Peer.Start(new CsmsPeerOptions
        {
            TlsCertificatePemPath = Certificates.ServerCertificatePemPath,
            TlsKeyPemPath = Certificates.ServerKeyPemPath,
        });
    }

    /// <summary>The root, the server certificate and an unrelated root.</summary>
    public TestCertificates Certificates { get; }

    /// <summary>The running peer.</summary>
    public CsmsPeer Peer { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Peer.Dispose();
        Certificates.Dispose();
    }
}

/// <summary>Tests sharing <see cref="StrictCentralSystemFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class StrictCentralSystemCollection : ICollectionFixture<StrictCentralSystemFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Strict central system";
}

/// <summary>Tests sharing <see cref="NoSubProtocolCentralSystemFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class NoSubProtocolCentralSystemCollection : ICollectionFixture<NoSubProtocolCentralSystemFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Central system without subprotocol";
}

/// <summary>Tests sharing <see cref="TlsCentralSystemFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class TlsCentralSystemCollection : ICollectionFixture<TlsCentralSystemFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "TLS central system";
}
