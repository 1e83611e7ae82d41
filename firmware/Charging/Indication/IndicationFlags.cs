namespace Wallbox.Firmware.Charging.Indication
{
    /// <summary>
    /// Conditions from outside the charging controller that the status light shows. The services that know them
    /// set them (OCPP connection, reservations, RFID, firmware update, commissioning).
    /// </summary>
    public sealed class IndicationFlags
    {
        /// <summary>The central system is not reachable (CPH-15 white).</summary>
        public bool Offline;

        /// <summary>The connector is reserved (CPH-10 orange).</summary>
        public bool Reserved;

        /// <summary>A card is being authorised (CPH-08 green blinking).</summary>
        public bool CardAuthorizing;

        /// <summary>Until this monotonic time a rejected card is shown, milliseconds (CPH-17: 3 s of yellow blinking).</summary>
        public long CardRejectedUntilMs = long.MinValue;

        /// <summary>A firmware update is being installed (CPH-13/14; CPH-18 asks for one colour: yellow blinking).</summary>
        public bool FirmwareUpdating;

        /// <summary>The wallbox has never been configured for a central system (CPH-13, CPH-24).</summary>
        public bool NotCommissioned;
    }
}
