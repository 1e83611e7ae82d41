using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Rfid
{
    /// <summary>
    /// The rule of RfidDesfireKey: empty (no key) or <c>TYPE:HEX</c> with the key length of its type (MIFARE DESFire EV1
    /// key types): <c>AES:</c> 16 bytes, <c>3K3DES:</c> 24 bytes, <c>2K3DES:</c> 16 bytes, <c>DES:</c> 8 bytes. The type
    /// travels with the key in one value so that a change can never leave a key of one length under a type of another.
    /// </summary>
    /// <remarks>Reasons never quote the value: it is a secret (write-only) and reasons are logged and sent to the central system.</remarks>
    public sealed class DesfireKeyCheck : IConfigValueCheck
    {
        /// <summary>Type prefix of an AES-128 key.</summary>
        public const string Aes = "AES";

        /// <summary>Type prefix of a three-key triple-DES key.</summary>
        public const string ThreeKeyTripleDes = "3K3DES";

        /// <summary>Type prefix of a two-key triple-DES key.</summary>
        public const string TwoKeyTripleDes = "2K3DES";

        /// <summary>Type prefix of a single DES key (DESFire native legacy authentication).</summary>
        public const string Des = "DES";

        /// <summary>Longest value: "3K3DES:" and 48 hex digits.</summary>
        public const int MaxLength = 55;

        /// <summary>The check (it has no state).</summary>
        public static readonly DesfireKeyCheck Instance = new DesfireKeyCheck();

        private DesfireKeyCheck()
        {
        }

        /// <summary>Length in bytes of a key of <paramref name="type"/>, or 0 for an unknown type.</summary>
        public static int KeyLength(string type)
        {
            if (type == Aes || type == TwoKeyTripleDes)
            {
                return 16;
            }

            if (type == ThreeKeyTripleDes)
            {
                return 24;
            }

            return type == Des ? 8 : 0;
        }

        /// <inheritdoc />
        public string Check(string value)
        {
            if (value.Length == 0)
            {
                return null;
            }

            int colon = value.IndexOf(':');
            int length = colon <= 0 ? 0 : KeyLength(value.Substring(0, colon));
            if (length == 0)
            {
                return "TYPE:HEX with TYPE one of AES, 3K3DES, 2K3DES, DES";
            }

            int bytes = HexText.ByteCount(value, colon + 1, value.Length - colon - 1);
            if (bytes != length)
            {
                return "a " + value.Substring(0, colon) + " key is " + length.ToString() + " bytes, " + (2 * length).ToString() + " hex digits after the colon";
            }

            return null;
        }
    }
}
