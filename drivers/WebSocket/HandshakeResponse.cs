namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// The server's answer to the opening handshake, collected byte by byte into a fixed buffer and checked per
    /// RFC 6455 §4.1 ("the client MUST validate the server's response"). The status is known as soon as the status
    /// line is complete, so a refusal (401, 404) is reported without waiting for the rest. The header may be at
    /// most the buffer's length; a longer one is refused (<see cref="IsMalformed"/>). Bytes after the header's
    /// empty line belong to the first frames and are left to the caller (<see cref="Append"/> does not consume them).
    /// </summary>
    public sealed class HandshakeResponse
    {
        /// <summary>Status of a successful upgrade (RFC 7231 §6.2.2 Switching Protocols).</summary>
        public const int SwitchingProtocols = 101;

        private readonly byte[] _buffer;
        private int _length;
        private int _statusLineEnd;

        /// <summary>Creates a parser that collects into <paramref name="buffer"/> (its length is the header bound).</summary>
        public HandshakeResponse(byte[] buffer)
        {
            _buffer = buffer;
        }

        /// <summary>HTTP status once the status line is complete; 0 before.</summary>
        public int StatusCode { get; private set; }

        /// <summary>True once the empty line ending the header was read.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>True when the answer cannot be an HTTP/1.1 response within the bound; <see cref="Problem"/> says why.</summary>
        public bool IsMalformed { get; private set; }

        /// <summary>Why the answer was malformed or refused by <see cref="Validate"/>; null when fine.</summary>
        public string Problem { get; private set; }

        /// <summary>Header bytes collected so far (including the final CRLF CRLF once complete).</summary>
        public int Length { get { return _length; } }

        /// <summary>Starts a new answer.</summary>
        public void Reset()
        {
            _length = 0;
            _statusLineEnd = 0;
            StatusCode = 0;
            IsComplete = false;
            IsMalformed = false;
            Problem = null;
        }

        /// <summary>
        /// Takes bytes until the header is complete or malformed, and returns how many it took; the rest are frame
        /// bytes (or, after a malformed answer, garbage).
        /// </summary>
        public int Append(byte[] source, int offset, int count)
        {
            int taken = 0;
            while (taken < count && !IsComplete && !IsMalformed)
            {
                if (_length == _buffer.Length)
                {
                    Fail("the upgrade answer's header is longer than the handshake buffer");
                    break;
                }

                _buffer[_length++] = source[offset + taken];
                taken++;
                if (_length < 2 || _buffer[_length - 2] != (byte)'\r' || _buffer[_length - 1] != (byte)'\n')
                {
                    continue;
                }

                if (_statusLineEnd == 0)
                {
                    _statusLineEnd = _length;
                    ParseStatusLine(_length - 2);
                }
                else if (_length >= 4 && _buffer[_length - 4] == (byte)'\r' && _buffer[_length - 3] == (byte)'\n')
                {
                    IsComplete = true;
                }
            }

            return taken;
        }

        /// <summary>
        /// Checks a complete answer against RFC 6455 §4.1's client rules: status 101; Upgrade is "websocket" and
        /// Connection lists "Upgrade" (both case-insensitive); Sec-WebSocket-Accept equals <paramref name="expectedAccept"/>;
        /// no extension (none was offered); Sec-WebSocket-Protocol equals <paramref name="subProtocol"/> (or is absent
        /// when none was requested). Sets <see cref="Problem"/> unless accepted.
        /// </summary>
        public HandshakeOutcome Validate(string expectedAccept, string subProtocol)
        {
            if (!IsComplete || StatusCode != SwitchingProtocols)
            {
                Problem = "the server did not switch protocols";
                return HandshakeOutcome.Rejected;
            }

            bool upgrade = false;
            bool connection = false;
            int acceptFields = 0;
            bool acceptMatches = false;
            bool extensions = false;
            int protocolFields = 0;
            bool protocolMatches = false;
            int end = _length - 2; // the final empty line
            int lineStart = _statusLineEnd;
            while (lineStart < end)
            {
                int lineEnd = lineStart;
                while (_buffer[lineEnd] != (byte)'\r' || _buffer[lineEnd + 1] != (byte)'\n')
                {
                    lineEnd++;
                }

                int colon = lineStart;
                while (colon < lineEnd && _buffer[colon] != (byte)':')
                {
                    colon++;
                }

                if (colon == lineEnd || colon == lineStart)
                {
                    Problem = "a header line of the upgrade answer has no field name";
                    return HandshakeOutcome.Invalid;
                }

                int valueStart = colon + 1;
                int valueEnd = lineEnd;
                while (valueStart < valueEnd && AsciiText.IsWhitespace(_buffer[valueStart]))
                {
                    valueStart++;
                }

                while (valueEnd > valueStart && AsciiText.IsWhitespace(_buffer[valueEnd - 1]))
                {
                    valueEnd--;
                }

                int nameLength = colon - lineStart;
                int valueLength = valueEnd - valueStart;
                if (AsciiText.EqualsIgnoreCase(_buffer, lineStart, nameLength, "Upgrade"))
                {
                    upgrade = AsciiText.EqualsIgnoreCase(_buffer, valueStart, valueLength, "websocket");
                }
                else if (AsciiText.EqualsIgnoreCase(_buffer, lineStart, nameLength, "Connection"))
                {
                    connection = connection || AsciiText.ContainsTokenIgnoreCase(_buffer, valueStart, valueLength, "Upgrade");
                }
                else if (AsciiText.EqualsIgnoreCase(_buffer, lineStart, nameLength, "Sec-WebSocket-Accept"))
                {
                    acceptFields++;
                    acceptMatches = AsciiText.EqualsExact(_buffer, valueStart, valueLength, expectedAccept);
                }
                else if (AsciiText.EqualsIgnoreCase(_buffer, lineStart, nameLength, "Sec-WebSocket-Extensions"))
                {
                    extensions = extensions || valueLength > 0;
                }
                else if (AsciiText.EqualsIgnoreCase(_buffer, lineStart, nameLength, "Sec-WebSocket-Protocol"))
                {
                    protocolFields++;
                    protocolMatches = subProtocol != null && AsciiText.EqualsExact(_buffer, valueStart, valueLength, subProtocol);
                }

                lineStart = lineEnd + 2;
            }

            return Judge(upgrade, connection, acceptFields == 1 && acceptMatches, extensions, protocolFields, protocolMatches, subProtocol != null);
        }

        private HandshakeOutcome Judge(bool upgrade, bool connection, bool accept, bool extensions, int protocolFields, bool protocolMatches, bool protocolRequested)
        {
            if (!upgrade)
            {
                Problem = "the upgrade answer lacks \"Upgrade: websocket\" (RFC 6455 §4.1 item 2)";
                return HandshakeOutcome.Invalid;
            }

            if (!connection)
            {
                Problem = "the upgrade answer's Connection field lacks the Upgrade token (RFC 6455 §4.1 item 3)";
                return HandshakeOutcome.Invalid;
            }

            if (!accept)
            {
                Problem = "Sec-WebSocket-Accept is missing or does not match the key (RFC 6455 §4.1 item 4)";
                return HandshakeOutcome.Invalid;
            }

            if (extensions)
            {
                Problem = "the server selected an extension that was not offered (RFC 6455 §4.1 item 5)";
                return HandshakeOutcome.Invalid;
            }

            if (!protocolRequested)
            {
                if (protocolFields > 0)
                {
                    Problem = "the server selected a subprotocol that was not offered (RFC 6455 §4.1 item 6)";
                    return HandshakeOutcome.Invalid;
                }

                return HandshakeOutcome.Accepted;
            }

            if (protocolFields != 1 || !protocolMatches)
            {
                Problem = "the server did not select the requested subprotocol";
                return HandshakeOutcome.SubProtocolRefused;
            }

            return HandshakeOutcome.Accepted;
        }

        // RFC 7230 §3.1.2: status-line = HTTP-version SP status-code SP reason-phrase; HTTP-version = "HTTP/" DIGIT "." DIGIT.
        private void ParseStatusLine(int end)
        {
            const int VersionLength = 8; // "HTTP/1.1"
            if (end < VersionLength + 4 || !AsciiText.EqualsExact(_buffer, 0, 5, "HTTP/") || !IsDigit(_buffer[5]) || _buffer[6] != (byte)'.'
                || !IsDigit(_buffer[7]) || _buffer[VersionLength] != (byte)' ')
            {
                Fail("the upgrade answer does not start with an HTTP status line");
                return;
            }

            int status = 0;
            for (int i = VersionLength + 1; i < VersionLength + 4; i++)
            {
                if (!IsDigit(_buffer[i]))
                {
                    Fail("the upgrade answer's status code is not three digits");
                    return;
                }

                status = (status * 10) + (_buffer[i] - '0');
            }

            if (end > VersionLength + 4 && _buffer[VersionLength + 4] != (byte)' ')
            {
                Fail("the upgrade answer's status code is not three digits");
                return;
            }

            StatusCode = status;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        private void Fail(string problem)
        {
            IsMalformed = true;
            Problem = problem;
        }
    }
}
