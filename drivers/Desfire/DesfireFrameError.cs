namespace Wallbox.Drivers.Desfire
{
    /// <summary>Why a <see cref="DesfireFrameExchange"/> failed.</summary>
    public enum DesfireFrameError
    {
        /// <summary>No failure.</summary>
        None,

        /// <summary>The transport did not accept the command (link not active or busy).</summary>
        LinkRefused,

        /// <summary>The transport gave up (no answer, transmission errors).</summary>
        LinkFailed,

        /// <summary>A frame without even a status byte.</summary>
        EmptyResponse,

        /// <summary>More data than the buffer holds.</summary>
        Overflow,

        /// <summary>More than <see cref="DesfireFrameExchange.MaxFrames"/> frames.</summary>
        TooManyFrames,
    }
}
