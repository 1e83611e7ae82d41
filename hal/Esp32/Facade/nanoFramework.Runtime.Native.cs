// nanoFramework.Runtime.Native (nanoFramework.Runtime.Native 1.7), Power.cs, RebootOption.cs, RTC.cs.
namespace nanoFramework.Runtime.Native
{
    // T class nanoFramework.Runtime.Native.Power : System.Object
    public class Power
    {
        // M nanoFramework.Runtime.Native.Power.RebootDevice(System.Int32, nanoFramework.Runtime.Native.RebootOption = RebootOption.NormalReboot) : System.Void static
        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) { throw null; }
    }

    // T enum nanoFramework.Runtime.Native.RebootOption : System.Int32 (values from RebootOption.cs)
    public enum RebootOption
    {
        NormalReboot = 0,
    }

    // T static class nanoFramework.Runtime.Native.Rtc : System.Object
    public static class Rtc
    {
        // M nanoFramework.Runtime.Native.Rtc.SetSystemTime(System.DateTime) : System.Boolean static
        public static bool SetSystemTime(System.DateTime time) { throw null; }
    }
}
