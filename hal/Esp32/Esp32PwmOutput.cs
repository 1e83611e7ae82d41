using System;
using System.Device.Pwm;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// A fixed-frequency PWM output on the ESP32 LEDC peripheral through System.Device.Pwm.PwmChannel, with the
    /// duty cycle in 0.1 % steps. For the control pilot the board creates it at 1 kHz (IEC 61851-1 Annex A).
    /// </summary>
    /// <remarks>
    /// <para>Pin function: the board calls <c>nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(pin,
    /// DeviceFunction.PWMn)</c> before constructing this class, so every pin-mux decision stays in the board's
    /// composition root. <c>PwmChannel.CreateFromPin</c> returns null for a pin without a PWM function; the
    /// constructor then throws, so a missing assignment fails at boot, not at the first pilot change.</para>
    /// <para>Steady levels: 0 ‰ sets <c>DutyCycle = 0.0</c> (constant low, state F −12 V after the pilot driver
    /// stage) and 1000 ‰ sets exactly <c>1.0</c> (constant high, +12 V). ESP-IDF accepts an LEDC duty of
    /// 2^resolution, which is a constant high level (ledc_set_duty, duty range [0, 2^duty_resolution]); that the
    /// nanoFramework native layer scales 1.0 to that full-scale value is not verifiable here and must be
    /// checked with an oscilloscope on the board (no 15 ns low pulse per period).</para>
    /// <para>The LEDC hardware applies a new duty at the next period boundary, so changes are glitch-free.
    /// Driver exceptions propagate to the loop's fail-safe.</para>
    /// </remarks>
    public sealed class Esp32PwmOutput : IPwmOutput
    {
        private const double PermillePerUnit = 1000.0;

        private readonly PwmChannel _channel;
        private int _dutyPermille;

        /// <summary>Starts PWM on <paramref name="pinNumber"/> at <paramref name="frequencyHz"/>, initially at 0 ‰ (steady low).</summary>
        /// <param name="pinNumber">ESP32 GPIO already assigned a PWMn function by the board.</param>
        /// <param name="frequencyHz">PWM frequency, hertz (1000 for the control pilot).</param>
        public Esp32PwmOutput(int pinNumber, int frequencyHz)
        {
            if (frequencyHz <= 0)
            {
                throw new ArgumentOutOfRangeException("frequencyHz");
            }

            PwmChannel channel = PwmChannel.CreateFromPin(pinNumber, frequencyHz, 0.0);
            if (channel == null)
            {
                throw new InvalidOperationException("pin has no PWM function: call Configuration.SetPinFunction(pin, DeviceFunction.PWMn) first");
            }

            _channel = channel;
            FrequencyHz = frequencyHz;
            _dutyPermille = PwmDuty.ZeroDutyPermille;
            _channel.DutyCycle = 0.0;
            _channel.Start();
        }

        /// <inheritdoc />
        public int FrequencyHz { get; private set; }

        /// <inheritdoc />
        public int DutyPermille
        {
            get { return _dutyPermille; }
        }

        /// <inheritdoc />
        public void SetDutyPermille(int dutyPermille)
        {
            int clamped = dutyPermille;
            if (clamped < PwmDuty.ZeroDutyPermille)
            {
                clamped = PwmDuty.ZeroDutyPermille;
            }
            else if (clamped > PwmDuty.FullDutyPermille)
            {
                clamped = PwmDuty.FullDutyPermille;
            }

            if (clamped == _dutyPermille)
            {
                return;
            }

            // 0 and 1000 divide to exactly 0.0 and 1.0 in IEEE 754 double.
            _channel.DutyCycle = clamped / PermillePerUnit;
            _dutyPermille = clamped;
        }
    }
}
