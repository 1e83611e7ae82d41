namespace Wallbox.Drivers.IsoDep
{
    /// <summary>
    /// Frame sizes and times of ISO/IEC 14443-4:2008 at the carrier frequency fc = 13.56 MHz, in the units the
    /// firmware uses (bytes, microseconds).
    /// </summary>
    public static class IsoDepTiming
    {
        /// <summary>Carrier frequency fc, Hz (ISO/IEC 14443-2).</summary>
        public const int CarrierFrequencyHz = 13560000;

        /// <summary>FWI when the ATS has no TB (5.2.5): FWT = 4.8 ms.</summary>
        public const int DefaultFwi = 4;

        /// <summary>Largest FWI (5.2.5): FWT_MAX = 4949 ms.</summary>
        public const int MaxFwi = 14;

        /// <summary>FSCI when the ATS has no T0 (5.2.3): FSC = 32 bytes.</summary>
        public const int DefaultFsci = 2;

        /// <summary>
        /// Activation frame waiting time for the ATS after RATS: 65536/fc = 4833 µs (5.5; later editions name it
        /// FWT_ACTIVATION).
        /// </summary>
        public const int ActivationFrameWaitingTimeUs = 4833;

        /// <summary>
        /// Tolerance ΔFWT = 49152/fc = 3625 µs the PCD adds to every frame waiting time, so a card answering just at
        /// FWT is not cut off by the reader's own timing inaccuracy (7.2; spelled out in later editions).
        /// </summary>
        public const int FrameWaitingTimeToleranceUs = 3625;

        /// <summary>
        /// Frame size for the PICC/PCD coded by FSCI/FSDI (5.1 Table 1, 5.2.3): 16, 24, 32, 40, 48, 64, 96, 128,
        /// 256 bytes for codes 0..8, including PCB, CID, NAD and CRC_A. Codes 9..15 are RFU in the 2008 edition and
        /// taken as 256.
        /// </summary>
        public static int FrameSize(int code)
        {
            switch (code)
            {
                case 0: return 16;
                case 1: return 24;
                case 2: return 32;
                case 3: return 40;
                case 4: return 48;
                case 5: return 64;
                case 6: return 96;
                case 7: return 128;
                default: return 256;
            }
        }

        /// <summary>
        /// Frame waiting time FWT = (256 × 16 / fc) × 2^FWI (5.2.5, 7.2), rounded up to whole microseconds: 302 µs
        /// for FWI 0, 77 332 µs for FWI 8, 4 949 031 µs for FWI 14. FWI 15 is RFU and taken as the default 4.
        /// </summary>
        public static int FrameWaitingTimeUs(int fwi)
        {
            if (fwi < 0 || fwi > MaxFwi)
            {
                fwi = DefaultFwi;
            }

            return EtuMultipleUs(fwi);
        }

        /// <summary>
        /// Start-up frame guard time SFGT = (256 × 16 / fc) × 2^SFGI (5.2.5): the time the card needs after sending
        /// its ATS before it can receive the next frame. SFGI 0 means none; 15 is RFU and taken as 0.
        /// </summary>
        public static int StartupFrameGuardTimeUs(int sfgi)
        {
            if (sfgi <= 0 || sfgi > MaxFwi)
            {
                return 0;
            }

            return EtuMultipleUs(sfgi);
        }

        /// <summary>
        /// The temporary frame waiting time after an S(WTX) response, FWT_temp = FWT × WTXM (7.3), limited to FWT_MAX
        /// (FWI 14), the largest frame waiting time the standard defines.
        /// </summary>
        public static int ExtendedFrameWaitingTimeUs(int fwtUs, int wtxm)
        {
            long extended = (long)fwtUs * wtxm;
            int max = EtuMultipleUs(MaxFwi);
            return extended > max ? max : (int)extended;
        }

        private static int EtuMultipleUs(int exponent)
        {
            long cycles = 4096L << exponent;
            return (int)((cycles * 1000000L + CarrierFrequencyHz - 1) / CarrierFrequencyHz);
        }
    }
}
