namespace Wallbox.Drivers.IsoDep
{
    /// <summary>
    /// What the ISO/IEC 14443-4 half-duplex block transmission protocol needs from a reader chip: send one frame of
    /// whole bytes at 106 kbit/s and receive the answer within a timeout, without waiting (ISO/IEC 14443-3 frames;
    /// the CRC_A is part of the bytes, computed and checked by the caller). Implemented by the MFRC522 driver.
    /// </summary>
    public interface IContactlessFrameTransceiver
    {
        /// <summary>Longest frame, CRC_A included, that can be sent or received in one piece (FIFO size), bytes.</summary>
        int MaxFrameLength { get; }

        /// <summary>
        /// Starts sending <paramref name="count"/> bytes of <paramref name="frame"/> from <paramref name="offset"/>;
        /// the answer must start within <paramref name="timeoutUs"/> microseconds after the end of the transmission,
        /// else the frame ends with <see cref="ContactlessFrameStatus.Timeout"/>. False (nothing started) when the
        /// frame is empty or longer than <see cref="MaxFrameLength"/>.
        /// </summary>
        bool StartFrame(byte[] frame, int offset, int count, int timeoutUs);

        /// <summary>Checks the started frame once (a few register reads).</summary>
        ContactlessFrameStatus PollFrame();

        /// <summary>Abandons the started frame (the receiver stops listening).</summary>
        void StopFrame();

        /// <summary>The bytes received by the last frame that ended <see cref="ContactlessFrameStatus.Done"/>.</summary>
        byte[] ReceivedBuffer { get; }

        /// <summary>Bytes valid in <see cref="ReceivedBuffer"/>.</summary>
        int ReceivedLength { get; }
    }
}
