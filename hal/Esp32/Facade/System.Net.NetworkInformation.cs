// System.Net (nanoFramework.System.Net 1.11), nanoFramework.System.Net/NetworkInformation/*.cs.
// The BCL reference assembly System.Net.NetworkInformation is removed (NanoFrameworkFacade.targets):
// its NetworkInterface is abstract, has no IPv4Address and its NetworkChange events use other delegates.
namespace System.Net.NetworkInformation
{
    // T class System.Net.NetworkInformation.NetworkInterface : System.Object
    public class NetworkInterface
    {
        // The only constructor is protected NetworkInterface(int); instances come from GetAllNetworkInterfaces.
        internal NetworkInterface() { }

        // P System.Net.NetworkInformation.NetworkInterface.IPv4Address : System.String {get}
        public string IPv4Address { get { throw null; } }

        // P System.Net.NetworkInformation.NetworkInterface.NetworkInterfaceType : System.Net.NetworkInformation.NetworkInterfaceType {get}
        public NetworkInterfaceType NetworkInterfaceType { get { throw null; } }

        // M System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces() : System.Net.NetworkInformation.NetworkInterface[] static
        public static NetworkInterface[] GetAllNetworkInterfaces() { throw null; }

        // M System.Net.NetworkInformation.NetworkInterface.GetIsNetworkAvailable() : System.Boolean static extern
        public static bool GetIsNetworkAvailable() { throw null; }
    }

    // T enum System.Net.NetworkInformation.NetworkInterfaceType : System.Int32
    // No member is declared: Wallbox.Hal.Esp32 only compares the value the board passes in
    // (Ethernet = 6, Wireless80211 = 71, WirelessAP = 72 in NetworkInterfaceType.cs).
    public enum NetworkInterfaceType
    {
    }

    // T static class System.Net.NetworkInformation.NetworkChange : System.Object
    public static class NetworkChange
    {
        // E System.Net.NetworkInformation.NetworkChange.NetworkAddressChanged : System.Net.NetworkInformation.NetworkAddressChangedEventHandler static
        public static event NetworkAddressChangedEventHandler NetworkAddressChanged { add { throw null; } remove { throw null; } }

        // E System.Net.NetworkInformation.NetworkChange.NetworkAvailabilityChanged : System.Net.NetworkInformation.NetworkAvailabilityChangedEventHandler static
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged { add { throw null; } remove { throw null; } }
    }

    // T delegate System.Net.NetworkInformation.NetworkAddressChangedEventHandler(System.Object, System.EventArgs) : System.Void
    public delegate void NetworkAddressChangedEventHandler(object sender, EventArgs e);

    // T delegate System.Net.NetworkInformation.NetworkAvailabilityChangedEventHandler(System.Object, System.Net.NetworkInformation.NetworkAvailabilityEventArgs) : System.Void
    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);

    // T class System.Net.NetworkInformation.NetworkAvailabilityEventArgs : System.EventArgs
    public class NetworkAvailabilityEventArgs : EventArgs
    {
        // No public constructor in nanoFramework: the runtime creates the arguments.
        internal NetworkAvailabilityEventArgs() { }
    }
}
