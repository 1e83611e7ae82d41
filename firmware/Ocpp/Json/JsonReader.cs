using System;

namespace Wallbox.Firmware.Ocpp.Json
{
    /// <summary>
    /// A forward-only, strict RFC 8259 JSON reader over a UTF-8 byte buffer holding one whole document (an OCPP-J
    /// frame). <see cref="Read"/> moves token by token; the current token is read with <see cref="ValueEquals"/>,
    /// <see cref="GetString"/> and the <c>TryGet…</c> methods. Malformed input never throws: <see cref="Read"/>
    /// returns false and <see cref="HasError"/>, <see cref="Error"/> and <see cref="ErrorOffset"/> say what and where.
    /// </summary>
    /// <remarks>
    /// <para>Strictness (RFC 8259, no extensions): one top-level value of any kind (§2) followed only by whitespace
    /// (space, tab, LF, CR); no trailing commas, comments, single quotes, NaN/Infinity; numbers exactly as §6 (no
    /// leading zeros, "+", ".5", "1."); strings exactly as §7 (no unescaped U+0000..U+001F, escapes from the §7
    /// list only, \u surrogate escapes only as a high-low pair); UTF-8 exactly as RFC 3629 §4 (no overlong forms,
    /// no encoded surrogates, nothing above U+10FFFF, no truncated sequences; §8.1: no byte order mark). Duplicate
    /// member names are not detected (§4 only says names SHOULD be unique, and OCPP says nothing): each is
    /// reported as read, and what a decoder does with a repeated name is the decoder's choice.</para>
    /// <para>Tokens are reported as soon as they are read; an error later in the document shows at the
    /// <see cref="Read"/> that meets it. A decoder acts on a frame only once <see cref="IsComplete"/> is true.</para>
    /// <para>Limits: at most <see cref="MaxDepth"/> nested objects/arrays; a string is at most the buffer.
    /// Work per <see cref="Read"/> is linear in the token's length, with no recursion.</para>
    /// <para>Allocation: the constructor allocates a <see cref="StringScratchChars"/>-char scratch array.
    /// After it, <see cref="Read"/>, <see cref="Skip"/>, <see cref="ValueEquals"/>, the <c>TryGet…</c> methods and
    /// the state snapshots allocate nothing; <see cref="GetString"/> allocates the string it returns (plus a
    /// temporary char array for strings longer than the scratch); <see cref="Error"/> builds its message when read.</para>
    /// <para>Offsets (<see cref="ErrorOffset"/>, <see cref="TokenStart"/>, the number in <see cref="Error"/>) are
    /// indices into the buffer passed to <see cref="Reset"/>, not relative to the offset passed with it.</para>
    /// </remarks>
    public sealed class JsonReader
    {
        /// <summary>
        /// Deepest nesting of objects and arrays accepted: 16 open containers. An OCPP-J frame needs 5 (the
        /// message array, the payload, a list, its items, a nested value list: MeterValues); the limit bounds work
        /// and keeps <see cref="JsonReaderState"/> one word of container kinds. Deeper input is an error.
        /// </summary>
        public const int MaxDepth = 16;

        /// <summary>
        /// Chars of the reusable scratch array <see cref="GetString"/> decodes into: every bounded OCPP 1.6 string
        /// (CiString255Type at most) fits; a longer string needs a temporary array.
        /// </summary>
        public const int StringScratchChars = 256;

        // What the next token may be.
        private const int ExpectValue = 0;           // document start, or after ':'
        private const int ExpectValueOrEndArray = 1; // after '['
        private const int ExpectNameOrEndObject = 2; // after '{'
        private const int ExpectColon = 3;           // after a property name
        private const int ExpectCommaOrEnd = 4;      // after a value inside a container
        private const int ExpectEndOfDocument = 5;   // the top-level value is complete
        private const int Failed = 6;                // an error was found; Read returns false from now on

