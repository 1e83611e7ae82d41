namespace Wallbox.Drivers.Contactor
{
    /// <summary>What the contactor is doing, judged from the coil command and the auxiliary-contact feedback.</summary>
    public enum ContactorStatus
    {
        /// <summary>Coil off, contacts open.</summary>
        Open = 0,

        /// <summary>Coil on, waiting for the contacts to close (within the feedback timeout).</summary>
        Closing = 1,

        /// <summary>Coil on, contacts closed.</summary>
        Closed = 2,

        /// <summary>Coil off, waiting for the contacts to open (within the feedback timeout).</summary>
        Opening = 3,

        /// <summary>Coil off but the contacts stayed closed past the feedback timeout: welded (CPH-82).</summary>
        Welded = 4,

        /// <summary>Coil on but the contacts are open past the feedback timeout: coil, supply or feedback failure.</summary>
        FailedToClose = 5,
    }
}
