namespace Wallbox.Firmware.Charging
{
    /// <summary>
    /// The life of one charging session as one explicit value (not a set of flags): what was authorised, and
    /// whether it is still running. Persisted with the session number so a power cut cannot lose it.
    /// </summary>
    public enum SessionPhase
    {
        /// <summary>No session.</summary>
        None = 0,

        /// <summary>Authorised before plug-in; waits for the EV until the connection timeout.</summary>
        Pending = 1,

        /// <summary>Authorised with an EV plugged in: energy may flow whenever the EV asks and nothing prevents it.</summary>
        Active = 2,

        /// <summary>Ended (stopped by the user, remotely, by a fault or a timeout) with the EV still plugged in.</summary>
        Finishing = 3,
    }
}