        private const string ReasonEmptyInput = "empty input";
        private const string ReasonUnexpectedEnd = "unexpected end";
        private const string ReasonUnexpected = "unexpected";
        private const string ReasonTrailingComma = "trailing comma";
        private const string ReasonTrailingData = "trailing data";
        private const string ReasonTooDeep = "nesting deeper than 16";
        private const string ReasonLeadingZero = "leading zero";
        private const string ReasonInvalidNumber = "invalid number";
        private const string ReasonInvalidLiteral = "invalid literal";
        private const string ReasonSingleQuote = "single-quoted string";
        private const string ReasonComment = "comment";
        private const string ReasonUnterminatedString = "unterminated string";
        private const string ReasonControlCharacter = "unescaped control character";
        private const string ReasonInvalidEscape = "invalid escape";
        private const string ReasonUnpairedSurrogate = "unpaired surrogate escape";
        private const string ReasonInvalidUtf8 = "invalid UTF-8";

        private readonly char[] _scratch;

        private byte[] _buffer;
        private int _end;

        private int _position;
        private int _state;
        private int _openCount;
        private int _objectBits; // bit i set: the container at nesting level i (0 = outermost) is an object
        private JsonTokenType _tokenType;
        private int _tokenStart;
        private int _tokenLength;
        private int _tokenDepth;
        private int _stringLength;   // UTF-16 code units of the unescaped string token
        private bool _stringEscaped; // the string token contains a backslash escape
        private bool _numberIsInteger;
        private string _errorReason;
        private int _errorByte; // the unexpected byte for ReasonUnexpected, else -1
        private int _errorOffset;

        /// <summary>Creates a reader; <see cref="Reset"/> gives it a document.</summary>
        public JsonReader()
        {
            _scratch = new char[StringScratchChars];
            _buffer = new byte[0];
            _errorByte = -1;
        }

        /// <summary>Type of the current token; <see cref="JsonTokenType.None"/> before the first and after the last <see cref="Read"/>.</summary>
        public JsonTokenType TokenType
        {
            get { return _tokenType; }
        }

        /// <summary>
        /// Nesting depth of the current token: 0 outside any container (the top-level value, including its own
        /// start and end tokens), 1 inside the top-level object or array, and so on — as System.Text.Json's
        /// <c>CurrentDepth</c>.
        /// </summary>
        public int Depth
        {
            get { return _tokenDepth; }
        }

        /// <summary>True once the document was found malformed; <see cref="Read"/> then returns false.</summary>
        public bool HasError
        {
            get { return _state == Failed; }
        }

        /// <summary>
        /// What is wrong and where, e.g. "invalid escape at 17", "unexpected ']' at 4", "trailing data at 20",
        /// "nesting deeper than 16 at 16"; null while <see cref="HasError"/> is false. Built when read.
        /// </summary>
        public string Error
        {
            get
            {
                if (_state != Failed)
                {
                    return null;
                }

                string what = _errorReason;
                if (_errorByte >= 0)
                {
                    what = _errorByte >= 0x20 && _errorByte < 0x7F
                        ? string.Concat(ReasonUnexpected, " '", new string((char)_errorByte, 1)) + "'"
                        : string.Concat(ReasonUnexpected, " byte 0x", HexByte(_errorByte));
                }

                return string.Concat(what, " at ", _errorOffset.ToString());
            }
        }

        /// <summary>Index in the buffer of the byte where the error was found; 0 while <see cref="HasError"/> is false.</summary>
        public int ErrorOffset
        {
            get { return _state == Failed ? _errorOffset : 0; }
        }

        /// <summary>
        /// True when one complete top-level value was read and only whitespace follows it: the document is valid
        /// JSON. Becomes true with the token that ends the top-level value.
        /// </summary>
        public bool IsComplete
        {
            get { return _state == ExpectEndOfDocument && _position == _end; }
        }

        /// <summary>Index in the buffer of the current token's first byte (a string's opening quote).</summary>
        public int TokenStart
        {
            get { return _tokenStart; }
        }

