namespace Wallbox.Firmware.Charging.Protection
{
    /// <summary>
    /// Over-temperature protection of the terminal block and contactor (CPH-41..46): linear derating of the offer
    /// above a first threshold, a stop above a second with hysteresis, and a sensor failure that stops charging,
    /// because without the sensor nothing protects the terminals.
    /// </summary>
    /// <remarks>
    /// The sources name the faults but give no thresholds; these are our choice for terminal blocks rated
    /// 105 °C with 90 °C conductors (CPH-71 item 10), leaving 20 K of margin at the stop point.
    /// </remarks>
    public sealed class TemperatureProtection
    {
        /// <summary>Full current up to this temperature, tenths of °C.</summary>
        public const int DeratingStartDeciC = 650;

        /// <summary>Derated to the 6 A minimum at this temperature, tenths of °C.</summary>
        public const int DeratingEndDeciC = 800;

        /// <summary>Charging stops at or above this temperature, tenths of °C.</summary>
        public const int StopDeciC = 850;

        /// <summary>After a stop, charging may resume below this temperature, tenths of °C (10 K hysteresis).</summary>
        public const int ResumeDeciC = 750;

        /// <summary>Smallest derated current, milliamperes (the smallest offer, IEC 61851-1 Table A.8).</summary>
        public const int MinimumMa = 6000;

        /// <summary>True while the temperature is too high (fault <c>HighTemperature</c>).</summary>
        public bool IsStopped { get; private set; }

        /// <summary>True while the sensor fails (fault <c>TemperatureSensorFailure</c>).</summary>
        public bool SensorFailed { get; private set; }

        /// <summary>Last good reading, tenths of °C.</summary>
        public int LastDeciC { get; private set; }

        /// <summary>
        /// Feeds one reading; returns the derating limit in milliamperes for a wallbox rated
        /// <paramref name="ratingMa"/> (<see cref="CurrentLimits.Unlimited"/> below the derating range).
        /// </summary>
        public int Update(bool readingOk, int deciC, int ratingMa)
        {
            SensorFailed = !readingOk;
            if (!readingOk)
            {
                return CurrentLimits.Unlimited;
            }

            LastDeciC = deciC;
            if (deciC >= StopDeciC)
            {
                IsStopped = true;
            }
            else if (IsStopped && deciC < ResumeDeciC)
            {
                IsStopped = false;
            }

            if (deciC <= DeratingStartDeciC)
            {
                return CurrentLimits.Unlimited;
            }

            if (deciC >= DeratingEndDeciC)
            {
                return MinimumMa;
            }

            long span = ratingMa - MinimumMa;
            return ratingMa - (int)(span * (deciC - DeratingStartDeciC) / (DeratingEndDeciC - DeratingStartDeciC));
        }
    }
}
