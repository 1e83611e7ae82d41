namespace Wallbox.Firmware.Ocpp.Boot
{
    /// <summary>What the charge point says about itself in BootNotification.req (CPL-23: hardware, software version).</summary>
    public sealed class ChargePointIdentityInfo
    {
        /// <summary>Vendor (CiString20).</summary>
        public string Vendor = "OpenWallbox";

        /// <summary>Model (CiString20): the board name.</summary>
        public string Model;

        /// <summary>Serial number of the board (CiString25), or null.</summary>
        public string SerialNumber;

        /// <summary>Firmware version (CiString50).</summary>
        public string FirmwareVersion = FirmwareVersionNumber;

        /// <summary>Meter type (CiString25), or null when no meter is fitted.</summary>
        public string MeterType;

        /// <summary>The version of this firmware.</summary>
        public const string FirmwareVersionNumber = "0.6.0";
    }
}