        /// <summary>Raw length in bytes of the current token (a string's quotes and escapes included).</summary>
        public int TokenLength
        {
            get { return _tokenLength; }
        }

        /// <summary>
        /// Starts reading the document in <paramref name="count"/> bytes of <paramref name="buffer"/> from
        /// <paramref name="offset"/>. The reader keeps a reference to the buffer: it must not change while read.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range is not inside the buffer.</exception>
        public void Reset(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException("buffer");
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException("offset");
            }

            _buffer = buffer;
            _end = offset + count;
            _position = offset;
            _state = ExpectValue;
            _openCount = 0;
            _objectBits = 0;
            _errorReason = null;
            _errorByte = -1;
            _errorOffset = 0;
            SetToken(JsonTokenType.None, offset, 0, 0);
        }

        /// <summary>
        /// Moves to the next token. False at the end of the document (the top-level value is complete and only
        /// whitespace followed) or on an error (<see cref="HasError"/>); the token is then <see cref="JsonTokenType.None"/>.
        /// </summary>
        public bool Read()
        {
            if (_state >= ExpectEndOfDocument)
            {
                if (_state == ExpectEndOfDocument && _position < _end)
                {
                    // RFC 8259 §2: JSON-text = ws value ws; a second value or anything else is not JSON.
                    return Fail(ReasonTrailingData, _position);
                }

                SetToken(JsonTokenType.None, _position, 0, 0);
                return false;
            }

            SkipWhitespace();
            if (_position >= _end)
            {
                return Fail(_state == ExpectValue && _openCount == 0 ? ReasonEmptyInput : ReasonUnexpectedEnd, _position);
            }

            byte b = _buffer[_position];
            switch (_state)
            {
                case ExpectColon:
                    if (b != (byte)':')
                    {
                        return FailUnexpected(b);
                    }

                    _position++;
                    SkipWhitespace();
                    if (_position >= _end)
                    {
                        return Fail(ReasonUnexpectedEnd, _position);
                    }

                    return ReadValue(_buffer[_position]);

                case ExpectCommaOrEnd:
                    bool inObject = ((_objectBits >> (_openCount - 1)) & 1) != 0;
                    if (b == (byte)',')
                    {
                        int comma = _position;
                        _position++;
                        SkipWhitespace();
                        if (_position >= _end)
                        {
                            return Fail(ReasonUnexpectedEnd, _position);
                        }

                        b = _buffer[_position];
                        if (b == (byte)(inObject ? '}' : ']'))
                        {
                            return Fail(ReasonTrailingComma, comma); // RFC 8259 §4, §5: a separator only between members/values
                        }

                        if (inObject)
                        {
                            return b == (byte)'"' ? ReadName() : FailUnexpected(b);
                        }

                        return ReadValue(b);
                    }

                    if (b == (byte)(inObject ? '}' : ']'))
                    {
                        return EndContainer(inObject);
                    }

                    return FailUnexpected(b);

                case ExpectNameOrEndObject:
                    if (b == (byte)'}')
                    {
                        return EndContainer(true);
                    }

                    return b == (byte)'"' ? ReadName() : FailUnexpected(b);

                case ExpectValueOrEndArray:
                    if (b == (byte)']')
                    {
                        return EndContainer(false);
                    }

                    return ReadValue(b);

                default:
                    return ReadValue(b);
            }
        }

        /// <summary>
        /// Skips the current value: on a <see cref="JsonTokenType.PropertyName"/> it first moves to the member's
        /// value; on a <see cref="JsonTokenType.StartObject"/> or <see cref="JsonTokenType.StartArray"/> it moves to
        /// the matching end token, over all children. Any other token stays current. The next <see cref="Read"/>
        /// reads what follows the value. False on an error inside the skipped value (or one already found).
        /// </summary>
        public bool Skip()
        {
            if (_state == Failed)
            {
                return false;
            }

            if (_tokenType == JsonTokenType.PropertyName && !Read())
            {
                return false;
            }

            if (_tokenType == JsonTokenType.StartObject || _tokenType == JsonTokenType.StartArray)
            {
                int depth = _tokenDepth;
                do
                {
                    if (!Read())
                    {
                        return false;
                    }
                }
                while (_tokenDepth != depth || (_tokenType != JsonTokenType.EndObject && _tokenType != JsonTokenType.EndArray));
            }

            return true;
        }

