namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// Incremental UTF-8 well-formedness check (RFC 3629 §4, the table of well-formed byte sequences: no overlong
    /// forms, no surrogates U+D800–DFFF, nothing above U+10FFFF). Fed in pieces, so a text message is checked as
    /// its fragments arrive, across frame boundaries, without storing it (RFC 6455 §8.1: invalid UTF-8 in a text
    /// message fails the connection with 1007). Allocates nothing.
    /// </summary>
    public sealed class Utf8Validator
    {
        private int _continuationBytesNeeded;
        private int _lowerBound = 0x80;
        private int _upperBound = 0xBF;
        private bool _invalid;

        /// <summary>True when every byte so far was valid and no sequence is left open.</summary>
        public bool IsComplete { get { return !_invalid && _continuationBytesNeeded == 0; } }

        /// <summary>True once an invalid byte was seen (stays true until <see cref="Reset"/>).</summary>
        public bool IsInvalid { get { return _invalid; } }

        /// <summary>Starts a new text.</summary>
        public void Reset()
        {
            _continuationBytesNeeded = 0;
            _lowerBound = 0x80;
            _upperBound = 0xBF;
            _invalid = false;
        }

        /// <summary>Checks the next bytes. Returns false as soon as the text cannot be valid UTF-8 any more.</summary>
        public bool Feed(byte[] buffer, int offset, int count)
        {
            if (_invalid)
            {
                return false;
            }

            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                if (!FeedByte(buffer[i]))
                {
                    _invalid = true;
                    return false;
                }
            }

            return true;
        }

        /// <summary>Checks a complete text: true when it is well-formed UTF-8. Resets the validator first.</summary>
        public bool IsValid(byte[] buffer, int offset, int count)
        {
            Reset();
            return Feed(buffer, offset, count) && IsComplete;
        }

        private bool FeedByte(int b)
        {
            if (_continuationBytesNeeded == 0)
            {
                if (b <= 0x7F)
                {
                    return true;
                }

                // RFC 3629 §4: C0, C1 would be overlong; F5..FF lie above U+10FFFF.
                if (b >= 0xC2 && b <= 0xDF)
                {
                    _continuationBytesNeeded = 1;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    _continuationBytesNeeded = 2;
                    if (b == 0xE0)
                    {
                        _lowerBound = 0xA0; // overlong below U+0800
                    }
                    else if (b == 0xED)
                    {
                        _upperBound = 0x9F; // surrogates U+D800..DFFF
                    }
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    _continuationBytesNeeded = 3;
                    if (b == 0xF0)
                    {
                        _lowerBound = 0x90; // overlong below U+10000
                    }
                    else if (b == 0xF4)
                    {
                        _upperBound = 0x8F; // above U+10FFFF
                    }
                }
                else
                {
                    return false;
                }

                return true;
            }

            if (b < _lowerBound || b > _upperBound)
            {
                return false;
            }

            _lowerBound = 0x80;
            _upperBound = 0xBF;
            _continuationBytesNeeded--;
            return true;
        }
    }
}
