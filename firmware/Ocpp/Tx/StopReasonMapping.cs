using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Ocpp.Tx
{
    /// <summary>The charging controller's <see cref="StopReason"/> as OCPP 1.6 StopTransaction.req reason (§7.33).</summary>
    public static class StopReasonMapping
    {
        /// <summary>The wire reason of <paramref name="reason"/>.</summary>
        public static Reason ToWire(StopReason reason)
        {
            switch (reason)
            {
                case StopReason.Local:
                    return Reason.Local;
                case StopReason.Remote:
                    return Reason.Remote;
                case StopReason.EvDisconnected:
                    return Reason.EVDisconnected;
                case StopReason.PowerLoss:
                    return Reason.PowerLoss;
                case StopReason.DeAuthorized:
                    return Reason.DeAuthorized;
                case StopReason.EmergencyStop:
                    return Reason.EmergencyStop;
                case StopReason.HardReset:
                    return Reason.HardReset;
                case StopReason.SoftReset:
                    return Reason.SoftReset;
                case StopReason.UnlockCommand:
                    return Reason.UnlockCommand;
                case StopReason.Reboot:
                    return Reason.Reboot;
                default:
                    return Reason.Other;
            }
        }
    }
}
