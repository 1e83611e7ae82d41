using System;

namespace Wallbox.Firmware.Ocpp.Json
{
    /// <summary>
    /// Writes one JSON document (RFC 8259) as UTF-8 into a caller's byte buffer, with no whitespace, no allocation
    /// after construction and no exceptions once reset: running out of room sets <see cref="Overflow"/>, a value
    /// JSON cannot carry or calls out of order set <see cref="InvalidValue"/>, and either stops all further output.
    /// Send the bytes only when <see cref="IsComplete"/> is true.
    /// </summary>
    /// <remarks>
    /// Separators are written as needed: <see cref="Name"/> writes the comma before a member and the colon after
    /// its name; a value in an array gets its comma. Nesting is limited to <see cref="JsonReader.MaxDepth"/>, so
    /// that what this writer produces the reader reads. Rules for each value: docs/ocpp-json.md.
    /// </remarks>
    public sealed class JsonWriter
    {
        /// <summary>Decimals kept by <see cref="Number"/>: OCPP values (A, V, W, Wh, %) need no more than milli-units.</summary>
        public const int NumberDecimals = 3;

        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>
        /// 2^53: from here on every double is an even integer (no decimals to write) and halving it is exact; below it
        /// the whole part fits a long.
        /// </summary>
        private const double TwoToThe53 = 9007199254740992.0;

        /// <summary>Base of the limbs of <see cref="_largeInteger"/>: nine decimal digits each.</summary>
        private const int LimbBase = 1000000000;

        /// <summary>Limbs for the largest double's 309 digits (35 × 9 = 315).</summary>
        private const int LargeIntegerLimbs = 35;

        private readonly int[] _largeInteger = new int[LargeIntegerLimbs];

        private byte[] _buffer;
        private int _start;
        private int _limit;
        private int _position;
        private bool _overflow;
        private bool _invalid;
        private int _depth;
        private int _objectBits;  // bit i set: the container at level i is an object
        private int _hasItemBits; // bit i set: the container at level i already has a member or value
        private bool _afterName;
        private bool _rootWritten;

        /// <summary>Creates a writer; <see cref="Reset"/> gives it a buffer.</summary>
        public JsonWriter()
        {
            _buffer = new byte[0];
        }

        /// <summary>Bytes written since <see cref="Reset"/>, from the offset given there.</summary>
        public int Length
        {
            get { return _position - _start; }
        }

        /// <summary>The capacity was exceeded: the output is cut short and invalid. Never an exception.</summary>
        public bool Overflow
        {
            get { return _overflow; }
        }

        /// <summary>
        /// A value JSON cannot carry was written (a NaN or infinite number, a timestamp outside 1970..9999, a null
        /// name), or a call came out of order (a value where a name is due, an end without its start, nesting deeper
        /// than <see cref="JsonReader.MaxDepth"/>, a second top-level value): the output is invalid and nothing more
        /// is written.
        /// </summary>
        public bool InvalidValue
        {
            get { return _invalid; }
        }

        /// <summary>
        /// One complete top-level value was written, every container closed, with no <see cref="Overflow"/> and no
        /// <see cref="InvalidValue"/>: the first <see cref="Length"/> bytes are a valid JSON document.
        /// </summary>
        public bool IsComplete
        {
            get { return _rootWritten && _depth == 0 && !_overflow && !_invalid; }
        }

        /// <summary>
        /// Starts a new document written into <paramref name="buffer"/> from <paramref name="offset"/>, at most
        /// <paramref name="capacity"/> bytes.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range is not inside the buffer.</exception>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || capacity < 0 || offset > buffer.Length - capacity)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            _buffer = buffer;
            _start = offset;
            _limit = offset + capacity;
            _position = offset;
            _overflow = false;
            _invalid = false;
            _depth = 0;
            _objectBits = 0;
            _hasItemBits = 0;
            _afterName = false;
            _rootWritten = false;
        }

        /// <summary>Writes "{" (a value: in an object, after <see cref="Name"/>).</summary>
        public void BeginObject()
        {
            BeginContainer(true);
        }

        /// <summary>Writes "}" closing the innermost container, which must be an object.</summary>
        public void EndObject()
        {
            EndContainer(true);
        }

