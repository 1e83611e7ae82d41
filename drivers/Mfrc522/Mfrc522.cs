using Wallbox.Drivers.IsoDep;
using Wallbox.Hal;

namespace Wallbox.Drivers.Mfrc522
{
    /// <summary>
    /// NXP MFRC522 contactless reader IC on SPI (datasheet rev. 3.9). Every method is a few register accesses of
    /// microseconds; nothing waits for the card: a command is started, then <see cref="Poll"/> or
    /// <see cref="PollCrc"/> is called once per tick until it is no longer <see cref="Mfrc522Status.Busy"/>.
    /// The chip's own timer (about 25 ms, set in <see cref="Configure"/>) ends a transceive nobody answers; frames
    /// started through <see cref="IContactlessFrameTransceiver"/> program it for their own response timeout
    /// (ISO/IEC 14443-4 FWT), and the ISO/IEC 14443-3 overloads of <see cref="StartTransceive(byte[], int, int, int)"/>
    /// put the 25 ms back.
    /// </summary>
    /// <remarks>
    /// Frames are limited to the 64-byte FIFO in both directions; longer exchanges are chained by ISO-DEP
    /// (ISO/IEC 14443-4) above this driver, which keeps its frame size (FSD) at or below 64.
    /// </remarks>
    public sealed class Mfrc522 : IContactlessFrameTransceiver
    {
        /// <summary>Timer timeout in microseconds: (2 * 0xA9 + 1) * (0x3E8 + 1) / 13.56 MHz (datasheet 8.5).</summary>
        public const int TimeoutUs = 25025;

        /// <summary>Longest timeout the timer can count: (2 * 4095 + 1) * 65536 / 13.56 MHz = 39.587 s.</summary>
        public const int MaxTimeoutUs = 39587000;

        private const int TimerPrescaler = 0xA9;
        private const int TimerReload = 0x03E8;
        private const long TimerClockHz = 13560000;

        private readonly ISpiDevice _spi;
        private readonly int _rxGain;
        private readonly byte[] _tx = new byte[Mfrc522Registers.FifoSize + 1];
        private readonly byte[] _rx = new byte[Mfrc522Registers.FifoSize + 1];
        private readonly byte[] _received = new byte[Mfrc522Registers.FifoSize];
        private int _timeoutUs;

        /// <summary>Creates the driver; <paramref name="rxGain"/> is an <see cref="Mfrc522RxGain"/> code (0..7).</summary>
        public Mfrc522(ISpiDevice spi, int rxGain)
        {
            _spi = spi;
            _rxGain = rxGain & 0x07;
        }

        /// <summary>Bytes received by the last completed transceive (valid up to <see cref="ReceivedLength"/>).</summary>
        public byte[] ReceivedBuffer { get { return _received; } }

        /// <summary>Number of bytes in <see cref="ReceivedBuffer"/> (a partial last byte counts).</summary>
        public int ReceivedLength { get; private set; }

        /// <summary>The FIFO size: the longest frame in either direction, bytes.</summary>
        public int MaxFrameLength { get { return Mfrc522Registers.FifoSize; } }

        /// <summary>Timeout the timer is programmed for, microseconds (as requested; the timer rounds it up).</summary>
        public int ProgrammedTimeoutUs { get { return _timeoutUs; } }

        /// <summary>Valid bits in the last received byte (ControlReg RxLastBits; 0 means all 8).</summary>
        public int ReceivedValidBitsInLastByte { get; private set; }

        /// <summary>
        /// After <see cref="Mfrc522Status.Collision"/>: CollReg CollPos, 1..32, the first colliding bit counted from
        /// bit 0 of the first FIFO byte (so including the RxAlign offset).
        /// </summary>
        public int CollisionPosition { get; private set; }

        /// <summary>CRC coprocessor result, low byte (sent first).</summary>
        public byte CrcLow { get; private set; }

        /// <summary>CRC coprocessor result, high byte.</summary>
        public byte CrcHigh { get; private set; }

        /// <summary>True for the VersionReg values of genuine chips: 0x91 (version 1.0) and 0x92 (version 2.0).</summary>
        public static bool IsSupportedVersion(byte version)
        {
            return version == 0x91 || version == 0x92;
        }

