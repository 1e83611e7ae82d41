using System;
using System.Net.NetworkInformation;
using System.Threading;

namespace Wallbox.Hal.Esp32
{
    /// <summary>
    /// Observes one IP interface of the ESP32 (Wi-Fi station or Ethernet) through nanoFramework's
    /// System.Net.NetworkInformation. It does not connect anything: Wi-Fi provisioning and association
    /// (System.Device.Wifi / WifiNetworkHelper, stored Wireless80211Configuration) are the board's job.
    /// </summary>
    /// <remarks>
    /// <para>State rule: <see cref="NetworkLinkState.Up"/> when the interface has a non-zero IPv4 address;
    /// otherwise <see cref="NetworkLinkState.Connecting"/> when <c>NetworkInterface.GetIsNetworkAvailable()</c> reports
    /// an available network (link up, address pending), else <see cref="NetworkLinkState.Down"/>. What the native
    /// GetIsNetworkAvailable considers "available" on the ESP32 is not verifiable here; if it only turns true with an
    /// address, Connecting is simply never reported.</para>
    /// <para>Refresh: the snapshot is re-read on the NetworkChange events (NetworkAddressChanged,
    /// NetworkAvailabilityChanged; raised on nanoFramework's event thread) and, as a safety net against a missed
    /// event, every <see cref="RefreshIntervalMs"/> by a System.Threading.Timer. Each refresh allocates the interface
    /// array (GetAllNetworkInterfaces), which is why it is not done on the loop. The refresh reads the interfaces
    /// outside the publishing lock, so the loop-facing getters only wait for two field copies.</para>
    /// </remarks>
    public sealed class Esp32NetworkLink : INetworkLink
    {
        /// <summary>Period of the safety-net refresh, milliseconds.</summary>
        public const int RefreshIntervalMs = 2000;

        private const string NoAddress = "0.0.0.0";

        private readonly NetworkInterfaceType _interfaceType;

        // Serialises refreshes (event thread and timer thread).
        private readonly object _refreshGate = new object();

        // Guards the published snapshot (no 'volatile' in nanoFramework: its mscorlib has no IsVolatile).
        private readonly object _snapshotGate = new object();

        // Kept referenced so the garbage collector does not collect (and stop) the timer.
        private readonly Timer _refreshTimer;
        private int _state;
        private string _address = string.Empty;

        /// <summary>Starts observing the first interface of <paramref name="interfaceType"/>.</summary>
        /// <param name="interfaceType">Wireless80211 (Wi-Fi station) or Ethernet, as the board is built.</param>
        public Esp32NetworkLink(NetworkInterfaceType interfaceType)
        {
            _interfaceType = interfaceType;
            Refresh();
            NetworkChange.NetworkAddressChanged += OnAddressChanged;
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
            _refreshTimer = new Timer(OnRefreshTimer, null, RefreshIntervalMs, RefreshIntervalMs);
        }

        /// <inheritdoc />
        public NetworkLinkState State
        {
            get
            {
                Monitor.Enter(_snapshotGate);
                try
                {
                    return (NetworkLinkState)_state;
                }
                finally
                {
                    Monitor.Exit(_snapshotGate);
                }
            }
        }

        /// <inheritdoc />
        public string Address
        {
            get
            {
                Monitor.Enter(_snapshotGate);
                try
                {
                    return _address;
                }
                finally
                {
                    Monitor.Exit(_snapshotGate);
                }
            }
        }

        private void OnAddressChanged(object sender, EventArgs e)
        {
            Refresh();
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            Refresh();
        }

        private void OnRefreshTimer(object state)
        {
            Refresh();
        }

        private void Refresh()
        {
            Monitor.Enter(_refreshGate);
            try
            {
                string address;
                NetworkLinkState state;
                try
                {
                    address = ReadAddress();
                    state = address.Length > 0 ? NetworkLinkState.Up
                        : NetworkInterface.GetIsNetworkAvailable() ? NetworkLinkState.Connecting : NetworkLinkState.Down;
                }
                catch (Exception)
                {
                    address = string.Empty;
                    state = NetworkLinkState.Down;
                }

                Publish(state, address);
            }
            finally
            {
                Monitor.Exit(_refreshGate);
            }
        }

        // State and address change together: Address is empty unless the state is Up.
        private void Publish(NetworkLinkState state, string address)
        {
            Monitor.Enter(_snapshotGate);
            try
            {
                _state = (int)state;
                _address = address;
            }
            finally
            {
                Monitor.Exit(_snapshotGate);
            }
        }

        // Dotted IPv4 address of the observed interface, or "" when it has none.
        private string ReadAddress()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == _interfaceType)
                {
                    string address = interfaces[i].IPv4Address;
                    return address == null || address.Length == 0 || address == NoAddress ? string.Empty : address;
                }
            }

            return string.Empty;
        }
    }
}
