namespace Wallbox.Drivers.Meters
{
    /// <summary>
    /// A quantity a meter register holds, with the integer unit <see cref="MeterDecoder"/> converts it to (the units
    /// of <c>Wallbox.Firmware.Metering.MeterReading</c>: Wh, W, mV, mA, mHz).
    /// </summary>
    public enum MeterQuantity
    {
        /// <summary>Active energy imported (the billing register), Wh. Never negative.</summary>
        EnergyImport,

        /// <summary>Active energy exported, Wh. Never negative.</summary>
        EnergyExport,

        /// <summary>Total active power, W; negative while exporting.</summary>
        PowerTotal,

        /// <summary>Active power of L1, W; negative while exporting.</summary>
        PowerL1,

        /// <summary>Active power of L2, W.</summary>
        PowerL2,

        /// <summary>Active power of L3, W.</summary>
        PowerL3,

        /// <summary>Phase-to-neutral voltage of L1, mV. Never negative.</summary>
        VoltageL1,

        /// <summary>Phase-to-neutral voltage of L2, mV.</summary>
        VoltageL2,

        /// <summary>Phase-to-neutral voltage of L3, mV.</summary>
        VoltageL3,

        /// <summary>Current of L1, mA (some meters sign it with the power direction; consumers use the magnitude).</summary>
        CurrentL1,

        /// <summary>Current of L2, mA.</summary>
        CurrentL2,

        /// <summary>Current of L3, mA.</summary>
        CurrentL3,

        /// <summary>Mains frequency, mHz. Never negative.</summary>
        Frequency,

        /// <summary>The meter's serial number as the integer it exposes (identity, read once; never polled with the measurements).</summary>
        SerialNumber,
    }
}
