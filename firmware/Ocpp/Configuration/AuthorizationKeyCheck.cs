using Wallbox.Firmware.Config;

namespace Wallbox.Firmware.Ocpp.Configuration
{
    /// <summary>
    /// The rule of AuthorizationKey, the HTTP Basic password of security profiles 1 and 2 (FXP-K63, OCPP 1.6 security
    /// whitepaper): empty (no password) or 16..40 printable ASCII characters without spaces.
    /// </summary>
    /// <remarks>
    /// <para>The whitepaper asks for at least 16 bytes and at most 20, advising random binary sent as up to 40 hexadecimal
    /// digits; the OCA test tool checks "between 16 and 20 bytes" and "a maximum of 40" hex characters. Central systems
    /// differ on whether the hex text or its decoded bytes are the password, and our link sends the value as it is
    /// (BasicAuthorization.Header), so we accept both forms the whitepaper's bounds describe: 32..40 hex digits, and a
    /// text password of 16..40 characters. That is one rule: 16..40 characters. Below 16 is refused as too weak
    /// (FXP-K63 "min 16 bytes"; ASCII, so characters are bytes); above 40 exceeds every form the whitepaper allows.</para>
    /// <para>Printable ASCII only (0x21..0x7E): RFC 7617 leaves the charset of non-ASCII passwords to agreement, so such a
    /// password would fail one side or the other; a space, easily added at the end of a typed value, is refused too.</para>
    /// <para>Reasons never quote the value: it is a secret (write-only) and the reason is logged.</para>
    /// </remarks>
    public sealed class AuthorizationKeyCheck : IConfigValueCheck
    {
        /// <summary>Shortest password, characters (whitepaper: at least 16 bytes).</summary>
        public const int MinLength = 16;

        /// <summary>Longest password, characters (whitepaper: 20 bytes as at most 40 hexadecimal digits).</summary>
        public const int MaxLength = 40;

        /// <summary>The check (it has no state).</summary>
        public static readonly AuthorizationKeyCheck Instance = new AuthorizationKeyCheck();

        private AuthorizationKeyCheck()
        {
        }

        /// <inheritdoc />
        public string Check(string value)
        {
            if (value.Length == 0)
            {
                return null;
            }

            if (value.Length < MinLength || value.Length > MaxLength)
            {
                return "when set, " + MinLength.ToString() + ".." + MaxLength.ToString() + " characters (OCPP security whitepaper: at least 16 bytes, at most 40 hexadecimal digits), got "
                    + value.Length.ToString();
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c < '!' || c > '~')
                {
                    return "only printable ASCII characters without spaces (character " + (i + 1).ToString() + " is not)";
                }
            }

            return null;
        }
    }
}
