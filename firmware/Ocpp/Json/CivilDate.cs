namespace Wallbox.Firmware.Ocpp.Json
{
    /// <summary>
    /// Proleptic Gregorian calendar arithmetic for the JSON timestamps: days since 1970-01-01 from a civil date and
    /// back, without DateTime (whose parsing and time-zone handling on nanoFramework we do not rely on). The
    /// algorithms count in 400-year eras of 146097 days, with the year starting on 1 March so that the leap day is
    /// the last day of the year (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
    /// </summary>
    internal static class CivilDate
    {
        /// <summary>Days from 0000-03-01 to 1970-01-01.</summary>
        private const int DaysTo1970FromEraStart = 719468;

        /// <summary>Days in a 400-year era of the Gregorian calendar.</summary>
        private const int DaysPerEra = 146097;

        /// <summary>True for a leap year of the Gregorian calendar (ISO 8601 §3.2.1: divisible by 4, not by 100 unless by 400).</summary>
        public static bool IsLeapYear(int year)
        {
            return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        }

        /// <summary>Number of days of <paramref name="month"/> (1..12) in <paramref name="year"/>; 0 for an invalid month.</summary>
        public static int DaysInMonth(int year, int month)
        {
            switch (month)
            {
                case 1:
                case 3:
                case 5:
                case 7:
                case 8:
                case 10:
                case 12:
                    return 31;
                case 4:
                case 6:
                case 9:
                case 11:
                    return 30;
                case 2:
                    return IsLeapYear(year) ? 29 : 28;
                default:
                    return 0;
            }
        }

        /// <summary>
        /// Days since 1970-01-01 of a valid date with <paramref name="year"/> ≥ 0 (negative before 1970).
        /// </summary>
        public static long DaysFromCivil(int year, int month, int day)
        {
            int y = month <= 2 ? year - 1 : year;
            int era = (y >= 0 ? y : y - 399) / 400;
            int yearOfEra = y - (era * 400);                                        // [0, 399]
            int dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9)) + 2) / 5 + day - 1; // [0, 365], from 1 March
            int dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear; // [0, 146096]
            return ((long)era * DaysPerEra) + dayOfEra - DaysTo1970FromEraStart;
        }

        /// <summary>
        /// The civil date of <paramref name="days"/> since 1970-01-01 (<paramref name="days"/> ≥ -719468, i.e. from
        /// year 0 on).
        /// </summary>
        public static void CivilFromDays(long days, out int year, out int month, out int day)
        {
            long z = days + DaysTo1970FromEraStart;
            long era = z / DaysPerEra;
            int dayOfEra = (int)(z - (era * DaysPerEra));                                                  // [0, 146096]
            int yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365; // [0, 399]
            int dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));           // [0, 365]
            int monthFromMarch = ((5 * dayOfYear) + 2) / 153;                                                // [0, 11]
            day = dayOfYear - (((153 * monthFromMarch) + 2) / 5) + 1;
            month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
            year = (int)(yearOfEra + (era * 400)) + (month <= 2 ? 1 : 0);
        }
    }
}
