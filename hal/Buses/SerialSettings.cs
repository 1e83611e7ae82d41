namespace Wallbox.Hal
{
    /// <summary>Line settings of a UART.</summary>
    public struct SerialSettings
    {
        /// <summary>Bits per second.</summary>
        public int BaudRate;

        /// <summary>Data bits per character (7 or 8).</summary>
        public int DataBits;

        /// <summary>Parity.</summary>
        public SerialParity Parity;

        /// <summary>Stop bits.</summary>
        public SerialStopBits StopBits;

        /// <summary>Creates settings.</summary>
        public SerialSettings(int baudRate, int dataBits, SerialParity parity, SerialStopBits stopBits)
        {
            BaudRate = baudRate;
            DataBits = dataBits;
            Parity = parity;
            StopBits = stopBits;
        }

        /// <summary>Bits on the wire per character: start + data + parity + stop.</summary>
        public int BitsPerCharacter
        {
            get { return 1 + DataBits + (Parity == SerialParity.None ? 0 : 1) + (int)StopBits; }
        }

        /// <summary>Time one character occupies the line, in microseconds (rounded up).</summary>
        public int CharacterTimeUs
        {
            get { return BaudRate <= 0 ? 0 : (int)((BitsPerCharacter * 1000000L + BaudRate - 1) / BaudRate); }
        }
    }
}
