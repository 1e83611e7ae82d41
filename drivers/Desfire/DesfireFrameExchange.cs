using System;
using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Desfire
{
    /// <summary>
    /// Native DESFire command framing over an <see cref="IApduExchange"/>: a command is its code followed by its
    /// parameters; a response starts with the status byte, then data. While the card answers 0xAF (ADDITIONAL_FRAME) the
    /// exchange asks for the next frame with the 0xAF command and appends its data, up to <see cref="MaxFrames"/>
    /// frames, so a caller sees one status and all data (NXP MF3ICDx81 datasheet, "Frame chaining" of the native
    /// commands). Non-blocking: <see cref="Poll"/> advances by one step. Allocates only at construction.
    /// </summary>
    public sealed class DesfireFrameExchange
    {
        /// <summary>Most frames one response may take; more is a protocol violation (or a misbehaving card).</summary>
        public const int MaxFrames = 8;

        private readonly IApduExchange _link;
        private readonly byte[] _data;
        private readonly byte[] _additionalFrame = new byte[] { DesfireCommandCode.AdditionalFrame };
        private bool _followAdditionalFrames;
        private bool _busy;
        private int _frames;

        /// <summary>Collects up to <paramref name="capacity"/> data bytes per response.</summary>
        public DesfireFrameExchange(IApduExchange link, int capacity)
        {
            if (link == null)
            {
                throw new ArgumentNullException("link");
            }

            _link = link;
            _data = new byte[capacity];
        }

        /// <summary>Data of the last response, status bytes removed, frames concatenated.</summary>
        public byte[] Data
        {
            get { return _data; }
        }

        /// <summary>Valid bytes in <see cref="Data"/>.</summary>
        public int DataLength { get; private set; }

        /// <summary>Status byte of the last frame of the last response, or -1.</summary>
        public int Status { get; private set; }

        /// <summary>Why the last exchange failed.</summary>
        public DesfireFrameError Error { get; private set; }

        /// <summary>
        /// Sends a command. With <paramref name="followAdditionalFrames"/> false a 0xAF answer ends the exchange (the
        /// authentication challenge is such an answer). False when the link refused to start.
        /// </summary>
        public bool Start(byte[] command, int offset, int count, bool followAdditionalFrames, long nowMs)
        {
            DataLength = 0;
            Status = -1;
            Error = DesfireFrameError.None;
            _frames = 0;
            _followAdditionalFrames = followAdditionalFrames;
            _busy = _link.StartExchange(command, offset, count, nowMs);
            if (!_busy)
            {
                Error = DesfireFrameError.LinkRefused;
            }

            return _busy;
        }

        /// <summary>Advances by one step.</summary>
        public ApduExchangeStatus Poll(long nowMs)
        {
            if (!_busy)
            {
                return Error == DesfireFrameError.None ? ApduExchangeStatus.Idle : ApduExchangeStatus.Failed;
            }

            ApduExchangeStatus status = _link.Poll(nowMs);
            if (status == ApduExchangeStatus.Busy)
            {
                return status;
            }

            if (status != ApduExchangeStatus.Done)
            {
                return Fail(DesfireFrameError.LinkFailed);
            }

            int length = _link.ResponseLength;
            if (length < 1)
            {
                return Fail(DesfireFrameError.EmptyResponse);
            }

            if (DataLength + length - 1 > _data.Length)
            {
                return Fail(DesfireFrameError.Overflow);
            }

            byte[] response = _link.ResponseBuffer;
            Array.Copy(response, 1, _data, DataLength, length - 1);
            DataLength += length - 1;
            Status = response[0];
            _frames++;
            if (Status == DesfireCommandCode.AdditionalFrame && _followAdditionalFrames)
            {
                if (_frames >= MaxFrames)
                {
                    return Fail(DesfireFrameError.TooManyFrames);
                }

                if (!_link.StartExchange(_additionalFrame, 0, 1, nowMs))
                {
                    return Fail(DesfireFrameError.LinkRefused);
                }

                return ApduExchangeStatus.Busy;
            }

            _busy = false;
            return ApduExchangeStatus.Done;
        }

        private ApduExchangeStatus Fail(DesfireFrameError error)
        {
            Error = error;
            _busy = false;
            return ApduExchangeStatus.Failed;
        }
    }
}
