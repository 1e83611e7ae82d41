namespace Wallbox.Drivers.IsoDep
{
    /// <summary>
    /// A non-blocking command/response channel to an activated contactless card: one command (the INF field of
    /// ISO/IEC 14443-4, e.g. a DESFire native command) goes out, one complete response comes back, however many
    /// frames, chaining blocks and waiting-time extensions the transport needs underneath. Nothing waits: a command
    /// is started, then <see cref="Poll"/> is called once per tick until it is no longer
    /// <see cref="ApduExchangeStatus.Busy"/>.
    /// </summary>
    public interface IApduExchange
    {
        /// <summary>Longest command accepted by <see cref="StartExchange"/>, bytes.</summary>
        int MaxCommandLength { get; }

        /// <summary>Capacity of <see cref="ResponseBuffer"/>, bytes; a longer response fails the exchange.</summary>
        int MaxResponseLength { get; }

        /// <summary>
        /// Starts sending <paramref name="count"/> bytes of <paramref name="command"/> from <paramref name="offset"/>
        /// (copied at once: the caller may reuse its buffer). False, and nothing started, when the link is not
        /// active, an exchange is still busy, or the command is empty or longer than <see cref="MaxCommandLength"/>.
        /// </summary>
        bool StartExchange(byte[] command, int offset, int count, long nowMs);

        /// <summary>Advances the exchange by one short step and reports its state.</summary>
        ApduExchangeStatus Poll(long nowMs);

        /// <summary>The response of the last exchange that ended <see cref="ApduExchangeStatus.Done"/>.</summary>
        byte[] ResponseBuffer { get; }

        /// <summary>Bytes valid in <see cref="ResponseBuffer"/>.</summary>
        int ResponseLength { get; }
    }
}
