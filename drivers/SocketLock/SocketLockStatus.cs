namespace Wallbox.Drivers.SocketLock
{
    /// <summary>State of the socket-lock actuator.</summary>
    public enum SocketLockStatus
    {
        /// <summary>Pin retracted (feedback inactive), motor idle.</summary>
        Unlocked = 0,

        /// <summary>Driving towards locked.</summary>
        Locking = 1,

        /// <summary>Pin out (feedback active), motor idle.</summary>
        Locked = 2,

        /// <summary>Driving towards unlocked.</summary>
        Unlocking = 3,

        /// <summary>Locking did not complete after its retries (plug not fully in, jammed): CPH-22, ConnectorLockFailure.</summary>
        LockFailed = 4,

        /// <summary>Unlocking did not complete after its retries: the plug stays held (CPH-22 "retry ending the session").</summary>
        UnlockFailed = 5,

        /// <summary>Was locked, and the feedback dropped without an unlock command: the plug is no longer held.</summary>
        LockLost = 6,
    }
}
