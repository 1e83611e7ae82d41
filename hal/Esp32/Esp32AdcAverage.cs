using System;
using System.Device.Adc;

namespace Wallbox.Hal.Esp32
{
    /// <summary>Averages several conversions of an ADC channel (shared by the analog and NTC inputs).</summary>
    internal static class Esp32AdcAverage
    {
        /// <summary>
        /// Reads <paramref name="sampleCount"/> conversions and returns their rounded mean in counts.
        /// False when the driver throws or returns a negative value.
        /// </summary>
        public static bool TryRead(AdcChannel channel, int sampleCount, out int averageCounts)
        {
            averageCounts = 0;
            long sum = 0;
            try
            {
                for (int i = 0; i < sampleCount; i++)
                {
                    int counts = channel.ReadValue();
                    if (counts < 0)
                    {
                        return false;
                    }

                    sum += counts;
                }
            }
            catch (Exception)
            {
                return false;
            }

            averageCounts = (int)((sum + (sampleCount / 2)) / sampleCount);
            return true;
        }
    }
}
