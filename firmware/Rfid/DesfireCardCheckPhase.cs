namespace Wallbox.Firmware.Rfid
{
    /// <summary>Step of a <see cref="DesfireCardCheck"/>.</summary>
    public enum DesfireCardCheckPhase
    {
        /// <summary>Never started.</summary>
        Idle,

        /// <summary>RATS sent; waiting for the ATS and the start-up frame guard time (ISO/IEC 14443-4 5.1, 5.2.5).</summary>
        Activating,

        /// <summary>The DESFire session runs.</summary>
        Session,

        /// <summary>S(DESELECT) sent (ISO/IEC 14443-4 clause 8).</summary>
        Deselecting,

        /// <summary>Done: results valid until the next start.</summary>
        Finished,
    }
}
