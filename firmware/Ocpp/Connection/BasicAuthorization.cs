using System.Text;

namespace Wallbox.Firmware.Ocpp.Connection
{
    /// <summary>
    /// The HTTP Basic Authorization header of OCPP security profiles 1 and 2 (security whitepaper §2.1: user name =
    /// charge-box identity, password = AuthorizationKey; RFC 7617).
    /// </summary>
    public static class BasicAuthorization
    {
        /// <summary>"Basic " + base64(identity ":" key), or null when no key is set.</summary>
        public static string Header(string chargePointIdentity, string authorizationKey)
        {
            if (authorizationKey == null || authorizationKey.Length == 0)
            {
                return null;
            }

            byte[] credentials = Encoding.UTF8.GetBytes(chargePointIdentity + ":" + authorizationKey);
            return "Basic " + System.Convert.ToBase64String(credentials);
        }
    }
}