        /// <summary>A snapshot of the reader's position and current token, for <see cref="SetState"/>.</summary>
        public JsonReaderState GetState()
        {
            JsonReaderState state;
            state.Position = _position;
            state.State = _state;
            state.OpenCount = _openCount;
            state.ObjectBits = _objectBits;
            state.TokenType = _tokenType;
            state.TokenStart = _tokenStart;
            state.TokenLength = _tokenLength;
            state.TokenDepth = _tokenDepth;
            state.StringLength = _stringLength;
            state.StringEscaped = _stringEscaped;
            state.NumberIsInteger = _numberIsInteger;
            state.ErrorReason = _errorReason;
            state.ErrorByte = _errorByte;
            state.ErrorOffset = _errorOffset;
            return state;
        }

        /// <summary>
        /// Returns to a snapshot taken with <see cref="GetState"/> on the same buffer since the last
        /// <see cref="Reset"/>: the current token and everything after it read again identically.
        /// </summary>
        public void SetState(JsonReaderState state)
        {
            _position = state.Position;
            _state = state.State;
            _openCount = state.OpenCount;
            _objectBits = state.ObjectBits;
            _tokenType = state.TokenType;
            _tokenStart = state.TokenStart;
            _tokenLength = state.TokenLength;
            _tokenDepth = state.TokenDepth;
            _stringLength = state.StringLength;
            _stringEscaped = state.StringEscaped;
            _numberIsInteger = state.NumberIsInteger;
            _errorReason = state.ErrorReason;
            _errorByte = state.ErrorByte;
            _errorOffset = state.ErrorOffset;
        }

        /// <summary>
        /// True if the current token is a <see cref="JsonTokenType.PropertyName"/> or <see cref="JsonTokenType.String"/>
        /// whose unescaped value equals <paramref name="text"/> ordinally (UTF-16 code units). No allocation.
        /// </summary>
        public bool ValueEquals(string text)
        {
            if (!IsStringToken() || text == null || text.Length != _stringLength)
            {
                return false;
            }

            byte[] buffer = _buffer;
            int p = _tokenStart + 1;
            int end = _tokenStart + _tokenLength - 1;
            int i = 0;
            while (p < end)
            {
                int b = buffer[p];
                if (b < 0x80 && b != '\\')
                {
                    // ASCII without escape, the common case: no decoding call.
                    if (text[i] != b)
                    {
                        return false;
                    }

                    p++;
                    i++;
                    continue;
                }

                int codePoint = NextCodePoint(ref p);
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    if (text[i] != (char)(0xD800 + (codePoint >> 10)) || text[i + 1] != (char)(0xDC00 + (codePoint & 0x3FF)))
                    {
                        return false;
                    }

                    i += 2;
                }
                else
                {
                    if (text[i] != (char)codePoint)
                    {
                        return false;
                    }

                    i++;
                }
            }

