namespace Wallbox.Firmware.Ocpp.Json
{
    /// <summary>
    /// The date-time strings of OCPP-J: "2013-02-01T20:53:32.486Z". OCPP 1.6 §3.14 ("Time notations") requires
    /// ISO 8601 and requires receivers to handle fractional seconds and time-zone offsets; we read the RFC 3339
    /// §5.6 profile of ISO 8601 (extended format, complete date and time, explicit zone) and write UTC with
    /// milliseconds. Dates are proleptic Gregorian via <see cref="CivilDate"/>.
    /// </summary>
    /// <remarks>
    /// Accepted: <c>YYYY-MM-DDTHH:MM:SS[.f…](Z|+hh:mm|-hh:mm)</c> with an upper-case <c>T</c> and <c>Z</c> (ISO 8601
    /// §4.3.2 writes them upper-case; RFC 3339 §5.6 also permits lower case, which no OCPP peer sends — refused so
    /// there is exactly one spelling), years 1970..9999, real calendar dates, hours 00..23 (ISO 8601's "24:00" is
    /// refused), seconds 00..59 (leap second 60 refused: the wall clock has none), any number of fraction digits of
    /// which the first three are kept (truncated, so a time never rounds into the next second), offsets ±00:00..±23:59
    /// ("-00:00" reads as UTC). Refused: a missing zone (local time is ambiguous), basic format (no separators),
    /// ±hh or ±hhmm offsets, a space instead of T, and instants before 1970-01-01T00:00:00Z or after
    /// 9999-12-31T23:59:59.999Z once the offset is applied.
    /// </remarks>
    internal static class JsonTimestamp
    {
        /// <summary>Milliseconds per day.</summary>
        public const long MsPerDay = 86400000L;

        /// <summary>Earliest year written or read (the Unix epoch).</summary>
        public const int MinYear = 1970;

        /// <summary>Latest year written or read (four-digit years only, RFC 3339 §5.6 date-fullyear).</summary>
        public const int MaxYear = 9999;

        /// <summary>9999-12-31T23:59:59.999Z in milliseconds since 1970: the last instant with a four-digit year.</summary>
        public const long MaxUnixMs = 253402300799999L;

        /// <summary>Length of "YYYY-MM-DDTHH:MM:SS.mmmZ", the written form.</summary>
        public const int WrittenLength = 24;

        /// <summary>
        /// Parses <paramref name="count"/> bytes of <paramref name="buffer"/> at <paramref name="offset"/> (the raw
        /// string content, without quotes) as a date-time with zone; false if it is not one.
        /// </summary>
        public static bool TryParse(byte[] buffer, int offset, int count, out long unixMs)
        {
            unixMs = 0;
            int end = offset + count;
            int p = offset;

            // date-fullyear "-" date-month "-" date-mday "T" time-hour ":" time-minute ":" time-second (RFC 3339 §5.6)
            if (count < 20)
            {
                return false;
            }

            int year = Digits(buffer, p, 4);
            int month = Digits(buffer, p + 5, 2);
            int day = Digits(buffer, p + 8, 2);
            int hour = Digits(buffer, p + 11, 2);
            int minute = Digits(buffer, p + 14, 2);
            int second = Digits(buffer, p + 17, 2);
            if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0
                || buffer[p + 4] != (byte)'-' || buffer[p + 7] != (byte)'-' || buffer[p + 10] != (byte)'T'
                || buffer[p + 13] != (byte)':' || buffer[p + 16] != (byte)':')
            {
                return false;
            }

            p += 19;

            // time-secfrac = "." 1*DIGIT: milliseconds are the first three digits, the rest must still be digits.
            int millisecond = 0;
            if (p < end && buffer[p] == (byte)'.')
            {
                p++;
                int fractionStart = p;
                int scale = 100;
                while (p < end && IsDigit(buffer[p]))
                {
                    millisecond += (buffer[p] - (byte)'0') * scale;
                    scale /= 10;
                    p++;
                }

                if (p == fractionStart)
                {
                    return false;
                }
            }

            // time-offset = "Z" / time-numoffset, time-numoffset = ("+" / "-") time-hour ":" time-minute
            if (p >= end)
            {
                return false;
            }

            int offsetMinutes = 0;
            byte zone = buffer[p];
            if (zone == (byte)'Z')
            {
                p++;
            }
            else if (zone == (byte)'+' || zone == (byte)'-')
            {
                if (end - p < 6 || buffer[p + 3] != (byte)':')
                {
                    return false;
                }

                int offsetHour = Digits(buffer, p + 1, 2);
                int offsetMinute = Digits(buffer, p + 4, 2);
                if (offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59)
                {
                    return false;
                }

                offsetMinutes = (offsetHour * 60) + offsetMinute;
                if (zone == (byte)'-')
                {
                    offsetMinutes = -offsetMinutes;
                }

                p += 6;
            }
            else
            {
                return false;
            }

            if (p != end)
            {
                return false;
            }

            if (year < MinYear || year > MaxYear || month < 1 || month > 12 || day < 1
                || day > CivilDate.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            // Local time = UTC + offset (RFC 3339 §4.2), so UTC = local time - offset.
            long ms = (CivilDate.DaysFromCivil(year, month, day) * MsPerDay)
                + ((((hour * 60L) + minute) * 60L) + second) * 1000L
                + millisecond
                - (offsetMinutes * 60000L);
            if (ms < 0 || ms > MaxUnixMs)
            {
                return false;
            }

            unixMs = ms;
            return true;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        /// <summary>Value of <paramref name="count"/> decimal digits at <paramref name="offset"/>, or -1 if one is not a digit.</summary>
        private static int Digits(byte[] buffer, int offset, int count)
        {
            int value = 0;
            for (int i = 0; i < count; i++)
            {
                byte b = buffer[offset + i];
                if (!IsDigit(b))
                {
                    return -1;
                }

                value = (value * 10) + (b - (byte)'0');
            }

            return value;
        }
    }
}
