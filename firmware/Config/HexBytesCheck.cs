namespace Wallbox.Firmware.Config
{
    /// <summary>
    /// The rule of a value that is a byte string in hex (<see cref="HexText"/>): empty when allowed, otherwise an even
    /// number of hex digits encoding between a minimum and a maximum number of bytes.
    /// </summary>
    public sealed class HexBytesCheck : IConfigValueCheck
    {
        private readonly int _minBytes;
        private readonly int _maxBytes;
        private readonly bool _emptyAllowed;

        /// <summary>Accepts <paramref name="minBytes"/>..<paramref name="maxBytes"/> bytes, or empty when <paramref name="emptyAllowed"/>.</summary>
        public HexBytesCheck(int minBytes, int maxBytes, bool emptyAllowed)
        {
            _minBytes = minBytes;
            _maxBytes = maxBytes;
            _emptyAllowed = emptyAllowed;
        }

        /// <inheritdoc />
        public string Check(string value)
        {
            if (value.Length == 0 && _emptyAllowed)
            {
                return null;
            }

            int bytes = HexText.ByteCount(value, 0, value.Length);
            if (bytes < 0)
            {
                return "hexadecimal digits, two per byte, without separators";
            }

            if (bytes < _minBytes || bytes > _maxBytes)
            {
                return _minBytes == _maxBytes
                    ? "exactly " + _minBytes.ToString() + " bytes (" + (2 * _minBytes).ToString() + " hex digits), got " + bytes.ToString()
                    : _minBytes.ToString() + ".." + _maxBytes.ToString() + " bytes in hex, got " + bytes.ToString();
            }

            return null;
        }
    }
}
