namespace Wallbox.Firmware.Authorization
{
    /// <summary>
    /// idTags presented at the charge point (an RFID badge read by the reader service, a PIN on the local web page,
    /// a card UID given to the virtual wallbox), waiting for the authorisation logic. Bounded: holds
    /// <see cref="Capacity"/> taps; a tap that finds it full is refused (counted), because a reader debounces a held
    /// card and four unprocessed taps mean the loop is not keeping up, not that a fifth matters.
    /// </summary>
    public sealed class PresentedIdTagQueue
    {
        /// <summary>Taps held at most.</summary>
        public const int Capacity = 4;

        private readonly string[] _idTags = new string[Capacity];
        private int _head;
        private int _count;

        /// <summary>Taps refused because the queue was full.</summary>
        public int RefusedWhenFull { get; private set; }

        /// <summary>Taps waiting.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>
        /// Adds a tap. False when <paramref name="idTag"/> is not a valid idTag (1..20 printable ASCII characters,
        /// OCPP 1.6 IdToken) or the queue is full.
        /// </summary>
        public bool TryPresent(string idTag)
        {
            if (!IdTagInfo.IsValidIdTag(idTag))
            {
                return false;
            }

            if (_count == Capacity)
            {
                RefusedWhenFull++;
                return false;
            }

            _idTags[(_head + _count) % Capacity] = idTag;
            _count++;
            return true;
        }

        /// <summary>Takes the oldest tap; false when none is waiting.</summary>
        public bool TryTake(out string idTag)
        {
            idTag = null;
            if (_count == 0)
            {
                return false;
            }

            idTag = _idTags[_head];
            _idTags[_head] = null;
            _head = (_head + 1) % Capacity;
            _count--;
            return true;
        }
    }
}
