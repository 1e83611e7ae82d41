namespace Wallbox.Drivers.IsoDep
{
    /// <summary>
    /// The answer to select (ATS) of ISO/IEC 14443-4:2008 5.2, parsed: TL, the format byte T0 with FSCI (5.2.3),
    /// the interface bytes TA (bit rates, 5.2.4), TB (FWI and SFGI, 5.2.5) and TC (CID and NAD support, 5.2.6), and
    /// the historical bytes (5.2.7). Absent bytes take the defaults of the standard. Fixed storage, no allocation.
    /// </summary>
    public sealed class AnswerToSelect
    {
        /// <summary>Longest ATS accepted, TL included: FSD - 2 = 62 bytes for the 64-byte FSD of the link (5.2.1).</summary>
        public const int MaxLength = 62;

        private const int T0TaPresent = 0x10;
        private const int T0TbPresent = 0x20;
        private const int T0TcPresent = 0x40;
        private const int T0Rfu = 0x80;
        private const int TcCidSupported = 0x02;
        private const int TcNadSupported = 0x01;

        private readonly byte[] _historical = new byte[MaxLength];

        /// <summary>Creates an ATS holding the defaults (as if the card sent only TL = 1).</summary>
        public AnswerToSelect()
        {
            Clear();
        }

        /// <summary>Length byte TL (5.2.1): the ATS length including TL, excluding CRC_A.</summary>
        public int Length { get; private set; }

        /// <summary>FSCI (5.2.3), default 2.</summary>
        public int Fsci { get; private set; }

        /// <summary>FSC, the largest frame the card accepts including PCB, CID, NAD and CRC_A (5.2.3), bytes.</summary>
        public int Fsc { get; private set; }

        /// <summary>True when TA was present (5.2.4); 0 otherwise (106 kbit/s only in both directions).</summary>
        public bool HasTa { get; private set; }

        /// <summary>TA: supported divisors (5.2.4). Only 106 kbit/s is used.</summary>
        public byte Ta { get; private set; }

        /// <summary>FWI (5.2.5), default 4; an RFU value 15 is taken as 4.</summary>
        public int Fwi { get; private set; }

        /// <summary>SFGI (5.2.5), default 0; an RFU value 15 is taken as 0.</summary>
        public int Sfgi { get; private set; }

        /// <summary>FWT from <see cref="Fwi"/> (5.2.5, 7.2), microseconds.</summary>
        public int FrameWaitingTimeUs { get; private set; }

        /// <summary>SFGT from <see cref="Sfgi"/> (5.2.5), microseconds (0: none).</summary>
        public int StartupFrameGuardTimeUs { get; private set; }

        /// <summary>TC b2 (5.2.6): the card supports CID; default true.</summary>
        public bool CidSupported { get; private set; }

        /// <summary>TC b1 (5.2.6): the card supports NAD; default false.</summary>
        public bool NadSupported { get; private set; }

        /// <summary>The historical bytes T1..Tk (5.2.7), valid up to <see cref="HistoricalLength"/>.</summary>
        public byte[] HistoricalBytes { get { return _historical; } }

        /// <summary>Number of historical bytes.</summary>
        public int HistoricalLength { get; private set; }

        /// <summary>Resets to the defaults of an ATS consisting of TL = 1 only.</summary>
        public void Clear()
        {
            Length = 1;
            Fsci = IsoDepTiming.DefaultFsci;
            Fsc = IsoDepTiming.FrameSize(Fsci);
            HasTa = false;
            Ta = 0;
            SetTb(IsoDepTiming.DefaultFwi, 0);
            CidSupported = true;
            NadSupported = false;
            HistoricalLength = 0;
        }

        /// <summary>
        /// Parses <paramref name="count"/> ATS bytes (TL first, CRC_A already removed). False, and the defaults kept,
        /// when the ATS is malformed: empty, longer than <see cref="MaxLength"/>, TL different from <paramref name="count"/>, T0 bit 8 set (RFU, 5.2.3),
        /// or interface bytes announced by T0 that do not fit in TL.
        /// </summary>
        public bool Parse(byte[] data, int offset, int count)
        {
            Clear();
            if (count < 1 || data[offset] != count || count > MaxLength)
            {
                return false;
            }

            if (count == 1)
            {
                return true;
            }

            int t0 = data[offset + 1];
            if ((t0 & T0Rfu) != 0)
            {
                return false;
            }

            int next = 2;
            int interfaceBytes = ((t0 & T0TaPresent) != 0 ? 1 : 0) + ((t0 & T0TbPresent) != 0 ? 1 : 0) + ((t0 & T0TcPresent) != 0 ? 1 : 0);
            if (next + interfaceBytes > count)
            {
                return false;
            }

            int fsci = t0 & 0x0F;
            int fwi = IsoDepTiming.DefaultFwi;
            int sfgi = 0;
            bool hasTa = false;
            byte ta = 0;
            bool cid = true;
            bool nad = false;
            if ((t0 & T0TaPresent) != 0)
            {
                hasTa = true;
                ta = data[offset + next++];
            }

            if ((t0 & T0TbPresent) != 0)
            {
                int tb = data[offset + next++];
                fwi = tb >> 4;
                sfgi = tb & 0x0F;
            }

            if ((t0 & T0TcPresent) != 0)
            {
                int tc = data[offset + next++];
                cid = (tc & TcCidSupported) != 0;
                nad = (tc & TcNadSupported) != 0;
            }

            Length = count;
            Fsci = fsci;
            Fsc = IsoDepTiming.FrameSize(fsci);
            HasTa = hasTa;
            Ta = ta;
            SetTb(fwi > IsoDepTiming.MaxFwi ? IsoDepTiming.DefaultFwi : fwi, sfgi > IsoDepTiming.MaxFwi ? 0 : sfgi);
            CidSupported = cid;
            NadSupported = nad;
            HistoricalLength = count - next;
            for (int i = 0; i < HistoricalLength; i++)
            {
                _historical[i] = data[offset + next + i];
            }

            return true;
        }

        private void SetTb(int fwi, int sfgi)
        {
            Fwi = fwi;
            Sfgi = sfgi;
            FrameWaitingTimeUs = IsoDepTiming.FrameWaitingTimeUs(fwi);
            StartupFrameGuardTimeUs = IsoDepTiming.StartupFrameGuardTimeUs(sfgi);
        }
    }
}
