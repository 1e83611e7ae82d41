using Wallbox.Drivers.Desfire;
using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// Turns the card-authentication keys (<see cref="CardAuthenticationConfigKeys"/>) into the settings of a DESFire
    /// session. Allocates; called when the configuration changes, not per card.
    /// </summary>
    public static class DesfireSettingsReader
    {
        /// <summary>
        /// The settings, or null with <paramref name="problem"/> saying what is missing or inconsistent (never quoting the
        /// key). The real UID is always read with GetCardUID: the idTag then comes from the authenticated channel, so a
        /// relay that shows one UID in anticollision and authenticates with another card is caught.
        /// </summary>
        public static DesfireSessionSettings Read(ConfigurationStore store, out string problem)
        {
            string aid = store.Get(CardAuthenticationConfigKeys.RfidDesfireApplication);
            if (aid.Length == 0)
            {
                problem = CardAuthenticationConfigKeys.RfidDesfireApplication + " is not set";
                return null;
            }

            string keyValue = store.Get(CardAuthenticationConfigKeys.RfidDesfireKey);
            int colon = keyValue.IndexOf(':');
            if (colon <= 0)
            {
                problem = CardAuthenticationConfigKeys.RfidDesfireKey + " is not set";
                return null;
            }

            var settings = new DesfireSessionSettings();
            byte[] aidBytes = HexText.Decode(aid, 0, aid.Length);
            settings.Aid = (aidBytes[0] << 16) | (aidBytes[1] << 8) | aidBytes[2];
            settings.KeyNumber = store.GetInt(CardAuthenticationConfigKeys.RfidDesfireKeyNumber);
            settings.KeyType = KeyType(keyValue.Substring(0, colon));
            settings.Key = HexText.Decode(keyValue, colon + 1, keyValue.Length - colon - 1);
            if (store.Get(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification) == CardAuthenticationConfigKeys.An10922)
            {
                settings.Diversification = DesfireKeyDiversification.An10922;
                string system = store.Get(CardAuthenticationConfigKeys.RfidDesfireSystemIdentifier);
                settings.SystemIdentifier = HexText.Decode(system, 0, system.Length);
            }

            settings.ReadCardUid = true;
            if (store.Get(CardAuthenticationConfigKeys.RfidIdTagSource) == CardAuthenticationConfigKeys.File)
            {
                settings.FileNumber = store.GetInt(CardAuthenticationConfigKeys.RfidDesfireFileNumber);
                settings.FileOffset = store.GetInt(CardAuthenticationConfigKeys.RfidDesfireFileOffset);
                settings.FileLength = store.GetInt(CardAuthenticationConfigKeys.RfidDesfireFileLength);
                string mode = store.Get(CardAuthenticationConfigKeys.RfidDesfireFileCommunication);
                settings.FileCommunicationMode = mode == CardAuthenticationConfigKeys.Plain
                    ? DesfireCommunicationMode.Plain
                    : mode == CardAuthenticationConfigKeys.Maced ? DesfireCommunicationMode.Maced : DesfireCommunicationMode.Enciphered;
            }

            problem = settings.Validate();
            return problem == null ? settings : null;
        }

        private static DesfireKeyType KeyType(string name)
        {
            if (name == DesfireKeyCheck.Aes)
            {
                return DesfireKeyType.Aes128;
            }

            if (name == DesfireKeyCheck.ThreeKeyTripleDes)
            {
                return DesfireKeyType.ThreeKeyTripleDes;
            }

            return name == DesfireKeyCheck.TwoKeyTripleDes ? DesfireKeyType.TwoKeyTripleDes : DesfireKeyType.Des;
        }
    }
}
