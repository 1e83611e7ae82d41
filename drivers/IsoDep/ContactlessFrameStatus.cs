namespace Wallbox.Drivers.IsoDep
{
    /// <summary>State of a frame started on an <see cref="IContactlessFrameTransceiver"/>.</summary>
    public enum ContactlessFrameStatus
    {
        /// <summary>Still sending or waiting for the answer; poll again at a later tick.</summary>
        Busy,

        /// <summary>
        /// A frame of whole bytes was received; it is in <see cref="IContactlessFrameTransceiver.ReceivedBuffer"/>
        /// (CRC_A included: the transceiver neither adds nor checks it).
        /// </summary>
        Done,

        /// <summary>Nothing (or nothing before the programmed response timeout) was received.</summary>
        Timeout,

        /// <summary>
        /// A transmission error: parity, collision, incomplete last byte, FIFO overflow, or a frame the transceiver
        /// refused to start.
        /// </summary>
        Error,
    }
}
