namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// Incremental decoder of server-to-client frames (RFC 6455 §5.2). It takes bytes in pieces of any size (down to
    /// one byte at a time), checks each header as soon as its first two bytes are in, and hands payload bytes back
    /// as ranges of the caller's input, so nothing is copied or allocated. Frame-level rules it enforces, each
    /// failing with 1002 (§7.4.1): RSV bits without a negotiated extension (§5.2), reserved opcodes (§5.2), a masked
    /// frame from the server (§5.1: "A client MUST close a connection if it detects a masked frame"), a fragmented
    /// control frame or one longer than 125 bytes (§5.5), a 64-bit length with its most significant bit set (§5.2).
    /// Message-level rules (fragment order, data types, UTF-8) are the caller's.
    /// </summary>
    public sealed class FrameDecoder
    {
        private readonly byte[] _header = new byte[FrameHeader.MaxHeaderBytes];
        private readonly FrameHeader _current = new FrameHeader();
        private int _headerCount;
        private int _headerNeeded = 2;
        private long _payloadRemaining;
        private bool _inPayload;
        private bool _endPending;
        private bool _failed;

        /// <summary>The frame being decoded (valid from <see cref="FrameEvent.HeaderDecoded"/> to <see cref="FrameEvent.FrameComplete"/>).</summary>
        public FrameHeader Header { get { return _current; } }

        /// <summary>Close code for the violation found (1002), or <see cref="CloseStatusCode.None"/>.</summary>
        public CloseStatusCode ViolationCode { get; private set; }

        /// <summary>What the violation was, citing the rule; null when none.</summary>
        public string ViolationText { get; private set; }

        /// <summary>Forgets any partial frame and violation (new connection).</summary>
        public void Reset()
        {
            _headerCount = 0;
            _headerNeeded = 2;
            _payloadRemaining = 0;
            _inPayload = false;
            _endPending = false;
            _failed = false;
            ViolationCode = CloseStatusCode.None;
            ViolationText = null;
        }

        /// <summary>
        /// Decodes from <paramref name="buffer"/>[<paramref name="offset"/>, +<paramref name="count"/>) up to the next
        /// event and returns it with the bytes <paramref name="consumed"/>. For <see cref="FrameEvent.PayloadData"/>,
        /// the payload is <paramref name="buffer"/>[<paramref name="payloadOffset"/>, +<paramref name="payloadCount"/>).
        /// Call again (also with no bytes left: a frame may complete) until it returns <see cref="FrameEvent.NeedMoreInput"/>.
        /// </summary>
        public FrameEvent Next(byte[] buffer, int offset, int count, out int consumed, out int payloadOffset, out int payloadCount)
        {
            consumed = 0;
            payloadOffset = offset;
            payloadCount = 0;
            if (_failed)
            {
                consumed = count;
                return FrameEvent.NeedMoreInput;
            }

            if (_endPending)
            {
                _endPending = false;
                return FrameEvent.FrameComplete;
            }

            if (_inPayload)
            {
                if (count == 0)
                {
                    return FrameEvent.NeedMoreInput;
                }

                int n = _payloadRemaining < count ? (int)_payloadRemaining : count;
                _payloadRemaining -= n;
                consumed = n;
                payloadCount = n;
                if (_payloadRemaining == 0)
                {
                    _inPayload = false;
                    _endPending = true;
                }

                return FrameEvent.PayloadData;
            }

            while (consumed < count)
            {
                _header[_headerCount++] = buffer[offset + consumed];
                consumed++;
                if (_headerCount == 2 && !CheckFirstTwoBytes())
                {
                    return FrameEvent.Violation;
                }

                if (_headerCount == _headerNeeded)
                {
                    return FinishHeader() ? FrameEvent.HeaderDecoded : FrameEvent.Violation;
                }
            }

            return FrameEvent.NeedMoreInput;
        }

        private bool CheckFirstTwoBytes()
        {
            int b0 = _header[0];
            int b1 = _header[1];
            _current.Fin = (b0 & 0x80) != 0;
            _current.Reserved = (b0 >> 4) & 0x7;
            _current.Opcode = (WebSocketOpcode)(b0 & 0x0F);
            _current.Masked = (b1 & 0x80) != 0;
            int length7 = b1 & 0x7F;
            bool control = FrameHeader.IsControl(_current.Opcode);
            if (_current.Reserved != 0)
            {
                return Fail("RSV bits set without a negotiated extension (RFC 6455 §5.2)");
            }

            if (!IsKnownOpcode(_current.Opcode))
            {
                return Fail("reserved opcode (RFC 6455 §5.2)");
            }

            if (_current.Masked)
            {
                return Fail("masked frame from the server (RFC 6455 §5.1)");
            }

            if (control && !_current.Fin)
            {
                return Fail("fragmented control frame (RFC 6455 §5.5)");
            }

            if (control && length7 > FrameHeader.MaxControlPayloadBytes)
            {
                return Fail("control frame longer than 125 bytes (RFC 6455 §5.5)");
            }

            _headerNeeded = 2;
            if (length7 == FrameHeader.Length16Marker)
            {
                _headerNeeded += 2;
            }
            else if (length7 == FrameHeader.Length64Marker)
            {
                _headerNeeded += 8;
            }

            return true;
        }

        private bool FinishHeader()
        {
            int length7 = _header[1] & 0x7F;
            long length = length7;
            if (length7 == FrameHeader.Length16Marker)
            {
                length = (_header[2] << 8) | _header[3];
            }
            else if (length7 == FrameHeader.Length64Marker)
            {
                if ((_header[2] & 0x80) != 0)
                {
                    return Fail("64-bit payload length with the most significant bit set (RFC 6455 §5.2)");
                }

                length = 0;
                for (int i = 2; i < 10; i++)
                {
                    length = (length << 8) | _header[i];
                }
            }

            _current.PayloadLength = length;
            _headerCount = 0;
            _headerNeeded = 2;
            if (length == 0)
            {
                _endPending = true;
            }
            else
            {
                _inPayload = true;
                _payloadRemaining = length;
            }

            return true;
        }

        private static bool IsKnownOpcode(WebSocketOpcode opcode)
        {
            return opcode == WebSocketOpcode.Continuation || opcode == WebSocketOpcode.Text || opcode == WebSocketOpcode.Binary
                || opcode == WebSocketOpcode.Close || opcode == WebSocketOpcode.Ping || opcode == WebSocketOpcode.Pong;
        }

        private bool Fail(string text)
        {
            _failed = true;
            ViolationCode = CloseStatusCode.ProtocolError;
            ViolationText = text;
            return false;
        }
    }
}