        /// <summary>Writes "[" (a value: in an object, after <see cref="Name"/>).</summary>
        public void BeginArray()
        {
            BeginContainer(false);
        }

        /// <summary>Writes "]" closing the innermost container, which must be an array.</summary>
        public void EndArray()
        {
            EndContainer(false);
        }

        /// <summary>
        /// Writes a member name in the innermost object: the comma before it unless it is the first, the name
        /// escaped as <see cref="String"/> does, and the colon. The next call writes the member's value.
        /// </summary>
        public void Name(string name)
        {
            if (Stopped())
            {
                return;
            }

            if (name == null || _depth == 0 || !IsObject(_depth - 1) || _afterName)
            {
                _invalid = true;
                return;
            }

            WriteSeparator();
            WriteQuoted(name);
            Append((byte)':');
            _afterName = true;
        }

        /// <summary>
        /// Writes a string value (null writes the literal null). RFC 8259 §7: '"' and '\' are escaped, and the
        /// control characters U+0000..U+001F as \b \f \n \r \t or \u00XX; everything else is written as UTF-8
        /// (RFC 3629), a surrogate pair as one 4-byte sequence. An unpaired surrogate, which UTF-8 cannot carry, is
        /// written as U+FFFD (the replacement character, Unicode §3.9).
        /// </summary>
        public void String(string value)
        {
            if (value == null)
            {
                Null();
                return;
            }

            if (BeginValue())
            {
                WriteQuoted(value);
            }
        }

        /// <summary>Writes an integer value in decimal, "-9223372036854775808" included.</summary>
        public void Int(long value)
        {
            if (BeginValue())
            {
                WriteInteger(value);
            }
        }

        /// <summary>
        /// Writes a finite number without exponent, rounded half away from zero to <see cref="NumberDecimals"/>
        /// decimals with trailing zeros trimmed: 16 → "16", 16.10 → "16.1", 0.125 → "0.125", 2.0004 → "2", -0.0 →
        /// "0". A magnitude from 2^53 up (a double that large is always an integer) is written exactly, digit for digit:
        /// double.MaxValue is 309 digits. NaN and infinities (not JSON, RFC 8259 §6) set <see cref="InvalidValue"/>.
        /// </summary>
        public void Number(double value)
        {
            if (Stopped())
            {
                return;
            }

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                _invalid = true;
                return;
            }

            if (!BeginValue())
            {
                return;
            }

            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            if (magnitude < TwoToThe53)
            {
                // Whole part and fraction apart: both exact (the fraction of a double is a double), then one
                // rounding of the fraction to thousandths — scaling the whole value would lose digits above 2^53 / 1000.
                long whole = (long)magnitude;
                int thousandths = (int)(((magnitude - whole) * 1000) + 0.5); // 1000 = 10^NumberDecimals
                if (thousandths == 1000)
                {
                    whole++;
                    thousandths = 0;
                }

                if (whole == 0 && thousandths == 0)
                {
                    Append((byte)'0'); // also for -0.0 and negatives that round to zero
                    return;
                }

                if (negative)
                {
                    Append((byte)'-');
                }

                WriteInteger(whole);
                if (thousandths != 0)
                {
                    Append((byte)'.');
                    for (int divisor = 100; thousandths != 0; divisor /= 10)
                    {
                        int digit = thousandths / divisor;
                        Append((byte)('0' + digit));
                        thousandths -= digit * divisor;
                    }
                }

                return;
            }

            if (negative)
            {
                Append((byte)'-');
            }