            return true;
        }

        /// <summary>
        /// The unescaped value of the current <see cref="JsonTokenType.PropertyName"/> or <see cref="JsonTokenType.String"/>
        /// token (a new string); null for any other token, <see cref="JsonTokenType.Null"/> included.
        /// </summary>
        public string GetString()
        {
            if (!IsStringToken())
            {
                return null;
            }

            if (_stringLength == 0)
            {
                return string.Empty;
            }

            char[] chars = _stringLength <= _scratch.Length ? _scratch : new char[_stringLength];
            byte[] buffer = _buffer;
            int p = _tokenStart + 1;
            int end = _tokenStart + _tokenLength - 1;
            int i = 0;
            while (p < end)
            {
                int b = buffer[p];
                if (b < 0x80 && b != '\\')
                {
                    chars[i++] = (char)b;
                    p++;
                    continue;
                }

                int codePoint = NextCodePoint(ref p);
                if (codePoint >= 0x10000)
                {
                    codePoint -= 0x10000;
                    chars[i++] = (char)(0xD800 + (codePoint >> 10));
                    chars[i++] = (char)(0xDC00 + (codePoint & 0x3FF));
                }
                else
                {
                    chars[i++] = (char)codePoint;
                }
            }

            return new string(chars, 0, _stringLength);
        }

        /// <summary>
        /// Length in UTF-16 code units of the unescaped current string (what <see cref="GetString"/> would return,
        /// and what OCPP's CiStringNType limits count for ASCII); 0 for a token that is not a string. No allocation.
        /// </summary>
        public int GetStringLength()
        {
            return IsStringToken() ? _stringLength : 0;
        }

        /// <summary>
        /// The current <see cref="JsonTokenType.Number"/> as an int: false if it has a fraction or exponent (even
        /// "1.0", "1e3") or is outside the int range.
        /// </summary>
        public bool TryGetInt32(out int value)
        {
            long wide;
            if (TryGetInt64(out wide) && wide >= int.MinValue && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>
        /// The current <see cref="JsonTokenType.Number"/> as a long: false if it has a fraction or exponent or is
        /// outside the long range.
        /// </summary>
        public bool TryGetInt64(out long value)
        {
            if (_tokenType != JsonTokenType.Number || !_numberIsInteger)
            {
                value = 0;
                return false;
            }

            return JsonNumber.TryParseInt64(_buffer, _tokenStart, _tokenLength, out value);
        }

        /// <summary>
        /// The current <see cref="JsonTokenType.Number"/> as a double, exponents included; false for another token or
        /// a magnitude beyond the double range. Correctly rounded for up to 15 significant digits with a decimal
        /// exponent within ±22 (see docs/ocpp-json.md); no allocation.
        /// </summary>
        public bool TryGetDouble(out double value)
        {
            if (_tokenType != JsonTokenType.Number)
            {
                value = 0;
                return false;
            }

            return JsonNumber.TryParseDouble(_buffer, _tokenStart, _tokenLength, out value);
        }

        /// <summary>
        /// The current <see cref="JsonTokenType.String"/> as an instant in milliseconds since 1970-01-01T00:00:00Z:
        /// an RFC 3339 date-time with zone ("2013-02-01T20:53:32.486Z", "2013-02-01T20:53:32+01:00"), upper-case T
        /// and Z, any number of fraction digits (milliseconds kept, the rest truncated), years 1970..9999. False for
        /// anything else, including a string written with escapes. Rules: docs/ocpp-json.md.
        /// </summary>
        public bool TryGetTimestamp(out long unixMs)
        {
            if (_tokenType != JsonTokenType.String || _stringEscaped)
            {
                unixMs = 0;
                return false;
            }

            return JsonTimestamp.TryParse(_buffer, _tokenStart + 1, _tokenLength - 2, out unixMs);
        }

        private bool IsStringToken()
        {
            return _tokenType == JsonTokenType.String || _tokenType == JsonTokenType.PropertyName;
        }

        private void SetToken(JsonTokenType type, int start, int length, int depth)
        {
            _tokenType = type;
            _tokenStart = start;
            _tokenLength = length;
            _tokenDepth = depth;
        }

        private void SkipWhitespace()
        {
            // RFC 8259 §2: ws = *( %x20 / %x09 / %x0A / %x0D )
            while (_position < _end)
            {
                byte b = _buffer[_position];
                if (b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D)
                {
                    return;
                }

                _position++;
            }
        }

        private bool ReadValue(byte b)
        {
            switch (b)
            {
                case (byte)'{':
                    return StartContainer(true);
                case (byte)'[':
                    return StartContainer(false);
                case (byte)'"':
                    if (!ScanString(JsonTokenType.String))
                    {
                        return false;
                    }

                    CompleteValue();
                    return true;
                case (byte)'t':
                    return ReadLiteral("true", JsonTokenType.True);
                case (byte)'f':
                    return ReadLiteral("false", JsonTokenType.False);
                case (byte)'n':
                    return ReadLiteral("null", JsonTokenType.Null);
                default:
                    if (b == (byte)'-' || (b >= (byte)'0' && b <= (byte)'9'))
                    {
                        return ReadNumber();
                    }

                    return FailUnexpected(b);
            }
        }

        private bool ReadName()
        {
            if (!ScanString(JsonTokenType.PropertyName))
            {
                return false;
            }

            _state = ExpectColon;
            return true;
        }

        private bool StartContainer(bool isObject)
        {
            if (_openCount >= MaxDepth)
            {
                return Fail(ReasonTooDeep, _position);
            }

            if (isObject)
            {
                _objectBits |= 1 << _openCount;
            }
            else
            {
                _objectBits &= ~(1 << _openCount);
            }

            SetToken(isObject ? JsonTokenType.StartObject : JsonTokenType.StartArray, _position, 1, _openCount);
            _openCount++;
            _position++;
            _state = isObject ? ExpectNameOrEndObject : ExpectValueOrEndArray;
            return true;
        }

        private bool EndContainer(bool isObject)
        {
            _openCount--;
            SetToken(isObject ? JsonTokenType.EndObject : JsonTokenType.EndArray, _position, 1, _openCount);
            _position++;
            CompleteValue();
            return true;
        }

        /// <summary>After a whole value: expect a separator, or, at the top level, only whitespace up to the end.</summary>
        private void CompleteValue()
        {
            if (_openCount == 0)
            {
                _state = ExpectEndOfDocument;
                SkipWhitespace();
            }
            else
            {
                _state = ExpectCommaOrEnd;
            }
        }

        private bool ReadLiteral(string literal, JsonTokenType type)
        {
            // RFC 8259 §3: the literal names are lowercase and nothing else is a literal.
            int start = _position;
            int length = literal.Length;
            if (_end - start < length)
            {
                return Fail(ReasonInvalidLiteral, start);
            }

            for (int i = 1; i < length; i++)
            {
                if (_buffer[start + i] != (byte)literal[i])
                {
                    return Fail(ReasonInvalidLiteral, start);
                }
            }

            SetToken(type, start, length, _openCount);
            _position = start + length;
            CompleteValue();
            return true;
        }

        private bool ReadNumber()
        {
            // RFC 8259 §6: number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT );
            // frac = decimal-point 1*DIGIT; exp = e [ minus / plus ] 1*DIGIT
            int start = _position;
            int p = start;
            bool isInteger = true;
            if (_buffer[p] == (byte)'-')
            {
                p++;
                if (p >= _end || !IsDigit(_buffer[p]))
                {
                    return Fail(ReasonInvalidNumber, p);
                }
            }

            if (_buffer[p] == (byte)'0')
            {
                p++;
                if (p < _end && IsDigit(_buffer[p]))
                {
                    return Fail(ReasonLeadingZero, p - 1);
                }
            }
            else
            {
                while (p < _end && IsDigit(_buffer[p]))
                {
                    p++;
                }
            }

            if (p < _end && _buffer[p] == (byte)'.')
            {
                isInteger = false;
                p++;
                if (p >= _end || !IsDigit(_buffer[p]))
                {
                    return Fail(ReasonInvalidNumber, p);
                }

                while (p < _end && IsDigit(_buffer[p]))
                {
                    p++;
                }
            }

            if (p < _end && (_buffer[p] == (byte)'e' || _buffer[p] == (byte)'E'))
            {
                isInteger = false;
                p++;
                if (p < _end && (_buffer[p] == (byte)'+' || _buffer[p] == (byte)'-'))
                {
                    p++;
                }

                if (p >= _end || !IsDigit(_buffer[p]))
                {
                    return Fail(ReasonInvalidNumber, p);
                }

                while (p < _end && IsDigit(_buffer[p]))
                {
                    p++;
                }
            }

            SetToken(JsonTokenType.Number, start, p - start, _openCount);
            _numberIsInteger = isInteger;
            _position = p;
            CompleteValue();
            return true;
        }

        /// <summary>
        /// Validates the string starting at the quote at <see cref="_position"/> and makes it the current token;
        /// counts its UTF-16 length on the way so that comparisons can reject on length first.
        /// </summary>
        private bool ScanString(JsonTokenType type)
        {
            int start = _position;
            int p = start + 1;
            int units = 0;
            bool escaped = false;
            while (true)
            {
                if (p >= _end)
                {
                    return Fail(ReasonUnterminatedString, start);
                }

                int b = _buffer[p];
                if (b == '"')
                {
                    break;
                }

                if (b == '\\')
                {
                    escaped = true;
                    int escapeLength = EscapeLength(p);
                    if (escapeLength <= 0)
                    {
                        return escapeLength == 0 ? Fail(ReasonInvalidEscape, p) : Fail(ReasonUnpairedSurrogate, p);
                    }

                    units += escapeLength == 12 ? 2 : 1;
                    p += escapeLength;
                }
                else if (b < 0x20)
                {
                    // RFC 8259 §7: U+0000 through U+001F must be escaped.
                    return Fail(ReasonControlCharacter, p);
                }
                else if (b < 0x80)
                {
                    units++;
                    p++;
                }
                else
                {
                    int sequenceLength = Utf8SequenceLength(p);
                    if (sequenceLength == 0)
                    {
                        return Fail(ReasonInvalidUtf8, p);
                    }

                    units += sequenceLength == 4 ? 2 : 1; // a supplementary character is a surrogate pair in UTF-16
                    p += sequenceLength;
                }
            }

            SetToken(type, start, p + 1 - start, _openCount);
            _stringLength = units;
            _stringEscaped = escaped;
            _position = p + 1;
            return true;
        }

        /// <summary>
        /// Bytes of the escape at the backslash at <paramref name="p"/>: 2 for a two-character escape, 6 for \uXXXX,
        /// 12 for a surrogate pair \uD8xx\uDCxx; 0 if invalid (RFC 8259 §7 list); -1 for a surrogate escape that is
        /// not part of a high-low pair (it encodes no character: RFC 8259 §8.2, Unicode §3.9 D91).
        /// </summary>
        private int EscapeLength(int p)
        {
            if (p + 1 >= _end)
            {
                return 0;
            }

            switch (_buffer[p + 1])
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                case (byte)'b':
                case (byte)'f':
                case (byte)'n':
                case (byte)'r':
                case (byte)'t':
                    return 2;
                case (byte)'u':
                    int unit = Hex4(p + 2);
                    if (unit < 0)
                    {
                        return 0;
                    }

                    if (unit >= 0xDC00 && unit <= 0xDFFF)
                    {
                        return -1; // a low surrogate without a high one before it
                    }

                    if (unit < 0xD800 || unit > 0xDBFF)
                    {
                        return 6;
                    }

                    if (p + 7 < _end && _buffer[p + 6] == (byte)'\\' && _buffer[p + 7] == (byte)'u')
                    {
                        int low = Hex4(p + 8);
                        if (low < 0)
                        {
                            return 0; // the second escape itself is malformed: report that, at the first backslash
                        }

                        if (low >= 0xDC00 && low <= 0xDFFF)
                        {
                            return 12;
                        }
                    }

                    return -1;
                default:
                    return 0;
            }
        }

        /// <summary>Value of four hex digits at <paramref name="p"/>, or -1 if they are missing or not hex.</summary>
        private int Hex4(int p)
        {
            if (p + 4 > _end)
            {
                return -1;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int digit = HexValue(_buffer[p + i]);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        /// <summary>
        /// Length of the well-formed UTF-8 sequence of a non-ASCII character at <paramref name="p"/>, or 0 if it is
        /// ill-formed. RFC 3629 §4 (UTF8-2/3/4) rules out overlong forms (C0, C1, E0 80..9F, F0 80..8F), encoded
        /// surrogates (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF), besides stray continuation bytes
        /// and sequences cut off by the end of the buffer or by a non-continuation byte.
        /// </summary>
        private int Utf8SequenceLength(int p)
        {
            int lead = _buffer[p];
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                length = 2;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                length = 3;
                if (lead == 0xE0)
                {
                    secondMin = 0xA0;
                }
                else if (lead == 0xED)
                {
                    secondMax = 0x9F;
                }
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                length = 4;
                if (lead == 0xF0)
                {
                    secondMin = 0x90;
                }
                else if (lead == 0xF4)
                {
                    secondMax = 0x8F;
                }
            }
            else
            {
                return 0;
            }

            if (p + length > _end)
            {
                return 0;
            }

            int second = _buffer[p + 1];
            if (second < secondMin || second > secondMax)
            {
                return 0;
            }

            for (int i = 2; i < length; i++)
            {
                if ((_buffer[p + i] & 0xC0) != 0x80)
                {
                    return 0;
                }
            }

            return length;
        }

        /// <summary>
        /// Decodes the character at <paramref name="p"/> in the content of a string token validated by
        /// <see cref="ScanString"/> (an escape or a UTF-8 sequence) and moves past it. Returns the code point.
        /// </summary>
        private int NextCodePoint(ref int p)
        {
            int b = _buffer[p];
            if (b == '\\')
            {
                int kind = _buffer[p + 1];
                p += 2;
                switch (kind)
                {
                    case 'b':
                        return 0x08;
                    case 'f':
                        return 0x0C;
                    case 'n':
                        return 0x0A;
                    case 'r':
                        return 0x0D;
                    case 't':
                        return 0x09;
                    case 'u':
                        int unit = Hex4(p);
                        p += 4;
                        if (unit >= 0xD800 && unit <= 0xDBFF)
                        {
                            int low = Hex4(p + 2);
                            p += 6;
                            return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        }

                        return unit;
                    default:
                        return kind; // '"', '\\', '/'
                }
            }

            if (b < 0x80)
            {
                p++;
                return b;
            }

            if (b < 0xE0)
            {
                int c2 = ((b & 0x1F) << 6) | (_buffer[p + 1] & 0x3F);
                p += 2;
                return c2;
            }

            if (b < 0xF0)
            {
                int c3 = ((b & 0x0F) << 12) | ((_buffer[p + 1] & 0x3F) << 6) | (_buffer[p + 2] & 0x3F);
                p += 3;
                return c3;
            }

            int c4 = ((b & 0x07) << 18) | ((_buffer[p + 1] & 0x3F) << 12) | ((_buffer[p + 2] & 0x3F) << 6) | (_buffer[p + 3] & 0x3F);
            p += 4;
            return c4;
        }

        private bool FailUnexpected(byte b)
        {
            if (b == (byte)'\'')
            {
                return Fail(ReasonSingleQuote, _position); // RFC 8259 §7: strings begin and end with quotation marks
            }

            if (b == (byte)'/')
            {
                return Fail(ReasonComment, _position); // RFC 8259 has no comments
            }

            Fail(ReasonUnexpected, _position);
            _errorByte = b;
            return false;
        }

        private bool Fail(string reason, int offset)
        {
            _state = Failed;
            _errorReason = reason;
            _errorByte = -1;
            _errorOffset = offset;
            SetToken(JsonTokenType.None, offset, 0, 0);
            return false;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        private static int HexValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - '0';
            }

            if (b >= (byte)'a' && b <= (byte)'f')
            {
                return b - 'a' + 10;
            }

            if (b >= (byte)'A' && b <= (byte)'F')
            {
                return b - 'A' + 10;
            }

            return -1;
        }

        private static string HexByte(int b)
        {
            const string Digits = "0123456789ABCDEF";
            return new string(new char[] { Digits[(b >> 4) & 0xF], Digits[b & 0xF] });
        }
    }
}
