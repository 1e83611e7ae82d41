namespace Wallbox.Hal.Simulation;

/// <summary>What the simulated HTTP server sent back for one injected request.</summary>
public sealed class SimulatedHttpResponse
{
    /// <summary>HTTP status code (200, 401, 503, …).</summary>
    public int StatusCode { get; init; }

    /// <summary>Content-Type header value.</summary>
    public string ContentType { get; init; }

    /// <summary>Extra header lines, or null.</summary>
    public string ExtraHeaders { get; init; }

    /// <summary>Response body.</summary>
    public byte[] Body { get; init; }

    /// <summary>True when the worker answered by itself (queue full, body too large, deadline missed).</summary>
    public bool AnsweredByWorker { get; init; }
}
