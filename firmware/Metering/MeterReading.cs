namespace Wallbox.Firmware.Metering
{
    /// <summary>
    /// One reading of the energy meter on the charging circuit, in integer units (no float rounding reaches a bill):
    /// energy in Wh, power in W, currents in mA, voltages in mV, frequency in mHz. Reused: copied, never allocated per reading.
    /// </summary>
    public sealed class MeterReading
    {
        /// <summary>Phases measured (1 or 3).</summary>
        public int PhaseCount = 1;

        /// <summary>Active energy imported (register), watt-hours.</summary>
        public long EnergyImportWh;

        /// <summary>Total active power imported, watts.</summary>
        public int PowerW;

        /// <summary>Current per phase (index 0 = L1), milliamperes.</summary>
        public readonly int[] CurrentMa = new int[3];

        /// <summary>Phase-to-neutral voltage per phase (index 0 = L1), millivolts.</summary>
        public readonly int[] VoltageMv = new int[3];

        /// <summary>Mains frequency, millihertz.</summary>
        public int FrequencyMilliHz;

        /// <summary>When it was taken (HAL monotonic clock), milliseconds.</summary>
        public long TakenAtMs;

        /// <summary>Copies <paramref name="other"/> into this instance.</summary>
        public void CopyFrom(MeterReading other)
        {
            PhaseCount = other.PhaseCount;
            EnergyImportWh = other.EnergyImportWh;
            PowerW = other.PowerW;
            FrequencyMilliHz = other.FrequencyMilliHz;
            TakenAtMs = other.TakenAtMs;
            for (int i = 0; i < 3; i++)
            {
                CurrentMa[i] = other.CurrentMa[i];
                VoltageMv[i] = other.VoltageMv[i];
            }
        }
    }
}
