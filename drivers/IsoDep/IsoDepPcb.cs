namespace Wallbox.Drivers.IsoDep
{
    /// <summary>
    /// Coding of the protocol control byte of ISO/IEC 14443-4:2008 7.1.1, for blocks without CID
    /// and NAD (the link activates its single card with CID 0 and does not use NAD).
    /// </summary>
    /// <remarks>
    /// I-block: <c>000C CN1B</c> (C chaining, bit 2 always 1, B block number). R-block: <c>101N C01B</c>
    /// (N = 1 NAK, 0 ACK). S-block: <c>11XX C010</c> (XX = 00 DESELECT, 11 WTX). C in bit 4 is the CID-following
    /// flag, N in bit 3 the NAD-following flag.
    /// </remarks>
    public static class IsoDepPcb
    {
        /// <summary>I-block, block number 0, not chaining.</summary>
        public const byte IBlock = 0x02;

        /// <summary>R(ACK), block number 0.</summary>
        public const byte RAck = 0xA2;

        /// <summary>R(NAK), block number 0.</summary>
        public const byte RNak = 0xB2;

        /// <summary>S(DESELECT) request and response.</summary>
        public const byte SDeselect = 0xC2;

        /// <summary>S(WTX) request and response.</summary>
        public const byte SWtx = 0xF2;

        /// <summary>Block number bit (b1).</summary>
        public const byte BlockNumber = 0x01;

        /// <summary>I-block chaining bit (b5): more blocks of the same command or response follow.</summary>
        public const byte Chaining = 0x10;

        /// <summary>R-block NAK bit (b5).</summary>
        public const byte Nak = 0x10;

        /// <summary>CID following (b4).</summary>
        public const byte CidFollowing = 0x08;

        /// <summary>NAD following (b3, I-blocks only).</summary>
        public const byte NadFollowing = 0x04;

        /// <summary>WTXM field of the S(WTX) INF byte (b6..b1; b8..b7 are the power level indication).</summary>
        public const byte WtxmMask = 0x3F;

        /// <summary>Smallest and largest WTXM (7.3): 1..59; 0 and 60..63 are RFU.</summary>
        public const int MinWtxm = 1;

        /// <summary>Largest WTXM (7.3).</summary>
        public const int MaxWtxm = 59;

        /// <summary>True for an I-block PCB (b8..b6 = 000, b2 = 1).</summary>
        public static bool IsIBlock(byte pcb)
        {
            return (pcb & 0xE2) == 0x02;
        }

        /// <summary>True for an R-block PCB (b8..b6 = 101, b3..b2 = 01).</summary>
        public static bool IsRBlock(byte pcb)
        {
            return (pcb & 0xE6) == 0xA2;
        }

        /// <summary>True for an S-block PCB (b8..b7 = 11, b3..b1 = 010).</summary>
        public static bool IsSBlock(byte pcb)
        {
            return (pcb & 0xC7) == 0xC2;
        }

        /// <summary>True for S(WTX) (b6..b5 = 11).</summary>
        public static bool IsWtx(byte pcb)
        {
            return IsSBlock(pcb) && (pcb & 0x30) == 0x30;
        }

        /// <summary>True for S(DESELECT) (b6..b5 = 00).</summary>
        public static bool IsDeselect(byte pcb)
        {
            return IsSBlock(pcb) && (pcb & 0x30) == 0x00;
        }
    }
}
