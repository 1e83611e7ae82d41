namespace Wallbox.Hal
{
    /// <summary>Restarts the firmware (OCPP Reset, configuration changes that need a reboot).</summary>
    public interface IResetController
    {
        /// <summary>
        /// Restarts the board. On the device this does not return; in simulation it records the request and the
        /// board restarts the firmware before the next loop pass. Callers must already have brought the
        /// charge point to a safe state and committed everything they need to keep.
        /// </summary>
        void Restart();
    }
}
