using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// Answers one action the central system sends (RemoteStartTransaction, ChangeConfiguration, ...). Registered
    /// with <see cref="OcppRpc.RegisterHandler"/>; the RPC layer decodes and validates the request into
    /// <see cref="Request"/> (one instance, reused) before calling <see cref="Handle"/>.
    /// </summary>
    public interface IOcppRequestHandler
    {
        /// <summary>The action answered, e.g. "Reset".</summary>
        string Action { get; }

        /// <summary>The instance incoming requests are decoded into.</summary>
        IOcppPayload Request { get; }

        /// <summary>
        /// Acts on <see cref="Request"/> and returns the confirmation to send; or returns null with
        /// <paramref name="error"/> set to answer with a CALLERROR (e.g. a value the schema allows but the charge point
        /// cannot: PropertyConstraintViolation). Must not block.
        /// </summary>
        IOcppPayload Handle(long nowMs, OcppDecodeError error);
    }
}
