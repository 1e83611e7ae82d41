namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// Turns the data frames of one connection into messages in the receive <see cref="MessageRing"/> (RFC 6455 §5.4
    /// fragmentation, §5.6 data frames), enforcing the message-level rules: a continuation frame only inside a
    /// fragmented message and a new message only outside one (1002), text only (a binary message is refused with
    /// 1003), and well-formed UTF-8 across all fragments (§8.1: 1007).
    /// </summary>
    /// <remarks>
    /// Bounds: the message is written straight into the ring's free tail slot. Bytes beyond the slot size are
    /// checked (UTF-8) but not stored, and the message is queued flagged truncated. When no slot is free as the
    /// first frame of a message arrives, the whole message is checked and then dropped and counted in
    /// <see cref="DroppedCount"/>. Control frames interleaved with the fragments are not the assembler's concern.
    /// </remarks>
    public sealed class MessageAssembler
    {
        private readonly MessageRing _ring;
        private readonly Utf8Validator _utf8 = new Utf8Validator();
        private byte[] _slot;
        private bool _inMessage;
        private bool _finalFrame;
        private int _length;
        private bool _truncated;

        /// <summary>Creates an assembler delivering into <paramref name="ring"/>.</summary>
        public MessageAssembler(MessageRing ring)
        {
            _ring = ring;
        }

        /// <summary>Messages dropped because the ring was full, since construction.</summary>
        public int DroppedCount { get; private set; }

        /// <summary>Why the last frame was refused, citing the rule; null when none.</summary>
        public string ViolationText { get; private set; }

        /// <summary>Forgets a partial message (new connection). <see cref="DroppedCount"/> is kept.</summary>
        public void Reset()
        {
            _inMessage = false;
            _slot = null;
            ViolationText = null;
        }

        /// <summary>A data frame header arrived. Returns the close code of a violation, or <see cref="CloseStatusCode.None"/>.</summary>
        public CloseStatusCode BeginFrame(WebSocketOpcode opcode, bool fin)
        {
            if (opcode == WebSocketOpcode.Continuation)
            {
                if (!_inMessage)
                {
                    return Violation(CloseStatusCode.ProtocolError, "continuation frame outside a fragmented message (RFC 6455 §5.4)");
                }
            }
            else if (_inMessage)
            {
                return Violation(CloseStatusCode.ProtocolError, "new data frame inside a fragmented message (RFC 6455 §5.4)");
            }
            else if (opcode == WebSocketOpcode.Binary)
            {
                return Violation(CloseStatusCode.UnsupportedData, "binary message; only text is accepted (RFC 6455 §7.4.1, 1003)");
            }
            else
            {
                _inMessage = true;
                _slot = _ring.TailSlot;
                _length = 0;
                _truncated = false;
                _utf8.Reset();
            }

            _finalFrame = fin;
            return CloseStatusCode.None;
        }

        /// <summary>Payload bytes of the current data frame. Returns the close code of a violation, or None.</summary>
        public CloseStatusCode Append(byte[] buffer, int offset, int count)
        {
            if (!_utf8.Feed(buffer, offset, count))
            {
                return Violation(CloseStatusCode.InvalidPayloadData, "text message is not valid UTF-8 (RFC 6455 §8.1)");
            }

            if (_slot == null)
            {
                return CloseStatusCode.None;
            }

            int room = _slot.Length - _length;
            int n = count < room ? count : room;
            if (n > 0)
            {
                System.Array.Copy(buffer, offset, _slot, _length, n);
                _length += n;
            }

            if (n < count)
            {
                _truncated = true;
            }

            return CloseStatusCode.None;
        }

        /// <summary>The current data frame ended; a final frame completes the message. Returns the close code of a violation, or None.</summary>
        public CloseStatusCode EndFrame()
        {
            if (!_finalFrame)
            {
                return CloseStatusCode.None;
            }

            _inMessage = false;
            if (!_utf8.IsComplete)
            {
                return Violation(CloseStatusCode.InvalidPayloadData, "text message ends inside a UTF-8 sequence (RFC 6455 §8.1)");
            }

            if (_slot == null)
            {
                DroppedCount++;
                return CloseStatusCode.None;
            }

            _slot = null;
            _ring.CommitTail(_length, _truncated);
            return CloseStatusCode.None;
        }

        private CloseStatusCode Violation(CloseStatusCode code, string text)
        {
            ViolationText = text;
            return code;
        }
    }
}
