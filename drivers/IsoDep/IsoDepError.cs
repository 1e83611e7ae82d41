namespace Wallbox.Drivers.IsoDep
{
    /// <summary>Why an <see cref="IsoDepLink"/> operation failed (diagnostics; <see cref="IsoDepLink.Error"/>).</summary>
    public enum IsoDepError
    {
        /// <summary>No failure.</summary>
        None,

        /// <summary>No valid ATS to RATS within the activation frame waiting time, also after the retries (5.5, 5.6).</summary>
        NoAnswerToRats,

        /// <summary>
        /// The ATS is malformed (5.2): TL not matching the received length, T0 bit 8 set, or interface bytes announced
        /// by T0 beyond TL.
        /// </summary>
        MalformedAts,

        /// <summary>No answer within FWT (or FWT × WTXM) after the retries of 7.5.4.2 (card removed or silent).</summary>
        Timeout,

        /// <summary>Frames with CRC_A, parity or framing errors after the retries of 7.5.4.2.</summary>
        TransmissionError,

        /// <summary>
        /// Blocks the protocol does not allow at that point (wrong block type, wrong block number, CID or NAD the link
        /// did not use, WTXM outside 1..59, 7.1 and 7.3) after the retries of 7.5.4.2, or endless re-transmission
        /// requests.
        /// </summary>
        ProtocolError,

        /// <summary>The card's response is longer than <see cref="IApduExchange.MaxResponseLength"/>.</summary>
        ResponseTooLong,

        /// <summary>No S(DESELECT) response, also after re-transmitting S(DESELECT) (clause 8, 7.5.4.2 Rule 8).</summary>
        DeselectNotAnswered,

        /// <summary>
        /// The reader chip refused a frame or did not end it (its timer never fired) within the software deadline.
        /// </summary>
        ReaderError,
    }
}
