// System.Device.Pwm (nanoFramework.System.Device.Pwm 1.1), System.Device.Pwm/PwmChannel.cs.
namespace System.Device.Pwm
{
    // T sealed class System.Device.Pwm.PwmChannel : System.Object, System.IDisposable
    public sealed class PwmChannel : IDisposable
    {
        // The public constructor (chip, channel, ...) is not used; CreateFromPin is.
        internal PwmChannel() { }

        // P System.Device.Pwm.PwmChannel.DutyCycle : System.Double {get;set}
        public double DutyCycle { get { throw null; } set { throw null; } }

        // M System.Device.Pwm.PwmChannel.CreateFromPin(System.Int32, System.Int32 = 400, System.Double = 0.5) : System.Device.Pwm.PwmChannel static
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { throw null; }

        // M System.Device.Pwm.PwmChannel.Start() : System.Void
        public void Start() { throw null; }

        // M System.Device.Pwm.PwmChannel.Dispose() : System.Void
        public void Dispose() { throw null; }
    }
}
