using Wallbox.Firmware.Charging;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Tx;
using Wallbox.Hal;

namespace Wallbox.Firmware.Ocpp.Availability
{
    /// <summary>
    /// Availability of the charge point and its connector (OCPP 1.6 §5.2): persisted, so it survives a reboot; an
    /// Inoperative change while a transaction runs is Scheduled and takes effect when the transaction has ended
    /// (WBX-15b: an Inoperative station refuses new sessions); Operative takes effect at once.
    /// </summary>
    public sealed class AvailabilityService : ITickable
    {
        private const string LogSource = "ocpp-availability";

        private readonly OcppSession _session;
        private readonly OcppSettings _settings;
        private readonly ConfigurationStore _configuration;
        private readonly ChargingController _charging;
        private readonly TransactionService _transactions;
        private bool _applied;
        private bool _appliedValue;

        /// <summary>Creates the service.</summary>
        public AvailabilityService(OcppSession session, OcppSettings settings, ConfigurationStore configuration, ChargingController charging, TransactionService transactions)
        {
            _session = session;
            _settings = settings;
            _configuration = configuration;
            _charging = charging;
            _transactions = transactions;
        }

        /// <summary>True when the stored availability is Inoperative but waits for the transaction to end.</summary>
        public bool IsChangeScheduled
        {
            get { return !_applied || Wanted() != _appliedValue; }
        }

        /// <summary>
        /// Stores the availability of <paramref name="connectorId"/> (0 = the charge point); returns false when the
        /// connector does not exist or the value cannot be stored. <paramref name="scheduled"/> tells whether it
        /// waits for a transaction to end.
        /// </summary>
        public bool TryChange(int connectorId, bool operative, out bool scheduled)
        {
            scheduled = false;
            if (connectorId < 0 || connectorId > TransactionService.ConnectorId)
            {
                return false;
            }

            string key = connectorId == 0 ? OcppConfigKeys.ChargePointAvailability : OcppConfigKeys.ConnectorAvailability;
            string reason;
            if (_configuration.SetByFirmware(key, operative ? "Operative" : "Inoperative", out reason) != ConfigChangeStatus.Accepted)
            {
                _session.Log.Error(LogSource, "availability not stored: " + reason);
                return false;
            }

            _settings.Refresh(_configuration);
            scheduled = !operative && _transactions.IsBusy;
            _session.Log.Info(LogSource, "connector " + connectorId.ToString() + " set " + (operative ? "Operative" : "Inoperative") + (scheduled ? " when the transaction ends" : string.Empty));
            return true;
        }

        /// <inheritdoc />
        public void Tick(long nowMs)
        {
            // Edge-triggered: the stored value is applied at boot and when it changes (at once, or once the transaction
            // has ended), so the local maintenance interface may still set the controller directly in between.
            bool wanted = Wanted();
            if (_settings.Version == 0 || (_applied && wanted == _appliedValue))
            {
                return;
            }

            if (wanted || !_transactions.IsBusy)
            {
                _charging.SetAvailable(wanted);
                _applied = true;
                _appliedValue = wanted;
            }
        }

        private bool Wanted()
        {
            return _settings.ChargePointOperative && _settings.ConnectorOperative;
        }
    }
}
