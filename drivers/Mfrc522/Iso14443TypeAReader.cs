using Wallbox.Hal;

namespace Wallbox.Drivers.Mfrc522
{
    /// <summary>
    /// ISO/IEC 14443-3 Type A card detection on an <see cref="Mfrc522"/>: REQA, anticollision and SELECT over cascade
    /// levels 1..3 (4-, 7- and 10-byte UIDs), HLTA, then a WUPA presence check every
    /// <see cref="PresenceCheckIntervalMs"/>. One short step per <see cref="Tick"/>; nothing waits.
    /// </summary>
    /// <remarks>
    /// Removal: a halted card answers only WUPA; <see cref="MissesBeforeRemoval"/> unanswered WUPAs in a row mean the
    /// card has left, so removal is seen within <see cref="MaxRemovalDetectionMs"/> (plus one tick). With several
    /// cards in the field the collision is resolved by taking the 1 branch at each colliding bit; the presence check
    /// then holds while any card answers WUPA.
    /// <para>With <see cref="KeepIso14443_4CardSelected"/>, a card whose SAK announces ISO/IEC 14443-4 (bit 0x20) is
    /// not halted after SELECT: the reader enters <see cref="Iso14443TypeAReaderState.CardSelected"/>, sets
    /// <see cref="CardAwaitingApplication"/> and leaves the chip (<see cref="Chip"/>) to the owner's application
    /// session (RATS, ISO-DEP exchanges, S(DESELECT)) until <see cref="ReleaseCard"/>, or for at most
    /// <see cref="ApplicationDeadlineMs"/>. Then the presence checks go on as for any card. UID-only cards are halted
    /// as before.</para>
    /// </remarks>
    public sealed class Iso14443TypeAReader : ITickable
    {
        /// <summary>Interval between REQA polls while no card is present, ms.</summary>
        public const int PollIntervalMs = 100;
        /// <summary>Interval between WUPA presence checks of a selected card, ms.</summary>
        public const int PresenceCheckIntervalMs = 100;
        /// <summary>Unanswered WUPAs in a row that mean the card was removed.</summary>
        public const int MissesBeforeRemoval = 2;
        /// <summary>Worst-case time from removal to <see cref="CardPresent"/> false, ms (one tick to add).</summary>
        public const int MaxRemovalDetectionMs = MissesBeforeRemoval * (PresenceCheckIntervalMs + ExchangeDeadlineMs);
        /// <summary>Retry interval of the initialisation after a reader failure, ms.</summary>
        public const int RetryAfterFailureMs = 1000;
        /// <summary>A command the chip does not end (its timer is 25 ms) within this time is a reader failure, ms.</summary>
        public const int ExchangeDeadlineMs = 50;
        /// <summary>ISO/IEC 14443-3 6.4.3: a card answering HLTA within 1 ms would have NAKed; silence means halted.</summary>
        public const int HaltSilenceMs = 1;
        /// <summary>
        /// Longest application session on a card kept selected, ms: after it the reader releases the card by itself
        /// (HLTA) so a stuck session cannot block presence checks and the next cards.
        /// </summary>
        public const int ApplicationDeadlineMs = 3000;

        private const byte Reqa = 0x26;
        private const byte Wupa = 0x52;
        private const byte Hlta = 0x50;
        private const byte CascadeTag = 0x88;
        private const byte SakUidNotComplete = 0x04;
        private const byte SakIso14443_4 = 0x20;

        private readonly Mfrc522 _chip;
        private readonly byte[] _frame = new byte[9];
        private readonly byte[] _cl = new byte[5];
        private readonly byte[] _uid = new byte[10];
        private Iso14443TypeAReaderState _state;
        private long _stateSinceMs;
        private long _nextPollMs;
        private bool _started;
        private int _level;
        private int _knownBits;
        private int _uidLength;
        private int _misses;

        /// <summary>Creates the reader; the first tick resets the chip.</summary>
        public Iso14443TypeAReader(Mfrc522 chip)
        {
            _chip = chip;
        }

        /// <summary>
        /// Keep an ISO/IEC 14443-4 card (SAK bit 0x20) selected for an application session instead of halting it
        /// (default false: every card is halted after SELECT and only its UID is used).
        /// </summary>
        public bool KeepIso14443_4CardSelected { get; set; }

