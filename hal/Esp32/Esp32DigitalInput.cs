using System;
using System.Device.Gpio;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// A logical input on one GPIO (System.Device.Gpio): reads the pin level and maps the polarity.
    /// No debouncing here: drivers debounce over several ticks where the signal needs it.
    /// </summary>
    public sealed class Esp32DigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;

        /// <summary>Opens <paramref name="pinNumber"/> as an input.</summary>
        /// <param name="controller">GPIO controller shared by the board.</param>
        /// <param name="pinNumber">ESP32 GPIO number (from the board's pin map).</param>
        /// <param name="mode"><see cref="PinMode.Input"/>, <see cref="PinMode.InputPullUp"/> or <see cref="PinMode.InputPullDown"/>.
        /// GPIO34..39 of the ESP32 have no internal pulls (ESP32 datasheet §4.1.1); use an external resistor there.</param>
        /// <param name="activeLow">True when the signal is asserted while the pin is low (e.g. a contact to ground with a pull-up).</param>
        public Esp32DigitalInput(GpioController controller, int pinNumber, PinMode mode, bool activeLow)
        {
            if (mode != PinMode.Input && mode != PinMode.InputPullUp && mode != PinMode.InputPullDown)
            {
                throw new ArgumentException("not an input mode", "mode");
            }

            _activeLow = activeLow;
            _pin = controller.OpenPin(pinNumber, mode);
        }

        /// <inheritdoc />
        public bool IsActive
        {
            get
            {
                bool high = PinValue.High.Equals(_pin.Read());
                return high != _activeLow;
            }
        }
    }
}
