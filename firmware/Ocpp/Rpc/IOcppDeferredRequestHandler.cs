using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>
    /// A handler whose answer depends on something that takes longer than one tick (UnlockConnector waits for the lock
    /// motor's feedback). <see cref="IOcppRequestHandler.Handle"/> returns <see cref="OcppRpc.AnswerLater"/>; the RPC
    /// layer then calls <see cref="TryFinish"/> every tick until it returns true, and sends that answer with the
    /// original messageId. The handler's own bound on the wait must stay well below the central system's call
    /// timeout. One such answer is pending at a time per handler; a second CALL for it meanwhile gets a CALLERROR.
    /// </summary>
    public interface IOcppDeferredRequestHandler : IOcppRequestHandler
    {
        /// <summary>
        /// Returns true when the answer is ready: <paramref name="confirmation"/> is sent, or when it is null,
        /// <paramref name="error"/> is sent as a CALLERROR. Must not block.
        /// </summary>
        bool TryFinish(long nowMs, OcppDecodeError error, out IOcppPayload confirmation);
    }
}
