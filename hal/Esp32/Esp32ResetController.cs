using nanoFramework.Runtime.Native;

namespace Wallbox.Hal.Esp32
{
    /// <summary>Restarts the board with <c>nanoFramework.Runtime.Native.Power.RebootDevice</c> (a full reset of the ESP32).</summary>
    /// <remarks>
    /// <c>RebootDevice(int, RebootOption)</c> first raises <c>Power.OnRebootEvent</c> under an execution constraint
    /// of <see cref="RebootHandlerBudgetMs"/>, then resets natively (Power.cs), so a hanging handler cannot keep the
    /// board from restarting. The call does not return. Callers have already brought the charge point to a safe state
    /// and committed their files, as <see cref="IResetController.Restart"/> requires.
    /// </remarks>
    public sealed class Esp32ResetController : IResetController
    {
        /// <summary>Time reboot event handlers may take before the reset proceeds, milliseconds.</summary>
        public const int RebootHandlerBudgetMs = 500;

        /// <inheritdoc />
        public void Restart()
        {
            Power.RebootDevice(RebootHandlerBudgetMs, RebootOption.NormalReboot);
        }
    }
}
