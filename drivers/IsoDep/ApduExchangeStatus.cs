namespace Wallbox.Drivers.IsoDep
{
    /// <summary>State of the command/response exchange of an <see cref="IApduExchange"/>.</summary>
    public enum ApduExchangeStatus
    {
        /// <summary>No exchange started since the link was activated, or the last result was read.</summary>
        Idle,

        /// <summary>The command is being sent or the response received; poll again at a later tick.</summary>
        Busy,

        /// <summary>The whole response is in <see cref="IApduExchange.ResponseBuffer"/>.</summary>
        Done,

        /// <summary>
        /// The exchange failed after the recovery rules of the protocol (no answer, repeated transmission errors,
        /// protocol violation by the card); the card must be treated as gone or broken for this presentation.
        /// </summary>
        Failed,
    }
}
