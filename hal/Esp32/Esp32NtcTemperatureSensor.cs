using System;
using System.Device.Adc;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// An NTC thermistor in a voltage divider on an ESP32 ADC channel, converted with the Beta equation
    /// <c>1/T = 1/T25 + ln(R/R25)/B</c> (T in kelvin; thermistor datasheets, e.g. TDK/EPCOS "NTC thermistors,
    /// general technical information").
    /// </summary>
    /// <remarks>
    /// <para>Divider: the NTC and a fixed series resistor between the divider supply and ground; the ADC measures
    /// the node between them. <c>ntcToGround</c> selects which side the NTC is on. The calibration maps counts to the
    /// node voltage in millivolts (the ESP32 ADC is not ratiometric to the divider supply, so a ratio of full scale
    /// would be wrong).</para>
    /// <para>Faults: a node voltage within <see cref="OpenShortMarginMv"/> of either rail means an open or shorted NTC
    /// (or a broken wire) and gives false, as does a result outside <see cref="MinPlausibleDeciCelsius"/>..
    /// <see cref="MaxPlausibleDeciCelsius"/>. The caller treats a missing reading as the hottest case.</para>
    /// <para>Cost: <see cref="SampleCount"/> conversions plus one <c>Math.Log</c> (System.Math, double) per reading.</para>
    /// </remarks>
    public sealed class Esp32NtcTemperatureSensor : ITemperatureSensor
    {
        /// <summary>Conversions averaged per reading.</summary>
        public const int SampleCount = 8;

        /// <summary>A node voltage this close to 0 V or to the supply is an open or shorted sensor, millivolts.</summary>
        public const int OpenShortMarginMv = 50;

        /// <summary>Lowest credible reading, tenths of °C.</summary>
        public const int MinPlausibleDeciCelsius = -500;

        /// <summary>Highest credible reading, tenths of °C.</summary>
        public const int MaxPlausibleDeciCelsius = 2000;

        private const double KelvinAtZeroCelsius = 273.15;
        private const double ReferenceTemperatureKelvin = 298.15;

        private readonly AdcChannel _channel;
        private readonly Esp32AdcCalibration _calibration;
        private readonly int _supplyMv;
        private readonly int _seriesResistorOhms;
        private readonly bool _ntcToGround;
        private readonly int _ntcOhmsAt25C;
        private readonly int _betaKelvin;

        /// <summary>Creates a sensor.</summary>
        /// <param name="channel">ADC1 channel at the divider node (opened by the board).</param>
        /// <param name="calibration">Counts to node millivolts.</param>
        /// <param name="supplyMv">Divider supply, millivolts (e.g. 3300).</param>
        /// <param name="seriesResistorOhms">Fixed resistor of the divider, ohms.</param>
        /// <param name="ntcToGround">True when the NTC is between the node and ground (fixed resistor to the supply).</param>
        /// <param name="ntcOhmsAt25C">NTC resistance at 25 °C, ohms (R25).</param>
        /// <param name="betaKelvin">NTC B constant, kelvin (e.g. 3435 for B25/85).</param>
        public Esp32NtcTemperatureSensor(AdcChannel channel, Esp32AdcCalibration calibration, int supplyMv, int seriesResistorOhms, bool ntcToGround, int ntcOhmsAt25C, int betaKelvin)
        {
            if (channel == null)
            {
                throw new ArgumentNullException("channel");
            }

            if (calibration == null)
            {
                throw new ArgumentNullException("calibration");
            }

            if (supplyMv <= 2 * OpenShortMarginMv || seriesResistorOhms <= 0 || ntcOhmsAt25C <= 0 || betaKelvin <= 0)
            {
                throw new ArgumentOutOfRangeException("supplyMv", "divider parameters must be positive");
            }

            _channel = channel;
            _calibration = calibration;
            _supplyMv = supplyMv;
            _seriesResistorOhms = seriesResistorOhms;
            _ntcToGround = ntcToGround;
            _ntcOhmsAt25C = ntcOhmsAt25C;
            _betaKelvin = betaKelvin;
        }

        /// <inheritdoc />
        public bool TryReadDeciCelsius(out int deciCelsius)
        {
            deciCelsius = 0;
            int counts;
            if (!Esp32AdcAverage.TryRead(_channel, SampleCount, out counts))
            {
                return false;
            }

            int nodeMv = _calibration.ToMillivolts(counts);
            if (nodeMv <= OpenShortMarginMv || nodeMv >= _supplyMv - OpenShortMarginMv)
            {
                return false;
            }

            // Divider: V_node = V_supply × R_low / (R_high + R_low).
            double ntcOhms = _ntcToGround
                ? (double)_seriesResistorOhms * nodeMv / (_supplyMv - nodeMv)
                : (double)_seriesResistorOhms * (_supplyMv - nodeMv) / nodeMv;

            double inverseKelvin = (1.0 / ReferenceTemperatureKelvin) + (Math.Log(ntcOhms / _ntcOhmsAt25C) / _betaKelvin);
            if (inverseKelvin <= 0.0)
            {
                return false;
            }

            double celsius = (1.0 / inverseKelvin) - KelvinAtZeroCelsius;
            int result = (int)Math.Round(celsius * 10.0);
            if (result < MinPlausibleDeciCelsius || result > MaxPlausibleDeciCelsius)
            {
                return false;
            }

            deciCelsius = result;
            return true;
        }
    }
}