            WriteLargeInteger(magnitude);
        }

        /// <summary>Writes true or false.</summary>
        public void Bool(bool value)
        {
            if (BeginValue())
            {
                AppendAscii(value ? "true" : "false");
            }
        }

        /// <summary>Writes null.</summary>
        public void Null()
        {
            if (BeginValue())
            {
                AppendAscii("null");
            }
        }

        /// <summary>
        /// Writes an instant in milliseconds since 1970-01-01T00:00:00Z as an RFC 3339 / ISO 8601 UTC date-time
        /// string with milliseconds, "2026-11-22T04:05:06.123Z" (OCPP 1.6 §3.14). Outside 0 ..
        /// 9999-12-31T23:59:59.999Z it sets <see cref="InvalidValue"/>.
        /// </summary>
        public void Timestamp(long unixMs)
        {
            if (Stopped())
            {
                return;
            }

            if (unixMs < 0 || unixMs > JsonTimestamp.MaxUnixMs)
            {
                _invalid = true;
                return;
            }

            if (!BeginValue())
            {
                return;
            }

            long days = unixMs / JsonTimestamp.MsPerDay;
            int msOfDay = (int)(unixMs - (days * JsonTimestamp.MsPerDay));
            int year;
            int month;
            int day;
            CivilDate.CivilFromDays(days, out year, out month, out day);

            Append((byte)'"');
            AppendDigits(year, 4);
            Append((byte)'-');
            AppendDigits(month, 2);
            Append((byte)'-');
            AppendDigits(day, 2);
            Append((byte)'T');
            AppendDigits(msOfDay / 3600000, 2);
            Append((byte)':');
            AppendDigits((msOfDay / 60000) % 60, 2);
            Append((byte)':');
            AppendDigits((msOfDay / 1000) % 60, 2);
            Append((byte)'.');
            AppendDigits(msOfDay % 1000, 3);
            Append((byte)'Z');
            Append((byte)'"');
        }

        private bool Stopped()
        {
            return _overflow || _invalid;
        }

        private bool IsObject(int level)
        {
            return ((_objectBits >> level) & 1) != 0;
        }

        /// <summary>Checks that a value may come here and writes its comma; false (and nothing written) if not.</summary>
        private bool BeginValue()
        {
            if (Stopped())
            {
                return false;
            }

            if (_depth == 0)
            {
                if (_rootWritten)
                {
                    _invalid = true; // RFC 8259 §2: one value per document
                    return false;
                }

                _rootWritten = true;
                return true;
            }

            if (IsObject(_depth - 1))
            {
                if (!_afterName)
                {
                    _invalid = true; // a member value needs its name first
                    return false;
                }

                _afterName = false;
                return true;
            }

            WriteSeparator();
            return true;
        }

        /// <summary>The comma between the members or values of the innermost container, RFC 8259 §4, §5.</summary>
        private void WriteSeparator()
        {
            int bit = 1 << (_depth - 1);
            if ((_hasItemBits & bit) != 0)
            {
                Append((byte)',');
            }
            else
            {
                _hasItemBits |= bit;
            }
        }

        private void BeginContainer(bool isObject)
        {
            if (Stopped())
            {
                return;
            }

            if (_depth >= JsonReader.MaxDepth)
            {
                _invalid = true;
                return;
            }

            if (!BeginValue())
            {
                return;
            }

            int bit = 1 << _depth;
            if (isObject)
            {
                _objectBits |= bit;
            }
            else
            {
                _objectBits &= ~bit;
            }

            _hasItemBits &= ~bit;
            _depth++;
            Append(isObject ? (byte)'{' : (byte)'[');
        }

        private void EndContainer(bool isObject)
        {
            if (Stopped())
            {
                return;
            }

            if (_depth == 0 || IsObject(_depth - 1) != isObject || _afterName)
            {
                _invalid = true;
                return;
            }

            _depth--;
            Append(isObject ? (byte)'}' : (byte)']');
        }

        private void WriteQuoted(string text)
        {
            Append((byte)'"');
            int length = text.Length;
            for (int i = 0; i < length && !_overflow; i++)
            {
                int c = text[i];
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\' && _position < _limit)
                {
                    _buffer[_position++] = (byte)c; // printable ASCII, the common case: no call, no escape
                }
                else if (c < 0x80)
                {
                    WriteAscii(c);
                }
                else if (c < 0x800)
                {
                    Append((byte)(0xC0 | (c >> 6)));
                    Append((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    int low = i + 1 < length ? text[i + 1] : 0;
                    if (c <= 0xDBFF && low >= 0xDC00 && low <= 0xDFFF)
                    {
                        int codePoint = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                        Append((byte)(0xF0 | (codePoint >> 18)));
                        Append((byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                        Append((byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                        Append((byte)(0x80 | (codePoint & 0x3F)));
                        i++;
                    }
                    else
                    {
                        // U+FFFD REPLACEMENT CHARACTER
                        Append(0xEF);
                        Append(0xBF);
                        Append(0xBD);
                    }
                }
                else
                {
                    Append((byte)(0xE0 | (c >> 12)));
                    Append((byte)(0x80 | ((c >> 6) & 0x3F)));
                    Append((byte)(0x80 | (c & 0x3F)));
                }
            }

            Append((byte)'"');
        }

        private void WriteAscii(int c)
        {
            // RFC 8259 §7: quotation mark, reverse solidus and the control characters must be escaped.
            char shortEscape;
            switch (c)
            {
                case '"':
                    shortEscape = '"';
                    break;
                case '\\':
                    shortEscape = '\\';
                    break;
                case '\b':
                    shortEscape = 'b';
                    break;
                case '\f':
                    shortEscape = 'f';
                    break;
                case '\n':
                    shortEscape = 'n';
                    break;
                case '\r':
                    shortEscape = 'r';
                    break;
                case '\t':
                    shortEscape = 't';
                    break;
                default:
                    if (c >= 0x20)
                    {
                        Append((byte)c);
                        return;
                    }

                    Append((byte)'\\');
                    Append((byte)'u');
                    Append((byte)'0');
                    Append((byte)'0');
                    Append((byte)HexDigits[c >> 4]);
                    Append((byte)HexDigits[c & 0xF]);
                    return;
            }

            Append((byte)'\\');
            Append((byte)shortEscape);
        }

        /// <summary>
        /// Exact decimal digits of a double from 2^53 up: it is M × 2^E with M &lt; 2^53 (halving a double
        /// is exact), so M is multiplied by 2^E in base 10^9 limbs, at most 29 bits at a time (a limb times 2^29 plus the
        /// carry fits a long).
        /// </summary>
        private void WriteLargeInteger(double magnitude)
        {
            int twos = 0;
            while (magnitude >= TwoToThe53)
            {
                magnitude *= 0.5;
                twos++;
            }

            long mantissa = (long)magnitude;
            int count = 0;
            while (mantissa > 0)
            {
                _largeInteger[count++] = (int)(mantissa % LimbBase);
                mantissa /= LimbBase;
            }

            while (twos > 0)
            {
                int shift = twos < 29 ? twos : 29;
                long carry = 0;
                for (int i = 0; i < count; i++)
                {
                    long limb = ((long)_largeInteger[i] << shift) + carry;
                    _largeInteger[i] = (int)(limb % LimbBase);
                    carry = limb / LimbBase;
                }

                while (carry > 0)
                {
                    _largeInteger[count++] = (int)(carry % LimbBase);
                    carry /= LimbBase;
                }

                twos -= shift;
            }

            WriteInteger(_largeInteger[count - 1]);
            for (int i = count - 2; i >= 0; i--)
            {
                AppendDigits(_largeInteger[i], 9);
            }
        }

        /// <summary>Decimal digits of <paramref name="value"/>, computed on the negative side so that long.MinValue works.</summary>
        private void WriteInteger(long value)
        {
            long negative = value < 0 ? value : -value;
            if (value < 0)
            {
                Append((byte)'-');
            }

            int digits = 1;
            long scale = -1;
            while (negative / 10 <= scale)
            {
                scale *= 10;
                digits++;
            }

            // scale = -10^(digits-1)
            for (int i = 0; i < digits; i++)
            {
                long digit = negative / scale;
                Append((byte)('0' + digit));
                negative -= digit * scale;
                scale /= 10;
            }
        }

        /// <summary><paramref name="count"/> decimal digits of a non-negative <paramref name="value"/>, zero-padded.</summary>
        private void AppendDigits(int value, int count)
        {
            int divisor = 1;
            for (int i = 1; i < count; i++)
            {
                divisor *= 10;
            }

            for (; divisor > 0; divisor /= 10)
            {
                Append((byte)('0' + ((value / divisor) % 10)));
            }
        }

        private void AppendAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Append((byte)text[i]);
            }
        }

        private void Append(byte b)
        {
            if (_position >= _limit)
            {
                _overflow = true;
                return;
            }

            _buffer[_position++] = b;
        }
    }
}
