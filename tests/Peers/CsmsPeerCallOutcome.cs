using System.Text.Json.Nodes;

namespace Wallbox.Tests.Peers;

/// <summary>How a call the central system made to the charge point ended (its callResult or callError event).</summary>
public sealed class CsmsPeerCallOutcome
{
    /// <summary>Reads the outcome from its callResult or callError event.</summary>
    public CsmsPeerCallOutcome(PeerEvent peerEvent)
    {
        Event = peerEvent;
        IsError = peerEvent.Name == "callError";
        Result = IsError ? null : peerEvent["result"];
        ErrorCode = IsError ? peerEvent.GetString("code") : null;
        ErrorMessage = IsError ? peerEvent.GetString("message") : null;
    }

    /// <summary>The event itself.</summary>
    public PeerEvent Event { get; }

    /// <summary>
    /// True when the call failed: a CALLERROR from the charge point, a CALLRESULT that failed strict validation
    /// (then a strictValidationFailure event came too; nothing went back on the wire), or the call timed out.
    /// </summary>
    public bool IsError { get; }

    /// <summary>The validated CALLRESULT payload (null on error).</summary>
    public JsonNode Result { get; }

    /// <summary>The error code: the charge point's CALLERROR code, the validator's (e.g. TypeConstraintViolation), or TimeoutError.</summary>
    public string ErrorCode { get; }

    /// <summary>The error text.</summary>
    public string ErrorMessage { get; }

    /// <inheritdoc />
    public override string ToString() => Event.Line;
}