        /// <summary>The chip, for the application session on a card kept selected (e.g. an ISO-DEP link).</summary>
        public Mfrc522 Chip { get { return _chip; } }

        /// <summary>
        /// True in <see cref="Iso14443TypeAReaderState.CardSelected"/>: a newly selected ISO/IEC 14443-4 card waits for
        /// the owner's application session, which ends with <see cref="ReleaseCard"/>.
        /// </summary>
        public bool CardAwaitingApplication { get { return _state == Iso14443TypeAReaderState.CardSelected; } }

        /// <summary>Application sessions ended by <see cref="ApplicationDeadlineMs"/> instead of <see cref="ReleaseCard"/>.</summary>
        public int ApplicationDeadlineCount { get; private set; }

        /// <summary>Current step.</summary>
        public Iso14443TypeAReaderState State { get { return _state; } }

        /// <summary>True when the chip is missing or not an MFRC522 (version not 0x91/0x92, or SPI reads 0x00/0xFF).</summary>
        public bool ReaderFailed { get; private set; }

        /// <summary>VersionReg as last read.</summary>
        public byte Version { get; private set; }

        /// <summary>A card was selected and still answers the presence check.</summary>
        public bool CardPresent { get; private set; }

        /// <summary>Completed selections since construction (a new card, or the same one presented again).</summary>
        public int SelectionCount { get; private set; }

        /// <summary>Removals detected since construction.</summary>
        public int RemovalCount { get; private set; }

        /// <summary>UID of the selected card, first byte as transmitted first (valid up to <see cref="UidLength"/>).</summary>
        public byte[] Uid { get { return _uid; } }

        /// <summary>4, 7 or 10 while <see cref="CardPresent"/>.</summary>
        public int UidLength { get { return _uidLength; } }

        /// <summary>SAK of the last cascade level.</summary>
        public byte Sak { get; private set; }

        /// <summary>ATQA, first received byte in the low 8 bits (0 when the ATQAs of several cards collided).</summary>
        public int Atqa { get; private set; }

        /// <summary>SAK bit 6 (0x20): the card speaks ISO/IEC 14443-4 (RATS may follow).</summary>
        public bool IsIso14443_4Compliant { get { return (Sak & SakIso14443_4) != 0; } }

        /// <summary>Advances the reader by one step.</summary>
        public void Tick(long nowMs)
        {
            if (!_started)
            {
                _started = true;
                StartReset(nowMs);
                return;
            }

            switch (_state)
            {
                case Iso14443TypeAReaderState.Resetting:
                    TickResetting(nowMs);
                    break;
                case Iso14443TypeAReaderState.Failed:
                    if (nowMs >= _nextPollMs)
                    {
                        StartReset(nowMs);
                    }

                    break;
                case Iso14443TypeAReaderState.Idle:
                    TickIdle(nowMs);
                    break;
                case Iso14443TypeAReaderState.WaitAtqa:
                    TickAtqa(nowMs);
                    break;
                case Iso14443TypeAReaderState.WaitAnticollision:
                    TickAnticollision(nowMs);
                    break;
                case Iso14443TypeAReaderState.WaitSak:
                    TickSak(nowMs);
                    break;
                case Iso14443TypeAReaderState.WaitHalt:
                    TickHalt(nowMs);
                    break;
                case Iso14443TypeAReaderState.CardSelected:
                    if (nowMs - _stateSinceMs >= ApplicationDeadlineMs)
                    {
                        ApplicationDeadlineCount++;
                        ReleaseCard(false, nowMs);
                    }

                    break;
            }
        }

        /// <summary>
        /// Ends the application session on the card kept selected and goes back to the WUPA presence checks:
        /// <paramref name="deselected"/> true when the session left the card in HALT (an answered S(DESELECT) of
        /// ISO/IEC 14443-4 clause 8), else the reader sends HLTA first. The reader's own 25 ms timer is used again.
        /// Does nothing outside <see cref="Iso14443TypeAReaderState.CardSelected"/>.
        /// </summary>
        public void ReleaseCard(bool deselected, long nowMs)
        {
            if (_state != Iso14443TypeAReaderState.CardSelected)
            {
                return;
            }

            _chip.StopCommand();
            if (deselected)
            {
                ToIdle(nowMs, PresenceCheckIntervalMs);
                return;
            }

            SendHalt(nowMs);
        }

