namespace Wallbox.Drivers.Desfire
{
    /// <summary>Where a <see cref="DesfireCardSession"/> stands.</summary>
    public enum DesfireSessionState
    {
        /// <summary>Not started since construction.</summary>
        Idle,

        /// <summary>Commands are being exchanged; keep calling Tick.</summary>
        Running,

        /// <summary>The card authenticated (and the configured UID and file were read).</summary>
        Succeeded,

        /// <summary>Ended without success; see the result.</summary>
        Failed,
    }
}
