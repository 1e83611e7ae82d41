using System;

namespace Wallbox.Tests.Peers;

/// <summary>A peer did not do what a test expected (timeout, exit, refused command, validation failure).</summary>
public sealed class PeerException : Exception
{
    /// <summary>Creates the exception with a message that names what was expected and what the peer did.</summary>
    public PeerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an underlying cause.</summary>
    public PeerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