        /// <summary>Reads VersionReg (0x00 or 0xFF mean no chip answers on the bus).</summary>
        public byte ReadVersion()
        {
            return ReadRegister(Mfrc522Registers.VersionReg);
        }

        /// <summary>Issues SoftReset; poll <see cref="IsResetComplete"/> at the next ticks.</summary>
        public void StartSoftReset()
        {
            WriteRegister(Mfrc522Registers.CommandReg, Mfrc522Registers.CommandSoftReset);
            _timeoutUs = 0; // timer registers back to their reset values until Configure
        }

        /// <summary>True once the oscillator runs again after the reset (CommandReg PowerDown cleared, datasheet 9.3.1.2).</summary>
        public bool IsResetComplete()
        {
            return (ReadRegister(Mfrc522Registers.CommandReg) & Mfrc522Registers.CommandPowerDown) == 0;
        }

        /// <summary>
        /// Sets the timer (TAuto, 40 kHz, reload 1000: 25 ms), 100 % ASK, CRC preset 6363h, the receiver gain and
        /// switches the antenna drivers on.
        /// </summary>
        public void Configure()
        {
            WriteTimer(TimerPrescaler, TimerReload);
            _timeoutUs = TimeoutUs;
            WriteRegister(Mfrc522Registers.TxASKReg, Mfrc522Registers.Force100ASK);
            WriteRegister(Mfrc522Registers.ModeReg, Mfrc522Registers.ModeCrcPreset6363);
            WriteRegister(Mfrc522Registers.RFCfgReg, (byte)(_rxGain << 4));
            byte tx = ReadRegister(Mfrc522Registers.TxControlReg);
            WriteRegister(Mfrc522Registers.TxControlReg, (byte)(tx | Mfrc522Registers.AntennaOn));
        }

        /// <summary>
        /// Programs the timer for <paramref name="timeoutUs"/> (1 µs .. <see cref="MaxTimeoutUs"/>): the smallest
        /// TPrescaler whose 16-bit TReload reaches the time, TReload rounded up, so the timer never ends before the
        /// requested time (datasheet 8.5: period = (2 × TPrescaler + 1) × (TReload + 1) / 13.56 MHz). Writes the
        /// registers only when the timeout changes.
        /// </summary>
        public void SetTimeoutUs(int timeoutUs)
        {
            if (timeoutUs == _timeoutUs)
            {
                return;
            }

            if (timeoutUs == TimeoutUs)
            {
                WriteTimer(TimerPrescaler, TimerReload);
                _timeoutUs = timeoutUs;
                return;
            }

            int us = timeoutUs < 1 ? 1 : timeoutUs > MaxTimeoutUs ? MaxTimeoutUs : timeoutUs;
            long cycles = (us * TimerClockHz + 999999) / 1000000;
            long periods = (cycles + 65535) / 65536; // 2 * TPrescaler + 1 must reach this
            int prescaler = (int)(periods / 2);
            if (prescaler > 0x0FFF)
            {
                prescaler = 0x0FFF;
            }

            long divider = 2L * prescaler + 1;
            long reload = (cycles + divider - 1) / divider - 1;
            if (reload < 1)
            {
                reload = 1;
            }
            else if (reload > 0xFFFF)
            {
                reload = 0xFFFF;
            }

            WriteTimer(prescaler, (int)reload);
            _timeoutUs = timeoutUs;
        }

        /// <summary>
        /// Starts an ISO/IEC 14443-4 frame (<see cref="IContactlessFrameTransceiver"/>): whole bytes out, whole bytes
        /// in, no hardware CRC, with the timer set to <paramref name="timeoutUs"/>.
        /// </summary>
        public bool StartFrame(byte[] frame, int offset, int count, int timeoutUs)
        {
            if (count < 1 || count > Mfrc522Registers.FifoSize)
            {
                return false;
            }

            SetTimeoutUs(timeoutUs);
            return Transceive(frame, offset, count, 0, 0);
        }

