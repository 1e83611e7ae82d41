// System.Device.Gpio (nanoFramework.System.Device.Gpio 1.1), System.Device.Gpio/*.cs.
namespace System.Device.Gpio
{
    // T sealed class System.Device.Gpio.GpioController : System.Object, System.IDisposable
    public sealed class GpioController : IDisposable
    {
        // C System.Device.Gpio.GpioController..ctor()
        public GpioController() { throw null; }

        // M System.Device.Gpio.GpioController.OpenPin(System.Int32) : System.Device.Gpio.GpioPin
        public GpioPin OpenPin(int pinNumber) { throw null; }

        // M System.Device.Gpio.GpioController.OpenPin(System.Int32, System.Device.Gpio.PinMode) : System.Device.Gpio.GpioPin
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw null; }

        // M System.Device.Gpio.GpioController.Dispose() : System.Void
        public void Dispose() { throw null; }
    }

    // T sealed class System.Device.Gpio.GpioPin : System.Object, System.IDisposable
    public sealed class GpioPin : IDisposable
    {
        // No public constructor: pins come from GpioController.OpenPin.
        internal GpioPin() { }

        // M System.Device.Gpio.GpioPin.Read() : System.Device.Gpio.PinValue extern
        public PinValue Read() { throw null; }

        // M System.Device.Gpio.GpioPin.Write(System.Device.Gpio.PinValue) : System.Void
        public void Write(PinValue value) { throw null; }

        // M System.Device.Gpio.GpioPin.SetPinMode(System.Device.Gpio.PinMode) : System.Void
        public void SetPinMode(PinMode value) { throw null; }

        // M System.Device.Gpio.GpioPin.Dispose() : System.Void
        public void Dispose() { throw null; }
    }

    // T enum System.Device.Gpio.PinMode : System.Int32 (values from System.Device.Gpio/PinMode.cs)
    public enum PinMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
    }

    // T readonly struct System.Device.Gpio.PinValue : System.ValueType
    public readonly struct PinValue
    {
        // P System.Device.Gpio.PinValue.High : System.Device.Gpio.PinValue {get} static
        public static PinValue High { get { throw null; } }

        // P System.Device.Gpio.PinValue.Low : System.Device.Gpio.PinValue {get} static
        public static PinValue Low { get { throw null; } }

        // M System.Device.Gpio.PinValue.Equals(System.Device.Gpio.PinValue) : System.Boolean
        public bool Equals(PinValue other) { throw null; }
    }
}
