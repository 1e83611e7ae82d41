using System;
using System.Device.Adc;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Measures the control-pilot plateaus (IEC 61851-1 Annex A, Figure A.1 measuring point) with a burst of
    /// ESP32 ADC reads that spans more than one 1 kHz PWM period, reduced to the minimum and maximum.
    /// </summary>
    /// <remarks>
    /// <para>Why a burst: nanoFramework 1.x exposes only single, software-started conversions
    /// (<c>AdcChannel.ReadValue()</c>); there is no ADC trigger synchronised to the LEDC PWM edges and no DMA
    /// capture API (see System.Device.Adc.txt). The sampler therefore reads as fast as the interpreter allows
    /// for at least <see cref="BurstWindowUs"/> (longer than one 1 000 µs PWM period), so that samples land on
    /// both plateaus, and reports the highest and the lowest value. A steady generator level gives the same
    /// value for both.</para>
    /// <para>Cost: every <see cref="TryRead"/> keeps the calling (loop) thread busy for the whole window, about
    /// 1.2 ms plus one read, bounded additionally by <see cref="MaxBurstSamples"/>. One managed
    /// <c>ReadValue()</c> on the ESP32 takes tens of microseconds (interpreter call plus the SAR conversion),
    /// so a burst holds roughly 20–60 samples; the exact figure must be measured on the device.</para>
    /// <para>Limits: with tens of microseconds between samples a plateau shorter than about two sample
    /// intervals can be missed or caught on an edge: at 5 % duty (digital communication, 50 µs high) the high
    /// plateau is not measured reliably. The low plateau (−12 V, EV diode check) is at least 50 % of the period
    /// at every duty used for charging. Boards that need the 5 % high plateau use a pilot co-processor that
    /// samples in sync with the PWM and implements <see cref="IPilotSampler"/> over UART.</para>
    /// <para>Only the calling thread reads the channel; the class holds no state between calls.</para>
    /// </remarks>
    public sealed class Esp32PilotSampler : IPilotSampler
    {
        /// <summary>Duration of a burst, microseconds: more than one 1 kHz PWM period (1 000 µs).</summary>
        public const int BurstWindowUs = 1200;

        /// <summary>Upper bound on samples per burst, whatever the read speed.</summary>
        public const int MaxBurstSamples = 200;

        /// <summary>Fewest samples a burst must contain to be trusted (else the ADC or the scheduler misbehaved).</summary>
        public const int MinBurstSamples = 8;

        private readonly AdcChannel _channel;
        private readonly Esp32AdcCalibration _calibration;
        private readonly IMonotonicClock _clock;

        /// <summary>Creates a sampler on the pilot ADC channel.</summary>
        /// <param name="channel">ADC1 channel wired to the pilot divider (opened by the board; ADC2 is unusable while Wi-Fi runs, ESP32 TRM §29).</param>
        /// <param name="calibration">Raw counts to pilot millivolts (divider gain and offset).</param>
        /// <param name="clock">Monotonic clock for the burst window and the sample timestamp.</param>
        public Esp32PilotSampler(AdcChannel channel, Esp32AdcCalibration calibration, IMonotonicClock clock)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (calibration == null)
            {
                throw new ArgumentNullException("calibration");
            }

            if (clock == null)
            {
                throw new ArgumentNullException("clock");
            }

            _channel = channel;
            _calibration = calibration;
            _clock = clock;
        }

        /// <inheritdoc />
        public bool TryRead(out PilotSample sample)
        {
            sample = default(PilotSample);
            int minCounts = int.MaxValue;
            int maxCounts = int.MinValue;
            int samples = 0;
            long startUs = _clock.NowUs;
            long nowUs = startUs;
            try
            {
                while (samples < MaxBurstSamples && nowUs - startUs < BurstWindowUs)
                {
                    int counts = _channel.ReadValue();
                    if (counts < 0)
                    {
                        return false;
                    }

                    if (counts < minCounts)
                    {
                        minCounts = counts;
                    }

                    if (counts > maxCounts)
                    {
                        maxCounts = counts;
                    }

                    samples++;
                    nowUs = _clock.NowUs;
                }
            }
            catch (Exception)
            {
                // A native ADC error surfaces as an exception; the contract is "false on ADC failure".
                return false;
            }

            if (samples < MinBurstSamples)
            {
                return false;
            }

            int a = _calibration.ToMillivolts(maxCounts);
            int b = _calibration.ToMillivolts(minCounts);

            // An inverting front end (negative gain) maps the highest count to the lowest voltage.
            int highMv = a >= b ? a : b;
            int lowMv = a >= b ? b : a;
            sample = new PilotSample(highMv, lowMv, nowUs / 1000);
            return true;
        }
    }
}
