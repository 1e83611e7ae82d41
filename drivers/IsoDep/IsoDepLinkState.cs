namespace Wallbox.Drivers.IsoDep
{
    /// <summary>Where an <see cref="IsoDepLink"/> stands with its card (ISO/IEC 14443-4 clauses 5, 7 and 8).</summary>
    public enum IsoDepLinkState
    {
        /// <summary>Not activated: no RATS sent since construction (or since the card was released).</summary>
        Inactive,

        /// <summary>RATS sent, waiting for the ATS, then for the start-up frame guard time SFGT (5.1, 5.2.5).</summary>
        Activating,

        /// <summary>The card is activated (protocol state) and no exchange is running: ready for a command.</summary>
        Active,

        /// <summary>A command is being sent or its response received (clause 7).</summary>
        Exchanging,

        /// <summary>S(DESELECT) sent, waiting for the card's S(DESELECT) response (clause 8).</summary>
        Deselecting,

        /// <summary>The card answered S(DESELECT) and is in HALT state (ISO/IEC 14443-3): only WUPA wakes it.</summary>
        Deselected,

        /// <summary>
        /// Activation, an exchange or the deactivation failed after the recovery rules; <see cref="IsoDepLink.Error"/>
        /// tells why. S(DESELECT) may still be tried, or the card released with HLTA.
        /// </summary>
        Failed,
    }
}
