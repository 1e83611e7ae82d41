using System;
using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Ocpp.Messages
{
    /// <summary>
    /// The schema rules on values that both decoding and validation apply (lengths in code points, URIs, multipleOf),
    /// and the checks the generated <c>Validate</c> methods run on a field before it is sent. No allocation unless an
    /// error is set.
    /// </summary>
    public static class OcppFieldCheck
    {
        /// <summary>
        /// How far a quotient may be from a whole number and still count as one, for multipleOf: floating point cannot
        /// hold 0.1 exactly (0.3 / 0.1 = 2.9999999999999996). The strict central system (ocpp-rpc) uses the same rule
        /// and tolerance, so what one side accepts the other does.
        /// </summary>
        public const double MultipleOfTolerance = 1e-6;

        /// <summary>Checks a string field: present if required, at most <paramref name="maxLength"/> code points (<see cref="OcppFieldReader.NoMaxLength"/>: no limit).</summary>
        public static bool String(OcppDecodeError error, OcppPayloadPath path, string name, string value, bool required, int maxLength)
        {
            if (value == null)
            {
                return !required || OcppPayloadErrors.Missing(error, path, name);
            }

            if (maxLength >= 0 && value.Length > maxLength && CodePointLength(value) > maxLength)
            {
                return OcppPayloadErrors.TooLong(error, path, name, maxLength);
            }

            return true;
        }

        /// <summary>Checks a "format": "uri" field: as <see cref="String"/>, and a URI (<see cref="IsUri"/>).</summary>
        public static bool Uri(OcppDecodeError error, OcppPayloadPath path, string name, string value, bool required, int maxLength)
        {
            if (!String(error, path, name, value, required, maxLength))
            {
                return false;
            }

            return value == null || IsUri(value) || OcppPayloadErrors.NotUri(error, path, name);
        }

        /// <summary>Checks a number field: finite (JSON has no NaN or infinity, RFC 8259 §6) and a multiple of <paramref name="multipleOf"/> when that is above 0.</summary>
        public static bool Number(OcppDecodeError error, OcppPayloadPath path, string name, double value, double multipleOf, string multipleOfText)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return OcppPayloadErrors.NotFinite(error, path, name);
            }

            if (multipleOf > 0 && !IsMultipleOf(value, multipleOf))
            {
                return OcppPayloadErrors.NotMultipleOf(error, path, name, multipleOfText);
            }

            return true;
        }

        /// <summary>Checks a date-time field: an instant the writer can spell, 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z.</summary>
        public static bool Timestamp(OcppDecodeError error, OcppPayloadPath path, string name, long unixMs)
        {
            if (unixMs < 0 || unixMs > JsonTimestamp.MaxUnixMs)
            {
                return OcppPayloadErrors.NotDateTime(error, path, name);
            }

            return true;
        }

        /// <summary>
        /// Length in Unicode code points, as JSON Schema's maxLength counts (draft-07 §6.3.1, RFC 8259 characters): a
        /// surrogate pair is one character, any other UTF-16 unit one.
        /// </summary>
        public static int CodePointLength(string text)
        {
            int length = text.Length;
            int count = length;
            for (int i = 0; i + 1 < length; i++)
            {
                char c = text[i];
                if (c >= '\uD800' && c <= '\uDBFF')
                {
                    char next = text[i + 1];
                    if (next >= '\uDC00' && next <= '\uDFFF')
                    {
                        count--;
                        i++;
                    }
                }
            }

            return count;
        }

        /// <summary>
        /// True when <paramref name="value"/> / <paramref name="multipleOf"/> is within <see cref="MultipleOfTolerance"/>
        /// of a whole number (JSON Schema draft-07 §6.2.1, with the floating-point tolerance ocpp-rpc applies).
        /// </summary>
        public static bool IsMultipleOf(double value, double multipleOf)
        {
            double quotient = value / multipleOf;
            return Math.Abs(quotient - Math.Round(quotient)) < MultipleOfTolerance;
        }

        /// <summary>
        /// True for an absolute URI by the syntax of RFC 3986 §3: a scheme (a letter, then letters, digits, '+', '-',
        /// '.'), ':', an optional authority after "//" (userinfo '@', a host that is a registered name or an IP literal
        /// in brackets, ':' port digits; §3.2), then path, query and fragment characters (§3.3–3.5: unreserved,
        /// sub-delims, ':', '@', '/', '?'; '[' and ']' only inside the IP literal), every '%' starting a
        /// percent-encoding of two hex digits (§2.1), at most one '#'. Non-ASCII text (an IRI) is refused.
        /// </summary>
        public static bool IsUri(string text)
        {
            int length = text.Length;
            if (length == 0 || !IsLetter(text[0]))
            {
                return false;
            }

            int i = 1;
            while (i < length && (IsLetter(text[i]) || IsDigit(text[i]) || text[i] == '+' || text[i] == '-' || text[i] == '.'))
            {
                i++;
            }

            if (i == length || text[i] != ':')
            {
                return false;
            }

            i++;
            if (i + 1 < length && text[i] == '/' && text[i + 1] == '/')
            {
                i = AuthorityEnd(text, i + 2);
                if (i < 0)
                {
                    return false;
                }
            }

            bool fragment = false;
            for (; i < length; i++)
            {
                char c = text[i];
                if (c == '%')
                {
                    if (i + 2 >= length || !IsHexDigit(text[i + 1]) || !IsHexDigit(text[i + 2]))
                    {
                        return false;
                    }

                    i += 2;
                }
                else if (c == '#')
                {
                    if (fragment)
                    {
                        return false;
                    }

                    fragment = true;
                }
                else if (!IsUnreservedOrSubDelim(c) && c != ':' && c != '@' && c != '/' && c != '?')
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Index after the authority that starts at <paramref name="start"/>, or -1 when it is malformed (§3.2).</summary>
        private static int AuthorityEnd(string text, int start)
        {
            int end = start;
            while (end < text.Length && text[end] != '/' && text[end] != '?' && text[end] != '#')
            {
                end++;
            }

            int host = text.LastIndexOf('@', end - 1, end - start) + 1;
            if (host == 0)
            {
                host = start;
            }
            else if (!IsPlain(text, start, host - 1, true))
            {
                return -1; // userinfo: unreserved, sub-delims, ':' and percent-encodings
            }

            int port;
            if (host < end && text[host] == '[')
            {
                int close = text.IndexOf(']', host);
                if (close < 0 || close >= end || close == host + 1)
                {
                    return -1;
                }

                for (int i = host + 1; i < close; i++)
                {
                    char c = text[i];
                    if (!IsHexDigit(c) && c != ':' && c != '.')
                    {
                        return -1; // IPv6 (and IPv4-mapped) literal characters
                    }
                }

                port = close + 1;
                if (port < end && text[port] != ':')
                {
                    return -1;
                }
            }
            else
            {
                port = host;
                while (port < end && text[port] != ':')
                {
                    port++;
                }

                if (!IsPlain(text, host, port, false))
                {
                    return -1; // registered name: unreserved, sub-delims and percent-encodings
                }
            }

            for (int i = port + 1; i < end; i++)
            {
                if (!IsDigit(text[i]))
                {
                    return -1;
                }
            }

            return end;
        }

        /// <summary>True when text[from..to) holds only unreserved, sub-delims, percent-encodings (and ':' when allowed).</summary>
        private static bool IsPlain(string text, int from, int to, bool colonAllowed)
        {
            for (int i = from; i < to; i++)
            {
                char c = text[i];
                if (c == '%')
                {
                    if (i + 2 >= to || !IsHexDigit(text[i + 1]) || !IsHexDigit(text[i + 2]))
                    {
                        return false;
                    }

                    i += 2;
                }
                else if (!IsUnreservedOrSubDelim(c) && !(colonAllowed && c == ':'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsUnreservedOrSubDelim(char c)
        {
            return IsLetter(c) || IsDigit(c) || "-._~!$&'()*+,;=".IndexOf(c) >= 0;
        }

        private static bool IsLetter(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private static bool IsHexDigit(char c)
        {
            return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        }
    }
}
