namespace Wallbox.Firmware.Charging
{
    /// <summary>Everything that can limit the current offered to the EV; the offer is the smallest of them.</summary>
    public enum CurrentLimitSource
    {
        /// <summary>Rating of the wallbox hardware (contactor, wiring), board setting; CPH-31 caps the product at 32 A.</summary>
        Hardware = 0,

        /// <summary>Upstream breaker, through the table of CPH-33.</summary>
        Installation = 1,

        /// <summary>The charging cable: PP resistor of a plugged cable (socket), or the fixed cable's rating (tethered).</summary>
        Cable = 2,

        /// <summary>The maximum the owner set (CPH-31, 1 A steps, CPH-32).</summary>
        User = 3,

        /// <summary>OCPP smart charging (charging profiles).</summary>
        SmartCharging = 4,

        /// <summary>Dynamic load management (grid meter or CT, CPH-87).</summary>
        LoadManagement = 5,

        /// <summary>Temperature derating (CPH-41..46).</summary>
        Derating = 6,
    }
}
