namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// Turns the reader's polls into presentations (issue 8 item 5; docs/rfid.md): a card held in the field is
    /// presented once; the same card is presented again only after it was absent for at least
    /// <see cref="RemovalMs"/>; a different UID is a new presentation at once. Absence is measured from the last
    /// poll that saw the card, so polls must come more often than <see cref="RemovalMs"/> (the reader polls every
    /// tick). Allocation-free: the last UID is kept in a preallocated buffer.
    /// </summary>
    public sealed class CardPresenceDebouncer
    {
        /// <summary>
        /// Default absence that ends a presentation, milliseconds. A card at the edge of the field, or tilted, misses
        /// single polls (REQA unanswered for 100..300 ms); 500 ms bridges those without a second Authorize, while a
        /// deliberate remove-and-tap-again takes a person about a second, so it still counts as a new tap.
        /// </summary>
        public const int DefaultRemovalMs = 500;

        private readonly byte[] _uid = new byte[IdTagFormatter.MaxUidLength];
        private int _length;
        private long _lastSeenMs;

        /// <summary>Creates a debouncer with <see cref="DefaultRemovalMs"/>.</summary>
        public CardPresenceDebouncer()
            : this(DefaultRemovalMs)
        {
        }

        /// <summary>Creates a debouncer with the given removal time.</summary>
        public CardPresenceDebouncer(int removalMs)
        {
            RemovalMs = removalMs;
        }

        /// <summary>Absence after which the same card counts as presented again, milliseconds.</summary>
        public int RemovalMs { get; private set; }

        /// <summary>
        /// A poll saw the card with <paramref name="length"/> UID bytes at <paramref name="offset"/>. True when this is a
        /// new presentation (to be formatted and queued), false while the same card stays in the field. A UID
        /// longer than 10 bytes or empty is never a presentation.
        /// </summary>
        public bool CardSeen(byte[] uid, int offset, int length, long nowMs)
        {
            if (uid == null || length <= 0 || length > _uid.Length || offset < 0 || offset + length > uid.Length)
            {
                return false;
            }

            bool same = _length == length && nowMs - _lastSeenMs < RemovalMs;
            for (int i = 0; same && i < length; i++)
            {
                same = _uid[i] == uid[offset + i];
            }

            _lastSeenMs = nowMs;
            if (same)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                _uid[i] = uid[offset + i];
            }

            _length = length;
            return true;
        }

        /// <summary>Forgets the last card: its next poll is a new presentation.</summary>
        public void Reset()
        {
            _length = 0;
        }
    }
}
