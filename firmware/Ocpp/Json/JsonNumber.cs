namespace Wallbox.Firmware.Ocpp.Json
{
    /// <summary>
    /// Values of number tokens the reader has already validated against the grammar of RFC 8259 §6
    /// (<c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>). Own parsers because nanoFramework's
    /// <c>Double.Parse</c> takes a string (an allocation per number) and its precision differs from .NET's.
    /// No allocation.
    /// </summary>
    internal static class JsonNumber
    {
        /// <summary>Significant digits kept in the 64-bit mantissa (10^18 - 1 &lt; 2^63); further digits are dropped.</summary>
        private const int MaxMantissaDigits = 18;

        /// <summary>Largest integer a double holds exactly (2^53): below it, the mantissa converts without rounding.</summary>
        private const long MaxExactMantissa = 9007199254740992L;

        /// <summary>Exponent digits beyond this value cannot change a finite double's outcome (10^±400 is out of range).</summary>
        private const int ExponentCap = 100000;

        /// <summary>10^0..10^22: every one is exactly representable as a double (5^22 &lt; 2^53), the basis of exact conversion.</summary>
        private static readonly double[] PowersOfTen = new double[]
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>
        /// The number as a 64-bit integer; false if it has a fraction or an exponent (even "1.0" or "1e3": OCPP's
        /// integer fields are written as integers) or is outside the range of <see cref="long"/>.
        /// </summary>
        public static bool TryParseInt64(byte[] buffer, int offset, int count, out long value)
        {
            value = 0;
            int p = offset;
            int end = offset + count;
            bool negative = buffer[p] == (byte)'-';
            if (negative)
            {
                p++;
            }

            // Accumulate negatively: long.MinValue has no positive counterpart.
            long accumulator = 0;
            for (; p < end; p++)
            {
                int digit = buffer[p] - (byte)'0';
                if (digit < 0 || digit > 9)
                {
                    return false; // '.', 'e' or 'E'
                }

                if (accumulator < -922337203685477580L || (accumulator == -922337203685477580L && digit > 8))
                {
                    return false;
                }

                accumulator = (accumulator * 10) - digit;
            }

            if (!negative)
            {
                if (accumulator == long.MinValue)
                {
                    return false;
                }

                accumulator = -accumulator;
            }

            value = accumulator;
            return true;
        }

        /// <summary>
        /// The number as a double. Correctly rounded when it has at most 15 significant digits (any up to 2^53) and a
        /// decimal exponent within ±22 once the digits are taken as an integer — every OCPP value; otherwise within a
        /// few units in the last place (digits after the 18th are dropped, large exponents are applied in steps of
        /// 10^22). False when the magnitude overflows a double; results below the smallest double are zero.
        /// </summary>
        public static bool TryParseDouble(byte[] buffer, int offset, int count, out double value)
        {
            value = 0;
            int p = offset;
            int end = offset + count;
            bool negative = buffer[p] == (byte)'-';
            if (negative)
            {
                p++;
            }

            long mantissa = 0;
            int digits = 0;
            int exponent = 0; // decimal exponent of the mantissa's last digit

            for (; p < end && IsDigit(buffer[p]); p++)
            {
                AddDigit(buffer[p] - (byte)'0', false, ref mantissa, ref digits, ref exponent);
            }

            if (p < end && buffer[p] == (byte)'.')
            {
                for (p++; p < end && IsDigit(buffer[p]); p++)
                {
                    AddDigit(buffer[p] - (byte)'0', true, ref mantissa, ref digits, ref exponent);
                }
            }

            if (p < end && (buffer[p] == (byte)'e' || buffer[p] == (byte)'E'))
            {
                p++;
                bool exponentNegative = false;
                if (buffer[p] == (byte)'-' || buffer[p] == (byte)'+')
                {
                    exponentNegative = buffer[p] == (byte)'-';
                    p++;
                }

                int written = 0;
                for (; p < end; p++)
                {
                    if (written < ExponentCap)
                    {
                        written = (written * 10) + (buffer[p] - (byte)'0');
                    }
                }

                exponent += exponentNegative ? -written : written;
            }

            double result;
            if (mantissa == 0)
            {
                result = 0;
            }
            else if (mantissa <= MaxExactMantissa && exponent >= -22 && exponent <= 22)
            {
                // Both operands exact, so IEEE 754 rounds the product or quotient once: correctly rounded
                // (W. Clinger, "How to Read Floating Point Numbers Accurately", the fast path).
                result = exponent >= 0 ? mantissa * PowersOfTen[exponent] : mantissa / PowersOfTen[-exponent];
            }
            else if (exponent > 22 && exponent <= 22 + 15 && mantissa * PowersOfTen[exponent - 22] <= MaxExactMantissa)
            {
                // "1e30": the mantissa takes the excess zeros exactly, then one rounding (Clinger's extended fast path).
                result = (mantissa * PowersOfTen[exponent - 22]) * PowersOfTen[22];
            }
            else
            {
                result = mantissa;
                while (exponent > 22 && result <= double.MaxValue)
                {
                    result *= PowersOfTen[22];
                    exponent -= 22;
                }

                while (exponent < -22 && result != 0)
                {
                    result /= PowersOfTen[22];
                    exponent += 22;
                }

                if (exponent > 0 && exponent <= 22)
                {
                    result *= PowersOfTen[exponent];
                }
                else if (exponent < 0 && exponent >= -22)
                {
                    result /= PowersOfTen[-exponent];
                }
            }

            if (result > double.MaxValue)
            {
                return false;
            }

            value = negative ? -result : result;
            return true;
        }

        private static void AddDigit(int digit, bool fraction, ref long mantissa, ref int digits, ref int exponent)
        {
            if (mantissa == 0 && digit == 0)
            {
                // A leading zero is not significant; in the fraction it still shifts the point.
                if (fraction)
                {
                    exponent--;
                }

                return;
            }

            if (digits < MaxMantissaDigits)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
                if (fraction)
                {
                    exponent--;
                }
            }
            else if (!fraction)
            {
                exponent++; // an integer digit beyond the mantissa still scales the value
            }
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }
    }
}
