using System;
using Wallbox.Hal;

namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// Sends one client frame at a time into an <see cref="IStreamConnection"/> whose send buffer may accept only
    /// part of it per call. Each frame gets a fresh masking key from the random source (RFC 6455 §5.3: "a fresh
    /// masking key MUST be selected for each frame"). The frame is masked piecewise into a fixed staging buffer of
    /// <see cref="StagingBytes"/>, so a data payload of any length is sent from its queue slot without a second
    /// copy and without allocation. A frame that fits the staging buffer (every control frame) is staged whole at
    /// <see cref="Start"/>, so its source may change at once.
    /// </summary>
    public sealed class FrameWriter
    {
        /// <summary>Staging buffer, bytes: holds a whole control frame (14 + 125).</summary>
        public const int StagingBytes = 256;

        private readonly Random _random;
        private readonly byte[] _staging = new byte[StagingBytes];
        private readonly byte[] _maskKey = new byte[FrameHeader.MaskKeyBytes];
        private byte[] _payload;
        private int _payloadOffset;
        private int _payloadLength;
        private int _payloadStaged;
        private int _stagedOffset;
        private int _stagedCount;

        /// <summary>Creates a writer drawing masking keys from <paramref name="random"/>.</summary>
        public FrameWriter(Random random)
        {
            if (random == null)
            {
                throw new ArgumentNullException("random");
            }

            _random = random;
        }

        /// <summary>True once the stream accepted any byte of the current frame: from then on it must be completed.</summary>
        public bool HasWritten { get; private set; }

        /// <summary>True while part of the current frame is not yet accepted by the stream.</summary>
        public bool IsBusy { get { return _stagedCount > 0 || _payloadStaged < _payloadLength; } }

        /// <summary>
        /// Starts a final (FIN) frame. <paramref name="payload"/> must stay unchanged until <see cref="IsBusy"/> is false
        /// unless the frame fits <see cref="StagingBytes"/>. Throws when a frame is still in progress (misuse).
        /// </summary>
        public void Start(WebSocketOpcode opcode, byte[] payload, int offset, int count)
        {
            if (IsBusy)
            {
                throw new InvalidOperationException("a frame is still being sent");
            }

            _random.NextBytes(_maskKey);
            int header = FrameEncoder.WriteHeader(_staging, 0, true, opcode, count, _maskKey);
            int first = count < StagingBytes - header ? count : StagingBytes - header;
            FrameEncoder.Mask(payload, offset, _staging, header, first, _maskKey, 0);
            _stagedOffset = 0;
            _stagedCount = header + first;
            _payloadStaged = first;
            _payloadLength = count;
            _payloadOffset = offset;
            _payload = first == count ? null : payload;
            HasWritten = false;
        }

        /// <summary>
        /// Writes as much of the frame as the stream accepts, at most <paramref name="budget"/> bytes, and returns
        /// the bytes written. Stops when the frame is done, the stream accepts nothing, or the budget is spent.
        /// </summary>
        public int Pump(IStreamConnection stream, int budget)
        {
            int written = 0;
            while (written < budget)
            {
                if (_stagedCount == 0)
                {
                    if (_payloadStaged >= _payloadLength)
                    {
                        break;
                    }

                    int n = _payloadLength - _payloadStaged;
                    if (n > StagingBytes)
                    {
                        n = StagingBytes;
                    }

                    FrameEncoder.Mask(_payload, _payloadOffset + _payloadStaged, _staging, 0, n, _maskKey, _payloadStaged);
                    _payloadStaged += n;
                    _stagedOffset = 0;
                    _stagedCount = n;
                }

                int chunk = _stagedCount < budget - written ? _stagedCount : budget - written;
                int accepted = stream.TryWrite(_staging, _stagedOffset, chunk);
                if (accepted <= 0)
                {
                    break;
                }

                _stagedOffset += accepted;
                _stagedCount -= accepted;
                written += accepted;
                HasWritten = true;
            }

            if (!IsBusy)
            {
                _payload = null;
            }

            return written;
        }

        /// <summary>Abandons the frame in progress (connection gone).</summary>
        public void Reset()
        {
            _payload = null;
            _payloadLength = 0;
            _payloadStaged = 0;
            _stagedCount = 0;
            _stagedOffset = 0;
            HasWritten = false;
        }
    }
}
