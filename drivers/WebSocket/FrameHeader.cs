namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// One frame's header, RFC 6455 §5.2:
    /// <code>
    /// byte 0      bit 7 FIN, bits 6..4 RSV1..RSV3, bits 3..0 opcode
    /// byte 1      bit 7 MASK, bits 6..0 payload length: 0..125, 126 (16-bit length follows), 127 (64-bit length follows)
    /// bytes 2..3  extended payload length, 16 bits big-endian (when 126)
    /// bytes 2..9  extended payload length, 64 bits big-endian, most significant bit 0 (when 127)
    /// next 4      masking key (when MASK; client-to-server frames only, §5.3)
    /// </code>
    /// </summary>
    public sealed class FrameHeader
    {
        /// <summary>Longest header: 2 + 8 (64-bit length) + 4 (masking key) bytes.</summary>
        public const int MaxHeaderBytes = 14;

        /// <summary>Largest payload of a control frame (§5.5: 125 bytes or less).</summary>
        public const int MaxControlPayloadBytes = 125;

        /// <summary>Largest length carried in the 7-bit field itself.</summary>
        public const int MaxShortLength = 125;

        /// <summary>7-bit length value announcing a 16-bit extended length.</summary>
        public const int Length16Marker = 126;

        /// <summary>7-bit length value announcing a 64-bit extended length.</summary>
        public const int Length64Marker = 127;

        /// <summary>Length of the masking key, bytes (§5.3).</summary>
        public const int MaskKeyBytes = 4;

        /// <summary>FIN: the final fragment of a message.</summary>
        public bool Fin;

        /// <summary>RSV1..RSV3 as bits 2..0; non-zero only with a negotiated extension.</summary>
        public int Reserved;

        /// <summary>Opcode (may be a reserved value when decoded).</summary>
        public WebSocketOpcode Opcode;

        /// <summary>MASK bit.</summary>
        public bool Masked;

        /// <summary>Payload length, bytes (0 to 2^63 - 1).</summary>
        public long PayloadLength;

        /// <summary>True for close, ping, pong and the reserved control opcodes %xB-F (§5.5: opcode MSB set).</summary>
        public static bool IsControl(WebSocketOpcode opcode)
        {
            return ((int)opcode & 0x8) != 0;
        }
    }
}
