namespace Wallbox.Drivers.Mfrc522
{
    /// <summary>
    /// MFRC522 register addresses, commands and bits, named as in the NXP MFRC522 datasheet (rev. 3.9, section 9).
    /// SPI address byte (section 8.1.2.3): <c>(register &lt;&lt; 1) | 0x80</c> to read, <c>register &lt;&lt; 1</c> to write.
    /// </summary>
    public static class Mfrc522Registers
    {
        public const byte CommandReg = 0x01;
        public const byte ComIEnReg = 0x02;
        public const byte DivIEnReg = 0x03;
        public const byte ComIrqReg = 0x04;
        public const byte DivIrqReg = 0x05;
        public const byte ErrorReg = 0x06;
        public const byte Status1Reg = 0x07;
        public const byte Status2Reg = 0x08;
        public const byte FIFODataReg = 0x09;
        public const byte FIFOLevelReg = 0x0A;
        public const byte WaterLevelReg = 0x0B;
        public const byte ControlReg = 0x0C;
        public const byte BitFramingReg = 0x0D;
        public const byte CollReg = 0x0E;
        public const byte ModeReg = 0x11;
        public const byte TxModeReg = 0x12;
        public const byte RxModeReg = 0x13;
        public const byte TxControlReg = 0x14;
        public const byte TxASKReg = 0x15;
        public const byte CRCResultRegMsb = 0x21;
        public const byte CRCResultRegLsb = 0x22;
        public const byte RFCfgReg = 0x26;
        public const byte TModeReg = 0x2A;
        public const byte TPrescalerReg = 0x2B;
        public const byte TReloadRegHigh = 0x2C;
        public const byte TReloadRegLow = 0x2D;
        public const byte VersionReg = 0x37;

        /// <summary>SPI read flag in the address byte.</summary>
        public const byte SpiRead = 0x80;

        // CommandReg commands (datasheet 10.3) and bits.
        public const byte CommandIdle = 0x00;
        public const byte CommandCalcCRC = 0x03;
        public const byte CommandTransceive = 0x0C;
        public const byte CommandSoftReset = 0x0F;
        public const byte CommandMask = 0x0F;
        public const byte CommandPowerDown = 0x10;

        // ComIrqReg bits (9.3.1.5).
        public const byte ComIrqSet1 = 0x80;
        public const byte TxIRq = 0x40;
        public const byte RxIRq = 0x20;
        public const byte IdleIRq = 0x10;
        public const byte ErrIRq = 0x02;
        public const byte TimerIRq = 0x01;
        public const byte ComIrqAll = 0x7F;

        // DivIrqReg bits (9.3.1.6).
        public const byte CRCIRq = 0x04;

        // ErrorReg bits (9.3.1.7).
        public const byte BufferOvfl = 0x10;
        public const byte CollErr = 0x08;
        public const byte CRCErr = 0x04;
        public const byte ParityErr = 0x02;
        public const byte ProtocolErr = 0x01;

        // FIFOLevelReg, ControlReg, BitFramingReg, CollReg bits.
        public const byte FlushBuffer = 0x80;
        public const byte FIFOLevelMask = 0x7F;
        public const byte RxLastBitsMask = 0x07;
        public const byte StartSend = 0x80;
        public const byte ValuesAfterColl = 0x80;
        public const byte CollPosNotValid = 0x20;
        public const byte CollPosMask = 0x1F;

        /// <summary>ModeReg: TxWaitRF, PolMFin, CRCPreset = 01 (6363h, the ISO/IEC 14443-3 CRC_A preset).</summary>
        public const byte ModeCrcPreset6363 = 0x3D;
        /// <summary>TxASKReg Force100ASK: the 100 % ASK modulation of ISO/IEC 14443-2 Type A.</summary>
        public const byte Force100ASK = 0x40;
        /// <summary>TxControlReg Tx1RFEn | Tx2RFEn: both antenna drivers on.</summary>
        public const byte AntennaOn = 0x03;
        /// <summary>TModeReg TAuto: the timer starts at the end of every transmission.</summary>
        public const byte TAuto = 0x80;
        /// <summary>Status2Reg MFCrypto1On.</summary>
        public const byte MFCrypto1On = 0x08;

        /// <summary>FIFO size in bytes (datasheet 8.3.1).</summary>
        public const int FifoSize = 64;
    }
}
