namespace Wallbox.Drivers.WebSocket
{
    /// <summary>Frame opcodes, RFC 6455 §5.2 (%x3-7 and %xB-F are reserved and fail the connection).</summary>
    public enum WebSocketOpcode
    {
        /// <summary>%x0: continuation of a fragmented message (§5.4).</summary>
        Continuation = 0x0,

        /// <summary>%x1: text frame, UTF-8 payload.</summary>
        Text = 0x1,

        /// <summary>%x2: binary frame (OCPP-J uses text only; refused with 1003).</summary>
        Binary = 0x2,

        /// <summary>%x8: connection close (§5.5.1).</summary>
        Close = 0x8,

        /// <summary>%x9: ping (§5.5.2).</summary>
        Ping = 0x9,

        /// <summary>%xA: pong (§5.5.3).</summary>
        Pong = 0xA,
    }
}
