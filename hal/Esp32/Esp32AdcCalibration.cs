namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Linear conversion from raw ESP32 ADC counts to millivolts at the connector side of a board's divider:
    /// <c>mV = OffsetMv + counts × GainMicrovoltsPerCount / 1000</c>.
    /// </summary>
    /// <remarks>
    /// Gain and offset come from the board's divider and are best measured per board at end-of-line test with two
    /// reference voltages, because the ESP32 SAR ADC has a part-to-part reference spread of about ±6 % and is
    /// non-linear near both ends of its range (ESP32 datasheet §5.5, ESP-IDF "ADC calibration"). Keep the signal in
    /// the linear middle of the range by design of the divider. Integer arithmetic only (no floating point on the
    /// sampling path).
    /// </remarks>
    public sealed class Esp32AdcCalibration
    {
        private const long MicrovoltsPerMillivolt = 1000;

        /// <summary>Creates a calibration.</summary>
        /// <param name="gainMicrovoltsPerCount">Connector-side microvolts per ADC count (may be negative for an inverting front end).</param>
        /// <param name="offsetMv">Connector-side millivolts at 0 counts.</param>
        public Esp32AdcCalibration(int gainMicrovoltsPerCount, int offsetMv)
        {
            GainMicrovoltsPerCount = gainMicrovoltsPerCount;
            OffsetMv = offsetMv;
        }

        /// <summary>Connector-side microvolts per ADC count.</summary>
        public int GainMicrovoltsPerCount { get; private set; }

        /// <summary>Connector-side millivolts at 0 counts.</summary>
        public int OffsetMv { get; private set; }

        /// <summary>Converts raw counts to connector-side millivolts (rounded to nearest).</summary>
        public int ToMillivolts(int counts)
        {
            long product = counts * (long)GainMicrovoltsPerCount;
            long half = product >= 0 ? MicrovoltsPerMillivolt / 2 : -(MicrovoltsPerMillivolt / 2);
            return OffsetMv + (int)((product + half) / MicrovoltsPerMillivolt);
        }
    }
}
