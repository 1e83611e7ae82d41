namespace Wallbox.Firmware.Ocpp.Rpc
{
    /// <summary>The first element of every OCPP-J frame (OCPP-J 1.6 §4.1.3).</summary>
    public static class OcppMessageTypeId
    {
        /// <summary>[2, "messageId", "Action", {payload}]: a request.</summary>
        public const int Call = 2;

        /// <summary>[3, "messageId", {payload}]: the answer to a request.</summary>
        public const int CallResult = 3;

        /// <summary>[4, "messageId", "errorCode", "errorDescription", {errorDetails}]: a request that failed.</summary>
        public const int CallError = 4;
    }
}
