namespace Wallbox.Drivers.WebSocket
{
    /// <summary>What <see cref="FrameDecoder.Next"/> found.</summary>
    public enum FrameEvent
    {
        /// <summary>All input was consumed; call again with more bytes.</summary>
        NeedMoreInput = 0,

        /// <summary>A frame header was decoded and checked; see <see cref="FrameDecoder.Header"/>.</summary>
        HeaderDecoded = 1,

        /// <summary>Payload bytes of the current frame are available in the input (as sent: server frames are unmasked).</summary>
        PayloadData = 2,

        /// <summary>The current frame's payload is complete.</summary>
        FrameComplete = 3,

        /// <summary>The input breaks §5.2; see <see cref="FrameDecoder.ViolationCode"/>. The decoder takes no more input.</summary>
        Violation = 4,
    }
}