        /// <summary>
        /// Checks a frame started with <see cref="StartFrame"/>: a collision, or an answer with an incomplete last
        /// byte, is a transmission error.
        /// </summary>
        public ContactlessFrameStatus PollFrame()
        {
            Mfrc522Status status = Poll();
            switch (status)
            {
                case Mfrc522Status.Busy:
                    return ContactlessFrameStatus.Busy;
                case Mfrc522Status.Timeout:
                    return ContactlessFrameStatus.Timeout;
                case Mfrc522Status.Done:
                    return ReceivedValidBitsInLastByte == 0 ? ContactlessFrameStatus.Done : ContactlessFrameStatus.Error;
                default:
                    return ContactlessFrameStatus.Error;
            }
        }

        /// <summary>Abandons the running frame (<see cref="StopCommand"/>).</summary>
        public void StopFrame()
        {
            StopCommand();
        }

        /// <summary>Starts a transceive of whole bytes except the last (0 = 8 valid bits), receiving byte-aligned.</summary>
        public bool StartTransceive(byte[] data, int offset, int count, int validBitsInLastByte)
        {
            return StartTransceive(data, offset, count, validBitsInLastByte, 0);
        }

        /// <summary>
        /// Starts a transceive; <paramref name="rxAlign"/> places the first received bit at that bit of the first FIFO
        /// byte (bit-oriented anticollision). False (nothing started) when the frame does not fit the FIFO. The timer
        /// is set to the ISO/IEC 14443-3 timeout <see cref="TimeoutUs"/>.
        /// </summary>
        public bool StartTransceive(byte[] data, int offset, int count, int validBitsInLastByte, int rxAlign)
        {
            if (count < 1 || count > Mfrc522Registers.FifoSize)
            {
                return false;
            }

            SetTimeoutUs(TimeoutUs);
            return Transceive(data, offset, count, validBitsInLastByte, rxAlign);
        }

        private bool Transceive(byte[] data, int offset, int count, int validBitsInLastByte, int rxAlign)
        {
            ReceivedLength = 0;
            CollisionPosition = 0;
            WriteRegister(Mfrc522Registers.CommandReg, Mfrc522Registers.CommandIdle);
            WriteRegister(Mfrc522Registers.ComIrqReg, Mfrc522Registers.ComIrqAll);
            WriteRegister(Mfrc522Registers.FIFOLevelReg, Mfrc522Registers.FlushBuffer);
            WriteFifo(data, offset, count);
            byte framing = (byte)(((rxAlign & 0x07) << 4) | (validBitsInLastByte & 0x07));
            WriteRegister(Mfrc522Registers.BitFramingReg, framing);
            WriteRegister(Mfrc522Registers.CommandReg, Mfrc522Registers.CommandTransceive);
            WriteRegister(Mfrc522Registers.BitFramingReg, (byte)(framing | Mfrc522Registers.StartSend));
            return true;
        }

        /// <summary>
        /// Checks a started transceive once (ComIrqReg, then ErrorReg and the FIFO when it has ended). TimerIRq wins
        /// over RxIRq: with TAuto the timer stops when an answer starts (datasheet 9.3.3.10), so both set means the
        /// answer began after the timeout, too late for the protocol.
        /// </summary>
        public Mfrc522Status Poll()
        {
            byte irq = ReadRegister(Mfrc522Registers.ComIrqReg);
            if ((irq & Mfrc522Registers.TimerIRq) != 0)
            {
                StopCommand();
                return Mfrc522Status.Timeout;
            }

            if ((irq & Mfrc522Registers.RxIRq) != 0)
            {
                byte error = ReadRegister(Mfrc522Registers.ErrorReg);
                StopCommand();
                if ((error & (Mfrc522Registers.BufferOvfl | Mfrc522Registers.ParityErr | Mfrc522Registers.ProtocolErr)) != 0)
                {
                    return Mfrc522Status.Error;
                }

                ReadFifo();
                if ((error & Mfrc522Registers.CollErr) != 0)
                {
                    byte coll = ReadRegister(Mfrc522Registers.CollReg);
                    if ((coll & Mfrc522Registers.CollPosNotValid) != 0)
                    {
                        return Mfrc522Status.Error;
                    }

                    int position = coll & Mfrc522Registers.CollPosMask;
                    CollisionPosition = position == 0 ? 32 : position;
                    return Mfrc522Status.Collision;
                }

                return Mfrc522Status.Done;
            }

            if ((irq & Mfrc522Registers.ErrIRq) != 0)
            {
                StopCommand();
                return Mfrc522Status.Error;
            }

            return Mfrc522Status.Busy;
        }

