namespace Wallbox.Drivers.WebSocket
{
    /// <summary>
    /// A parsed <c>ws://</c> or <c>wss://</c> URL, RFC 6455 §3: <c>ws-URI = "ws:" "//" host [ ":" port ] path [ "?" query ]</c>.
    /// Hosts are host names or IPv4 addresses; IPv6 literals, user information and fragments are refused with a reason.
    /// </summary>
    public sealed class WebSocketUrl
    {
        /// <summary>Default port of <c>ws://</c> (§3).</summary>
        public const int DefaultPort = 80;

        /// <summary>Default port of <c>wss://</c> (§3).</summary>
        public const int DefaultSecurePort = 443;

        /// <summary>Longest host name, characters (RFC 1035 §2.3.4 allows 255 octets on the wire, 253 as text).</summary>
        public const int MaxHostLength = 253;

        private const string PlainScheme = "ws://";
        private const string SecureScheme = "wss://";

        private WebSocketUrl(bool isSecure, string host, int port, string resource)
        {
            IsSecure = isSecure;
            Host = host;
            Port = port;
            Resource = resource;
        }

        /// <summary>True for <c>wss://</c> (TLS).</summary>
        public bool IsSecure { get; private set; }

        /// <summary>Host name or dotted IPv4 address, as written.</summary>
        public string Host { get; private set; }

        /// <summary>TCP port (the scheme's default when none is written).</summary>
        public int Port { get; private set; }

        /// <summary>Resource name of §3: the path (at least <c>/</c>) followed by <c>?query</c> when present.</summary>
        public string Resource { get; private set; }

        /// <summary>True when <see cref="Port"/> is the scheme's default, so the Host header leaves it out (RFC 7230 §5.4).</summary>
        public bool HasDefaultPort { get { return Port == (IsSecure ? DefaultSecurePort : DefaultPort); } }

        /// <summary>
        /// Parses <paramref name="text"/>. Returns false with a reason in <paramref name="error"/> for anything but a
        /// ws/wss URL with a host name or IPv4 address, an optional port 1–65535, and a path/query of printable ASCII.
        /// </summary>
        public static bool TryParse(string text, out WebSocketUrl url, out string error)
        {
            url = null;
            if (text == null || text.Length == 0)
            {
                error = "the URL is empty";
                return false;
            }

            bool secure;
            int position;
            if (StartsWithIgnoreCase(text, SecureScheme))
            {
                secure = true;
                position = SecureScheme.Length;
            }
            else if (StartsWithIgnoreCase(text, PlainScheme))
            {
                secure = false;
                position = PlainScheme.Length;
            }
            else
            {
                error = "the URL must start with ws:// or wss:// (RFC 6455 §3)";
                return false;
            }

            // RFC 3986 §2: anything else must be percent-encoded.
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c <= ' ' || c > '~')
                {
                    error = "the URL contains a space, a control or a non-ASCII character (percent-encode it)";
                    return false;
                }
            }

            int authorityEnd = position;
            while (authorityEnd < text.Length && text[authorityEnd] != '/' && text[authorityEnd] != '?' && text[authorityEnd] != '#')
            {
                authorityEnd++;
            }

            string authority = text.Substring(position, authorityEnd - position);
            if (authority.IndexOf('@') >= 0)
            {
                error = "user information is not allowed in the URL; give credentials as the Authorization header";
                return false;
            }

            if (authority.Length > 0 && authority[0] == '[')
            {
                error = "IPv6 address literals are not supported";
                return false;
            }

            string host = authority;
            int port = secure ? DefaultSecurePort : DefaultPort;
            int colon = authority.IndexOf(':');
            if (colon >= 0)
            {
                host = authority.Substring(0, colon);
                if (!TryParsePort(authority.Substring(colon + 1), out port))
                {
                    error = "the port must be a number from 1 to 65535";
                    return false;
                }
            }

            if (!IsValidHost(host, out error))
            {
                return false;
            }

            string resource = text.Substring(authorityEnd);
            if (resource.IndexOf('#') >= 0)
            {
                error = "fragment identifiers must not be used in WebSocket URLs (RFC 6455 §3)";
                return false;
            }

            if (resource.Length == 0)
            {
                resource = "/";
            }
            else if (resource[0] == '?')
            {
                resource = "/" + resource;
            }

            url = new WebSocketUrl(secure, host, port, resource);
            error = null;
            return true;
        }

        private static bool StartsWithIgnoreCase(string text, string prefix)
        {
            if (text.Length < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                if (AsciiText.ToLower(text[i]) != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool TryParsePort(string digits, out int port)
        {
            port = 0;
            if (digits.Length == 0 || digits.Length > 5)
            {
                return false;
            }

            for (int i = 0; i < digits.Length; i++)
            {
                char c = digits[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                port = (port * 10) + (c - '0');
            }

            return port >= 1 && port <= 65535;
        }

        // RFC 1123 §2.1 host names (letters, digits, hyphens; labels of 1-63), or a dotted IPv4 address.
        private static bool IsValidHost(string host, out string error)
        {
            error = null;
            if (host.Length == 0)
            {
                error = "the URL has no host";
                return false;
            }

            if (host.Length > MaxHostLength)
            {
                error = "the host name is longer than 253 characters";
                return false;
            }

            int labels = 0;
            bool allNumeric = true;
            int labelStart = 0;
            for (int i = 0; i <= host.Length; i++)
            {
                if (i < host.Length && host[i] != '.')
                {
                    char c = host[i];
                    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                    bool digit = c >= '0' && c <= '9';
                    if (!letter && !digit && c != '-')
                    {
                        error = "the host may contain only letters, digits, '-' and '.'";
                        return false;
                    }

                    if (!digit)
                    {
                        allNumeric = false;
                    }

                    continue;
                }

                int length = i - labelStart;
                if (length == 0 || length > 63 || host[labelStart] == '-' || host[i - 1] == '-')
                {
                    error = "the host has an empty, too long or hyphen-edged label";
                    return false;
                }

                labels++;
                labelStart = i + 1;
            }

            if (allNumeric && !IsValidIpv4(host, labels))
            {
                error = "the host is not a valid IPv4 address (four numbers 0-255)";
                return false;
            }

            return true;
        }

        private static bool IsValidIpv4(string host, int labels)
        {
            if (labels != 4)
            {
                return false;
            }

            int value = 0;
            int digits = 0;
            for (int i = 0; i <= host.Length; i++)
            {
                if (i == host.Length || host[i] == '.')
                {
                    if (value > 255 || digits > 3)
                    {
                        return false;
                    }

                    value = 0;
                    digits = 0;
                    continue;
                }

                value = (value * 10) + (host[i] - '0');
                digits++;
            }

            return true;
        }
    }
}
