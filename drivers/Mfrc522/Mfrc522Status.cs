namespace Wallbox.Drivers.Mfrc522
{
    /// <summary>Result of polling a command started on the MFRC522.</summary>
    public enum Mfrc522Status
    {
        /// <summary>Still running; poll again at the next tick.</summary>
        Busy,
        /// <summary>Finished; the answer is in the driver's receive buffer.</summary>
        Done,
        /// <summary>The chip's timer expired without an answer (no card).</summary>
        Timeout,
        /// <summary>Bit collision (several cards answered differently); see <see cref="Mfrc522.CollisionPosition"/>.</summary>
        Collision,
        /// <summary>Protocol, parity or buffer error, or a request the driver refused.</summary>
        Error,
    }
}