        private void StartReset(long nowMs)
        {
            _chip.StartSoftReset();
            Enter(Iso14443TypeAReaderState.Resetting, nowMs);
        }

        private void TickResetting(long nowMs)
        {
            if (!_chip.IsResetComplete())
            {
                if (nowMs - _stateSinceMs > ExchangeDeadlineMs)
                {
                    Fail(nowMs);
                }

                return;
            }

            if (!CheckVersion(nowMs))
            {
                return;
            }

            _chip.Configure();
            ReaderFailed = false;
            _nextPollMs = nowMs;
            Enter(Iso14443TypeAReaderState.Idle, nowMs);
        }

        private void TickIdle(long nowMs)
        {
            if (nowMs < _nextPollMs || !CheckVersion(nowMs))
            {
                return;
            }

            _frame[0] = CardPresent ? Wupa : Reqa;
            Send(1, 7, 0, Iso14443TypeAReaderState.WaitAtqa, nowMs);
        }

        private void TickAtqa(long nowMs)
        {
            Mfrc522Status status = PollChip(nowMs);
            if (status == Mfrc522Status.Busy)
            {
                return;
            }

            bool answered = status == Mfrc522Status.Collision || (status == Mfrc522Status.Done && _chip.ReceivedLength == 2);
            if (CardPresent)
            {
                if (answered)
                {
                    _misses = 0;
                    SendHalt(nowMs);
                    return;
                }

                _misses++;
                if (_misses >= MissesBeforeRemoval)
                {
                    CardPresent = false;
                    _uidLength = 0;
                    RemovalCount++;
                    ToIdle(nowMs, 0);
                    return;
                }

                ToIdle(nowMs, PresenceCheckIntervalMs);
                return;
            }

            if (!answered)
            {
                ToIdle(nowMs, PollIntervalMs);
                return;
            }

            Atqa = status == Mfrc522Status.Done ? _chip.ReceivedBuffer[0] | (_chip.ReceivedBuffer[1] << 8) : 0;
            _uidLength = 0;
            _level = 1;
            _knownBits = 0;
            SendAnticollision(nowMs);
        }

        private void SendAnticollision(long nowMs)
        {
            int fullBytes = _knownBits / 8;
            int extraBits = _knownBits % 8;
            int sentBytes = fullBytes + (extraBits == 0 ? 0 : 1);
            _frame[0] = SelectCode();
            _frame[1] = (byte)(((2 + fullBytes) << 4) | extraBits);
            for (int i = 0; i < sentBytes; i++)
            {
                _frame[2 + i] = _cl[i];
            }

            Send(2 + sentBytes, extraBits, extraBits, Iso14443TypeAReaderState.WaitAnticollision, nowMs);
        }

        private void TickAnticollision(long nowMs)
        {
            Mfrc522Status status = PollChip(nowMs);
            if (status == Mfrc522Status.Busy)
            {
                return;
            }

            if (status != Mfrc522Status.Done && status != Mfrc522Status.Collision)
            {
                ToIdle(nowMs, PollIntervalMs);
                return;
            }

            // Merge the answer: its first bit sits at bit (known % 8) of the first FIFO byte (RxAlign).
            int firstByte = _knownBits / 8;
            int keepMask = (1 << (_knownBits % 8)) - 1;
            byte[] received = _chip.ReceivedBuffer;
            for (int i = 0; i < _chip.ReceivedLength && firstByte + i < 5; i++)
            {
                _cl[firstByte + i] = i == 0 ? (byte)((_cl[firstByte] & keepMask) | (received[0] & ~keepMask)) : received[i];
            }

            if (status == Mfrc522Status.Collision)
            {
                // ISO/IEC 14443-3 6.5.3.3: take the colliding bit as 1 and send the known bits again.
                int bit = firstByte * 8 + _chip.CollisionPosition - 1;
                if (bit < _knownBits || bit >= 32)
                {
                    ToIdle(nowMs, PollIntervalMs);
                    return;
                }

                _cl[bit / 8] = (byte)((_cl[bit / 8] & ((1 << (bit % 8)) - 1)) | (1 << (bit % 8)));
                _knownBits = bit + 1;
                SendAnticollision(nowMs);
                return;
            }

            if (firstByte + _chip.ReceivedLength != 5 || (_cl[0] ^ _cl[1] ^ _cl[2] ^ _cl[3]) != _cl[4])
            {
                ToIdle(nowMs, PollIntervalMs); // incomplete answer or BCC error (ISO/IEC 14443-3 6.5.3.2)
                return;
            }

            _frame[0] = SelectCode();
            _frame[1] = 0x70;
            for (int i = 0; i < 5; i++)
            {
                _frame[2 + i] = _cl[i];
            }

            Crc14443A.Append(_frame, 0, 7);
            Send(9, 0, 0, Iso14443TypeAReaderState.WaitSak, nowMs);
        }

