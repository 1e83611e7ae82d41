using Wallbox.Firmware.Config;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;

namespace Wallbox.Firmware.Ocpp.Configuration
{
    /// <summary>
    /// Answers ChangeConfiguration (OCPP 1.6 §5.3) through <see cref="ConfigurationStore.TrySet"/>, whose outcome is the
    /// status: an unknown key is NotSupported; a read-only key, or a value of the wrong type, out of range or not
    /// allowed, is Rejected and nothing changes (the store checks before it stores, FXP-48, FXP-58); a valid value is
    /// Accepted, or RebootRequired for a key that takes effect only after a reboot. SecurityProfile is also refused when
    /// the link could not connect with it (<see cref="SecurityProfileProblem"/>).
    /// </summary>
    /// <remarks>
    /// Key names are CiString50 (§7: case insensitive), so the key is looked up ignoring case and changed under its
    /// declared name. Every refusal is logged with its reason (source "ocpp-config") so the installer sees why the
    /// central system's change did not take; the value of a write-only key (AuthorizationKey, FXP-K63) is never logged.
    /// </remarks>
    public sealed class ChangeConfigurationHandler : IOcppRequestHandler
    {
        private const string LogSource = "ocpp-config";

        /// <summary>Characters of a value shown in the log at most (a value may be 500).</summary>
        private const int LoggedValueLength = 64;

        private readonly ConfigurationStore _store;
        private readonly Logger _log;
        private readonly ChangeConfigurationRequest _request = new ChangeConfigurationRequest();
        private readonly ChangeConfigurationConfirmation _confirmation = new ChangeConfigurationConfirmation();

        /// <summary>Changes keys of <paramref name="store"/>.</summary>
        public ChangeConfigurationHandler(ConfigurationStore store, Logger log)
        {
            _store = store;
            _log = log;
        }

        /// <inheritdoc />
        public string Action
        {
            get { return ChangeConfigurationRequest.ActionName; }
        }

        /// <inheritdoc />
        public IOcppPayload Request
        {
            get { return _request; }
        }

        /// <inheritdoc />
        public IOcppPayload Handle(long nowMs, OcppDecodeError error)
        {
            string name = _request.Key;
            string value = _request.Value;
            ConfigKey key = _store.FindIgnoringCase(name);
            ConfigChangeStatus status;
            string reason;
            if (key == null)
            {
                status = ConfigChangeStatus.NotSupported;
                reason = "unknown configuration key";
            }
            else
            {
                reason = key.Name == OcppConfigKeys.SecurityProfile ? SecurityProfileProblem(key, value)
                    : key.Name == OcppConfigKeys.OcppEnabled ? OcppEnabledProblem(key, value)
                    : null;
                status = reason != null ? ConfigChangeStatus.Rejected : _store.TrySet(key.Name, value, out reason);
            }

            _confirmation.Status = ToOcpp(status);
            Log(key, name, value, status, reason);
            return _confirmation;
        }

        /// <summary>
        /// Why the central system may not set SecurityProfile to <paramref name="value"/>, or null. The link takes a new
        /// profile at once (OcppConnection), so a profile it cannot connect with would cut the charge point off from
        /// every central system for good, reachable again only on site. Refused, as the security whitepaper's "Upgrade
        /// Charge Point Security Profile" use case has it: a lower profile (OCA test case TC_084_CS "Downgrade security
        /// profile - Rejected"), profile 1 or 2 without an AuthorizationKey, 2 or 3 without a wss:// URL, and 3, whose
        /// client certificates this firmware does not support yet. A value the key's definition refuses is left to the
        /// store (same reason as for any key). The local configuration (web page, SMS) is not bound by these rules.
        /// </summary>
        private string SecurityProfileProblem(ConfigKey key, string value)
        {
            string ignored;
            string normalized = key.Normalize(value, out ignored);
            if (normalized == null)
            {
                return null;
            }

            int wanted = normalized[0] - '0';
            int current = _store.GetInt(OcppConfigKeys.SecurityProfile);
            if (wanted < current)
            {
                return key.Name + ": a lower security profile than " + current.ToString() + " cannot be set by the central system";
            }

            if (wanted == 3)
            {
                return key.Name + ": profile 3 (client certificates) is not supported";
            }

            if (wanted >= 1 && _store.Get(ChargePointConfigKeys.AuthorizationKey).Length == 0)
            {
                return key.Name + ": profile " + normalized + " needs the AuthorizationKey first";
            }

            if (wanted >= 2 && _store.Get(ChargePointConfigKeys.CentralSystemUrl).IndexOf("wss://") != 0)
            {
                return key.Name + ": profile " + normalized + " needs a wss:// CentralSystemUrl";
            }

            return null;
        }

