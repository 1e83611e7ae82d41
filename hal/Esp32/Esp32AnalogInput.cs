using System;
using System.Device.Adc;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// A slowly changing voltage (proximity-pilot resistor coding, IEC 61851-1 Annex B) read from an ESP32 ADC
    /// channel: the average of <see cref="SampleCount"/> conversions, scaled by the board's calibration.
    /// </summary>
    /// <remarks>
    /// Averaging a few conversions suppresses the ESP32 SAR ADC noise of a few counts (ESP-IDF "ADC" guide
    /// recommends multisampling). Cost: <see cref="SampleCount"/> reads of tens of microseconds each on the
    /// calling thread.
    /// </remarks>
    public sealed class Esp32AnalogInput : IAnalogInput
    {
        /// <summary>Conversions averaged per reading.</summary>
        public const int SampleCount = 8;

        private readonly AdcChannel _channel;
        private readonly Esp32AdcCalibration _calibration;

        /// <summary>Creates an input on an ADC1 channel opened by the board.</summary>
        public Esp32AnalogInput(AdcChannel channel, Esp32AdcCalibration calibration)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (calibration == null)
            {
                throw new ArgumentNullException("calibration");
            }

            _channel = channel;
            _calibration = calibration;
        }

        /// <inheritdoc />
        public bool TryReadMillivolts(out int millivolts)
        {
            millivolts = 0;
            int averageCounts;
            if (!Esp32AdcAverage.TryRead(_channel, SampleCount, out averageCounts))
            {
                return false;
            }

            millivolts = _calibration.ToMillivolts(averageCounts);
            return true;
        }
    }
}
