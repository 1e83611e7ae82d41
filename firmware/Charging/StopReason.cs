namespace Wallbox.Firmware.Charging
{
    /// <summary>Why a session ended; the values mirror OCPP 1.6 StopTransaction.reason.</summary>
    public enum StopReason
    {
        /// <summary>No session has ended yet.</summary>
        None = 0,

        /// <summary>Stopped locally (card presented again, button). OCPP: Local.</summary>
        Local = 1,

        /// <summary>Stopped by the central system. OCPP: Remote.</summary>
        Remote = 2,

        /// <summary>The EV was unplugged. OCPP: EVDisconnected.</summary>
        EvDisconnected = 3,

        /// <summary>The mains failed and the session was not resumed. OCPP: PowerLoss.</summary>
        PowerLoss = 4,

        /// <summary>The idTag was no longer authorised. OCPP: DeAuthorized.</summary>
        DeAuthorized = 5,

        /// <summary>An emergency stop (a fault that latches). OCPP: EmergencyStop.</summary>
        EmergencyStop = 6,

        /// <summary>Hard reset. OCPP: HardReset.</summary>
        HardReset = 7,

        /// <summary>Soft reset. OCPP: SoftReset.</summary>
        SoftReset = 8,

        /// <summary>Unlock command. OCPP: UnlockCommand.</summary>
        UnlockCommand = 9,

        /// <summary>Reboot for another reason. OCPP: Reboot.</summary>
        Reboot = 10,

        /// <summary>Anything else. OCPP: Other.</summary>
        Other = 11,
    }
}
