using System;
using Wallbox.Tests.Peers;

namespace Wallbox.Scenarios.Tests;

/// <summary>One strict central system (ocpp-rpc, strict mode) shared by every scenario; each scenario uses its own identity.</summary>
public sealed class ScenarioCentralSystem : IDisposable
{
    /// <summary>Starts the peer (its heartbeat interval: 300 s, transactionIds from 1000).</summary>
    public ScenarioCentralSystem()
    {
        Peer = new CsmsPeer();
        Peer.Start(new CsmsPeerOptions { FirstTransactionId = 1000 });
    }

    /// <summary>The running peer.</summary>
    public CsmsPeer Peer { get; }

    /// <summary>Fails when the strict validator rejected anything in any scenario so far.</summary>
    public void Dispose()
    {
        Peer.Dispose();
    }
}

/// <summary>Scenarios sharing <see cref="ScenarioCentralSystem"/> (run one after another: they pace virtual time to the wire).</summary>
[CollectionDefinition(Name)]
public sealed class ScenarioCollection : ICollectionFixture<ScenarioCentralSystem>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "OCPP scenarios";
}