        /// <summary>Starts the CRC coprocessor (CalcCRC) over the given bytes; poll with <see cref="PollCrc"/>.</summary>
        public bool StartCrc(byte[] data, int offset, int count)
        {
            if (count < 0 || count > Mfrc522Registers.FifoSize)
            {
                return false;
            }

            WriteRegister(Mfrc522Registers.CommandReg, Mfrc522Registers.CommandIdle);
            WriteRegister(Mfrc522Registers.DivIrqReg, Mfrc522Registers.CRCIRq);
            WriteRegister(Mfrc522Registers.FIFOLevelReg, Mfrc522Registers.FlushBuffer);
            WriteFifo(data, offset, count);
            WriteRegister(Mfrc522Registers.CommandReg, Mfrc522Registers.CommandCalcCRC);
            return true;
        }

        /// <summary>Done (result in <see cref="CrcLow"/>/<see cref="CrcHigh"/>) once DivIrqReg CRCIRq is set, else Busy.</summary>
        public Mfrc522Status PollCrc()
        {
            if ((ReadRegister(Mfrc522Registers.DivIrqReg) & Mfrc522Registers.CRCIRq) == 0)
            {
                return Mfrc522Status.Busy;
            }

            StopCommand();
            CrcLow = ReadRegister(Mfrc522Registers.CRCResultRegLsb);
            CrcHigh = ReadRegister(Mfrc522Registers.CRCResultRegMsb);
            return Mfrc522Status.Done;
        }

        /// <summary>Cancels the running command (Idle).</summary>
        public void StopCommand()
        {
            WriteRegister(Mfrc522Registers.CommandReg, Mfrc522Registers.CommandIdle);
        }

        /// <summary>Reads one register.</summary>
        public byte ReadRegister(byte register)
        {
            _tx[0] = (byte)((register << 1) | Mfrc522Registers.SpiRead);
            _tx[1] = 0;
            _spi.Transfer(_tx, 0, _rx, 0, 2);
            return _rx[1];
        }

        /// <summary>Writes one register.</summary>
        public void WriteRegister(byte register, byte value)
        {
            _tx[0] = (byte)(register << 1);
            _tx[1] = value;
            _spi.Transfer(_tx, 0, _rx, 0, 2);
        }

        private void WriteTimer(int prescaler, int reload)
        {
            WriteRegister(Mfrc522Registers.TModeReg, (byte)(Mfrc522Registers.TAuto | ((prescaler >> 8) & 0x0F)));
            WriteRegister(Mfrc522Registers.TPrescalerReg, (byte)(prescaler & 0xFF));
            WriteRegister(Mfrc522Registers.TReloadRegHigh, (byte)(reload >> 8));
            WriteRegister(Mfrc522Registers.TReloadRegLow, (byte)(reload & 0xFF));
        }

        private void WriteFifo(byte[] data, int offset, int count)
        {
            _tx[0] = (byte)(Mfrc522Registers.FIFODataReg << 1);
            for (int i = 0; i < count; i++)
            {
                _tx[i + 1] = data[offset + i];
            }

            _spi.Transfer(_tx, 0, _rx, 0, count + 1);
        }

        private void ReadFifo()
        {
            int level = ReadRegister(Mfrc522Registers.FIFOLevelReg) & Mfrc522Registers.FIFOLevelMask;
            if (level > Mfrc522Registers.FifoSize)
            {
                level = Mfrc522Registers.FifoSize;
            }

            ReceivedValidBitsInLastByte = ReadRegister(Mfrc522Registers.ControlReg) & Mfrc522Registers.RxLastBitsMask;
            byte address = (byte)((Mfrc522Registers.FIFODataReg << 1) | Mfrc522Registers.SpiRead);
            for (int i = 0; i < level; i++)
            {
                _tx[i] = address;
            }

            _tx[level] = 0;
            _spi.Transfer(_tx, 0, _rx, 0, level + 1);
            for (int i = 0; i < level; i++)
            {
                _received[i] = _rx[i + 1];
            }

            ReceivedLength = level;
        }
    }
}
