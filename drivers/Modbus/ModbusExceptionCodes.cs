namespace Wallbox.Drivers.Modbus
{
    /// <summary>
    /// Exception codes of a Modbus exception response (function code | 0x80, then one code byte), with their
    /// meaning, from MODBUS Application Protocol Specification V1.1b3 §7 "MODBUS Exception Responses".
    /// </summary>
    /// <remarks>
    /// 07 (Negative Acknowledge) is not in the V1.1b3 table; it comes from the older Modicon PI-MBUS-300 reference
    /// (programming functions) and some meters still send it.
    /// </remarks>
    public static class ModbusExceptionCodes
    {
        /// <summary>01: the function code is not supported by the server.</summary>
        public const byte IllegalFunction = 0x01;

        /// <summary>02: the register address (or address + quantity) is not allowed by the server.</summary>
        public const byte IllegalDataAddress = 0x02;

        /// <summary>03: a value in the request is not allowed (e.g. quantity, or the value written).</summary>
        public const byte IllegalDataValue = 0x03;

        /// <summary>04: an unrecoverable error occurred while the server performed the action.</summary>
        public const byte ServerDeviceFailure = 0x04;

        /// <summary>05: the server accepted the request but needs a long time to process it.</summary>
        public const byte Acknowledge = 0x05;

        /// <summary>06: the server is busy with a long-duration command; the client should retransmit later.</summary>
        public const byte ServerDeviceBusy = 0x06;

        /// <summary>07: the server cannot perform the program function (Modicon PI-MBUS-300).</summary>
        public const byte NegativeAcknowledge = 0x07;

        /// <summary>08: the server found a parity error in its memory (record file functions 20/21).</summary>
        public const byte MemoryParityError = 0x08;

        /// <summary>0A: the gateway could not allocate an internal path to the target.</summary>
        public const byte GatewayPathUnavailable = 0x0A;

        /// <summary>0B: the gateway got no response from the target device.</summary>
        public const byte GatewayTargetDeviceFailedToRespond = 0x0B;

        /// <summary>
        /// The meaning of <paramref name="code"/> for logs and diagnostics; "unknown exception 0xNN" for codes the
        /// specification does not define (that one string is built on each call; the known ones are constants).
        /// </summary>
        public static string Meaning(byte code)
        {
            switch (code)
            {
                case IllegalFunction: return "Illegal Function";
                case IllegalDataAddress: return "Illegal Data Address";
                case IllegalDataValue: return "Illegal Data Value";
                case ServerDeviceFailure: return "Server Device Failure";
                case Acknowledge: return "Acknowledge";
                case ServerDeviceBusy: return "Server Device Busy";
                case NegativeAcknowledge: return "Negative Acknowledge";
                case MemoryParityError: return "Memory Parity Error";
                case GatewayPathUnavailable: return "Gateway Path Unavailable";
                case GatewayTargetDeviceFailedToRespond: return "Gateway Target Device Failed To Respond";
                default: return string.Concat("unknown exception 0x", Hex(code));
            }
        }

        /// <summary>
        /// True when the same request may succeed if sent again (V1.1b3 §7): 06 Server Device Busy ("the client should
        /// retransmit the message later") and 0B Gateway Target Device Failed To Respond (the target missed this one
        /// request, as a timeout would). All others describe the request or the device and repeat identically;
        /// 05 Acknowledge means the server is already executing the request, so sending it again would repeat a write.
        /// </summary>
        internal static bool IsWorthRetrying(byte code)
        {
            return code == ServerDeviceBusy || code == GatewayTargetDeviceFailedToRespond;
        }

        private static string Hex(byte value)
        {
            const string Digits = "0123456789ABCDEF";
            char[] text = new char[2];
            text[0] = Digits[value >> 4];
            text[1] = Digits[value & 0x0F];
            return new string(text);
        }
    }
}
