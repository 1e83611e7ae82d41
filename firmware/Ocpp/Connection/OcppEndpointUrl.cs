using System.Text;

namespace Wallbox.Firmware.Ocpp.Connection
{
    /// <summary>
    /// The WebSocket URL of a charge point: the central-system URL followed by the charge-box identity as the last
    /// path segment (OCPP-J 1.6 §3.1.1), percent-encoded where it is not an unreserved URI character (RFC 3986 §2.3).
    /// </summary>
    public static class OcppEndpointUrl
    {
        private const string Hex = "0123456789ABCDEF";

        /// <summary>Builds the URL; adds the '/' between the two parts when the central-system URL lacks it.</summary>
        public static string Build(string centralSystemUrl, string chargePointIdentity)
        {
            var url = new StringBuilder(centralSystemUrl.Length + chargePointIdentity.Length * 3 + 1);
            url.Append(centralSystemUrl);
            if (centralSystemUrl.Length == 0 || centralSystemUrl[centralSystemUrl.Length - 1] != '/')
            {
                url.Append('/');
            }

            byte[] utf8 = Encoding.UTF8.GetBytes(chargePointIdentity);
            for (int i = 0; i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (IsUnreserved(b))
                {
                    url.Append((char)b);
                }
                else
                {
                    url.Append('%');
                    url.Append(Hex[b >> 4]);
                    url.Append(Hex[b & 0x0F]);
                }
            }

            return url.ToString();
        }

        private static bool IsUnreserved(byte b)
        {
            return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' || b == '.' || b == '_' || b == '~';
        }
    }
}