        /// <summary>
        /// Why the central system may not set OcppEnabled to <paramref name="value"/>, or null: switching OCPP off from
        /// the central system would close the only channel it could switch it on again with (WBX-07: it is the
        /// owner's setting, on the web page or by SMS). Setting it to true, its value while this answer is sent, is
        /// accepted.
        /// </summary>
        private static string OcppEnabledProblem(ConfigKey key, string value)
        {
            string ignored;
            string normalized = key.Normalize(value, out ignored);
            return normalized == "false" ? key.Name + ": OCPP can be switched off only locally (web page, SMS)" : null;
        }

        private static ConfigurationStatus ToOcpp(ConfigChangeStatus status)
        {
            switch (status)
            {
                case ConfigChangeStatus.Accepted:
                    return ConfigurationStatus.Accepted;
                case ConfigChangeStatus.RebootRequired:
                    return ConfigurationStatus.RebootRequired;
                case ConfigChangeStatus.NotSupported:
                    return ConfigurationStatus.NotSupported;
                default:
                    return ConfigurationStatus.Rejected;
            }
        }

        private void Log(ConfigKey key, string name, string value, ConfigChangeStatus status, string reason)
        {
            string outcome = ConfigurationStatusNames.ToWire(ToOcpp(status));
            if (status == ConfigChangeStatus.NotSupported)
            {
                _log.Info(LogSource, "ChangeConfiguration " + name + ": " + outcome + " (" + reason + ")");
                return;
            }

            if (status == ConfigChangeStatus.Rejected)
            {
                _log.Warning(LogSource, "ChangeConfiguration " + key.Name + ": " + outcome + ": " + SafeReason(key, value, reason));
                return;
            }

            string shown = key.WriteOnly ? "(write-only, not logged)" : "'" + Clip(value) + "'";
            _log.Info(LogSource, "ChangeConfiguration " + key.Name + " = " + shown + ": " + outcome);
        }

        /// <summary>
        /// The store's reason, except when it could show a write-only value: ConfigKey quotes a refused text value as
        /// '<c>first 40 characters</c>' (list and type checks) and integers bare, so for a write-only key a reason quoting
        /// the value, or any reason about a non-text value, becomes a bare "refused". The length, character and
        /// <see cref="IConfigValueCheck"/> reasons of a write-only text key never quote it (AuthorizationKeyCheck).
        /// </summary>
        private static string SafeReason(ConfigKey key, string value, string reason)
        {
            string withheld = key.Name + ": value refused (a write-only value is not logged)";
            if (reason == null)
            {
                return key.Name + ": refused";
            }

            if (!key.WriteOnly || value == null || value.Length == 0)
            {
                return reason;
            }

            if (key.Type != ConfigValueType.Text)
            {
                return withheld;
            }

            string quoted = "'" + (value.Length > 40 ? value.Substring(0, 40) : value);
            return reason.IndexOf(quoted) >= 0 ? withheld : reason;
        }

        private static string Clip(string value)
        {
            return value.Length <= LoggedValueLength ? value : value.Substring(0, LoggedValueLength) + "...";
        }
    }
}
