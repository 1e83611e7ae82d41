namespace Wallbox.Drivers.Mfrc522
{
    /// <summary>RFCfgReg RxGain[2:0] codes (datasheet 9.3.3.6); codes 0/2 and 1/3 are the same gains.</summary>
    public static class Mfrc522RxGain
    {
        public const int Gain18dB = 0;
        public const int Gain23dB = 1;
        public const int Gain33dB = 4;
        public const int Gain38dB = 5;
        public const int Gain43dB = 6;
        public const int Gain48dB = 7;
    }
}
