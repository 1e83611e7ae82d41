// System.Device.Adc (nanoFramework.System.Device.Adc 1.1), System.Device.Adc/AdcChannel*.cs.
namespace System.Device.Adc
{
    // T abstract class System.Device.Adc.AdcChannelBase : System.Object
    public abstract class AdcChannelBase
    {
        // M System.Device.Adc.AdcChannelBase.ReadValue() : System.Int32 abstract
        public abstract int ReadValue();
    }

    // T class System.Device.Adc.AdcChannel : System.Device.Adc.AdcChannelBase, System.IDisposable
    public class AdcChannel : AdcChannelBase, IDisposable
    {
        // No public constructor: channels come from AdcController.OpenChannel.
        internal AdcChannel() { }

        // M System.Device.Adc.AdcChannel.ReadValue() : System.Int32 override
        public override int ReadValue() { throw null; }

        // M System.Device.Adc.AdcChannel.Dispose() : System.Void
        public void Dispose() { throw null; }
    }
}
