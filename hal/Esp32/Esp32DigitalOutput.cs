using System.Device.Gpio;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// A logical output on one GPIO (System.Device.Gpio). The polarity is fixed at construction:
    /// "on" drives the pin high, or low for an active-low output.
    /// </summary>
    /// <remarks>
    /// The pin is opened without a mode, set to the inactive level and only then switched to output, so the
    /// load is not pulsed at start-up on boards with active-low drivers. Whether the ESP32 native layer accepts a
    /// write before the output mode (gpio_set_level on the output latch) is not verifiable on the host; if it
    /// refuses, the second write follows within microseconds. Between reset and this constructor the pin floats:
    /// the board's pull resistors must hold every load in its safe state (contactor open).
    /// Exceptions from the GPIO driver propagate: a failing safety output must reach the loop's fail-safe.
    /// </remarks>
    public sealed class Esp32DigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;
        private readonly bool _activeLow;
        private bool _isOn;

        /// <summary>Opens <paramref name="pinNumber"/> as an output, initially off.</summary>
        /// <param name="controller">GPIO controller shared by the board.</param>
        /// <param name="pinNumber">ESP32 GPIO number (from the board's pin map).</param>
        /// <param name="activeLow">True when the load is on while the pin is low.</param>
        /// <param name="openDrain">True for an open-drain output (external pull-up).</param>
        public Esp32DigitalOutput(GpioController controller, int pinNumber, bool activeLow, bool openDrain)
        {
            _activeLow = activeLow;
            _pin = controller.OpenPin(pinNumber);
            try
            {
                _pin.Write(LevelFor(false));
            }
            catch (System.Exception)
            {
                // Native layer refused a write before the output mode; the write below sets the level.
            }

            _pin.SetPinMode(openDrain ? PinMode.OutputOpenDrain : PinMode.Output);
            _pin.Write(LevelFor(false));
        }

        /// <inheritdoc />
        public bool IsOn
        {
            get { return _isOn; }
        }

        /// <inheritdoc />
        public void Set(bool on)
        {
            _pin.Write(LevelFor(on));
            _isOn = on;
        }

        private PinValue LevelFor(bool on)
        {
            return on != _activeLow ? PinValue.High : PinValue.Low;
        }
    }
}