        private void TickSak(long nowMs)
        {
            Mfrc522Status status = PollChip(nowMs);
            if (status == Mfrc522Status.Busy)
            {
                return;
            }

            if (status != Mfrc522Status.Done || _chip.ReceivedLength != 3 || !Crc14443A.Check(_chip.ReceivedBuffer, 0, 3))
            {
                ToIdle(nowMs, PollIntervalMs);
                return;
            }

            byte sak = _chip.ReceivedBuffer[0];
            if ((sak & SakUidNotComplete) != 0)
            {
                if (_cl[0] != CascadeTag || _level == 3)
                {
                    ToIdle(nowMs, PollIntervalMs);
                    return;
                }

                for (int i = 1; i < 4; i++)
                {
                    _uid[_uidLength++] = _cl[i];
                }

                _level++;
                _knownBits = 0;
                SendAnticollision(nowMs);
                return;
            }

            for (int i = 0; i < 4; i++)
            {
                _uid[_uidLength++] = _cl[i];
            }

            Sak = sak;
            CardPresent = true;
            _misses = 0;
            SelectionCount++;
            if (KeepIso14443_4CardSelected && (sak & SakIso14443_4) != 0)
            {
                Enter(Iso14443TypeAReaderState.CardSelected, nowMs); // no HLTA: RATS may follow (ISO/IEC 14443-4 5.1)
                return;
            }

            SendHalt(nowMs);
        }

        private void SendHalt(long nowMs)
        {
            _frame[0] = Hlta;
            _frame[1] = 0x00;
            Crc14443A.Append(_frame, 0, 2);
            Send(4, 0, 0, Iso14443TypeAReaderState.WaitHalt, nowMs);
        }

        private void TickHalt(long nowMs)
        {
            Mfrc522Status status = _chip.Poll();
            if (status == Mfrc522Status.Busy && nowMs - _stateSinceMs < HaltSilenceMs)
            {
                return;
            }

            if (status == Mfrc522Status.Busy)
            {
                _chip.StopCommand();
            }

            ToIdle(nowMs, PresenceCheckIntervalMs);
        }

        private Mfrc522Status PollChip(long nowMs)
        {
            Mfrc522Status status = _chip.Poll();
            if (status == Mfrc522Status.Busy && nowMs - _stateSinceMs > ExchangeDeadlineMs)
            {
                _chip.StopCommand();
                Fail(nowMs);
            }

            return status;
        }

        private bool CheckVersion(long nowMs)
        {
            Version = _chip.ReadVersion();
            if (Mfrc522.IsSupportedVersion(Version))
            {
                return true;
            }

            Fail(nowMs);
            return false;
        }

        private void Fail(long nowMs)
        {
            ReaderFailed = true;
            CardPresent = false;
            _uidLength = 0;
            _nextPollMs = nowMs + RetryAfterFailureMs;
            Enter(Iso14443TypeAReaderState.Failed, nowMs);
        }

        private byte SelectCode()
        {
            return _level == 1 ? (byte)0x93 : _level == 2 ? (byte)0x95 : (byte)0x97;
        }

        private void Send(int count, int validBits, int rxAlign, Iso14443TypeAReaderState next, long nowMs)
        {
            _chip.StartTransceive(_frame, 0, count, validBits, rxAlign);
            Enter(next, nowMs);
        }

        private void ToIdle(long nowMs, int delayMs)
        {
            _nextPollMs = nowMs + delayMs;
            Enter(Iso14443TypeAReaderState.Idle, nowMs);
        }

        private void Enter(Iso14443TypeAReaderState state, long nowMs)
        {
            _state = state;
            _stateSinceMs = nowMs;
        }
    }
}
