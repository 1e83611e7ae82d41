namespace Wallbox.Drivers.Mfrc522
{
    /// <summary>Steps of <see cref="Iso14443TypeAReader"/>; each waits for at most one chip command.</summary>
    public enum Iso14443TypeAReaderState
    {
        /// <summary>SoftReset issued, waiting for the oscillator.</summary>
        Resetting,
        /// <summary>Reader failed (wrong version, no answer on SPI); initialisation is retried later.</summary>
        Failed,
        /// <summary>Waiting for the next poll (REQA when no card, WUPA presence check when one is selected).</summary>
        Idle,
        /// <summary>REQA/WUPA sent, waiting for ATQA.</summary>
        WaitAtqa,
        /// <summary>ANTICOLLISION sent at the current cascade level.</summary>
        WaitAnticollision,
        /// <summary>SELECT sent, waiting for SAK.</summary>
        WaitSak,
        /// <summary>HLTA sent (a card never answers it).</summary>
        WaitHalt,
        /// <summary>
        /// An ISO/IEC 14443-4 card is selected (ACTIVE, no HLTA) and left to its application session
        /// (<see cref="Iso14443TypeAReader.KeepIso14443_4CardSelected"/>); the reader does not touch the chip until
        /// <see cref="Iso14443TypeAReader.ReleaseCard"/> or <see cref="Iso14443TypeAReader.ApplicationDeadlineMs"/>.
        /// </summary>
        CardSelected,
    }
}
