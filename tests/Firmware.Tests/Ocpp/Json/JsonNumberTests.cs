using System;
using System.Globalization;
using Wallbox.Firmware.Ocpp.Json;
using static Wallbox.Firmware.Tests.Ocpp.Json.JsonText;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>Numbers (RFC 8259 §6): integer and double values of the reader, decimal output of the writer.</summary>
public sealed class JsonNumberTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("7", 7)]
    [InlineData("-42", -42)]
    [InlineData("2147483647", int.MaxValue)]
    [InlineData("-2147483648", int.MinValue)]
    public void TryGetInt32_reads_integers_in_range(string json, int expected)
    {
        Assert.True(ReaderOnFirstToken(json).TryGetInt32(out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("1E0")]
    [InlineData("0.5")]
    [InlineData("-0.0")]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999999")]
    [InlineData("\"1\"")]
    [InlineData("true")]
    [InlineData("null")]
    public void TryGetInt32_is_false_for_fractions_exponents_out_of_range_values_and_other_tokens(string json)
    {
        Assert.False(ReaderOnFirstToken(json).TryGetInt32(out int value));
        Assert.Equal(0, value);
    }

    [Theory]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("1034", 1034L)]
    [InlineData("-1", -1L)]
    public void TryGetInt64_reads_the_whole_long_range(string json, long expected)
    {
        Assert.True(ReaderOnFirstToken(json).TryGetInt64(out long value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551616")]
    [InlineData("1.5")]
    [InlineData("1e2")]
    public void TryGetInt64_is_false_outside_the_long_range_and_for_non_integers(string json)
    {
        Assert.False(ReaderOnFirstToken(json).TryGetInt64(out long _));
    }

    [Theory]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E+3", 1000.0)]
    [InlineData("-1.5E-2", -0.015)]
    [InlineData("0.1", 0.1)]
    [InlineData("229.8", 229.8)]
    [InlineData("18734.6", 18734.6)]
    [InlineData("123456789012345", 123456789012345.0)]
    [InlineData("0.000001", 0.000001)]
    [InlineData("5e-324", 5e-324)]
    [InlineData("1e-400", 0.0)]
    [InlineData("100000000000000000000000000000", 1e29)]
    [InlineData("1e00000000000000000000000000001", 10.0)]
    public void TryGetDouble_reads_any_number_including_exponents(string json, double expected)
    {
        Assert.True(ReaderOnFirstToken(json).TryGetDouble(out double value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void TryGetDouble_of_minus_zero_is_negative_zero()
    {
        Assert.True(ReaderOnFirstToken("-0").TryGetDouble(out double value));
        Assert.True(double.IsNegative(value));
        Assert.Equal(0.0, value);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e309")]
    [InlineData("\"1\"")]
    public void TryGetDouble_is_false_beyond_the_double_range_and_for_other_tokens(string json)
    {
        Assert.False(ReaderOnFirstToken(json).TryGetDouble(out double _));
    }

    [Fact]
    public void TryGetDouble_is_correctly_rounded_for_up_to_15_significant_digits_within_10_to_the_22()
    {
        var random = new Random(6);
        for (int i = 0; i < 20000; i++)
        {
            // d1 d2 ... dn with the point after k digits, times 10^exp: the digits as an integer times 10^(exp - (n - k)).
            int digits = random.Next(1, 16);
            var text = new System.Text.StringBuilder(random.Next(2) == 0 ? "-" : string.Empty);
            for (int d = 0; d < digits; d++)
            {
                text.Append(d == 0 ? random.Next(1, 10) : random.Next(10));
            }

            int integerDigits = random.Next(1, digits + 1);
            if (integerDigits < digits)
            {
                text.Insert(text.Length - (digits - integerDigits), '.');
            }

            int decimalExponent = random.Next(-22, 23);
            text.Append('e').Append(decimalExponent + (digits - integerDigits));
            string json = text.ToString();

            Assert.True(ReaderOnFirstToken(json).TryGetDouble(out double value), json);
            Assert.Equal(double.Parse(json, CultureInfo.InvariantCulture), value);
        }
    }

    [Theory]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("1e-29")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("2.2250738585072014e-308")]
    public void TryGetDouble_beyond_the_exact_range_is_within_a_few_units_in_the_last_place(string json)
    {
        double expected = double.Parse(json, CultureInfo.InvariantCulture);

        Assert.True(ReaderOnFirstToken(json).TryGetDouble(out double value));
        Assert.True(Math.Abs(value - expected) <= Math.Abs(expected) * 1e-15, value.ToString("R") + " vs " + expected.ToString("R"));
    }

    [Fact]
    public void TryGetDouble_is_within_a_few_units_in_the_last_place_for_any_other_number()
    {
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            int digits = random.Next(1, 30);
            var text = new System.Text.StringBuilder();
            text.Append(random.Next(1, 10));
            for (int d = 1; d < digits; d++)
            {
                text.Append(random.Next(10));
            }

            text.Append('e').Append(random.Next(-300, 280));
            double expected = double.Parse(text.ToString(), CultureInfo.InvariantCulture);

            Assert.True(ReaderOnFirstToken(text.ToString()).TryGetDouble(out double value), text.ToString());
            Assert.True(Math.Abs(value - expected) <= Math.Abs(expected) * 1e-14, text + ": " + value.ToString("R") + " vs " + expected.ToString("R"));
        }
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    [InlineData(1034L, "1034")]
    [InlineData(1000000L, "1000000")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void Int_writes_decimal_digits(long value, string expected)
    {
        Assert.Equal(expected, Written(w => w.Int(value)));
    }

    [Theory]
    [InlineData(16.0, "16")]
    [InlineData(16.1, "16.1")]
    [InlineData(0.125, "0.125")]
    [InlineData(229.8, "229.8")]
    [InlineData(3672.25, "3672.25")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0")]
    [InlineData(0.0004, "0")]
    [InlineData(-0.0004, "0")]
    [InlineData(0.0005, "0.001")]
    [InlineData(1.9996, "2")]
    [InlineData(2.0004, "2")]
    [InlineData(0.30000000000000004, "0.3")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(8999999999999999.0, "8999999999999999")]
    [InlineData(9.5e15, "9500000000000000")]
    [InlineData(-1e20, "-100000000000000000000")]
    public void Number_writes_up_to_3_decimals_without_exponent_and_trims_trailing_zeros(double value, string expected)
    {
        Assert.Equal(expected, Written(w => w.Number(value)));
    }

    [Fact]
    public void Number_writes_negative_zero_as_0()
    {
        Assert.Equal("0", Written(w => w.Number(-0.0)));
    }

    [Theory]
    [InlineData(9.5e15)]
    [InlineData(9007199254740993.0)]
    [InlineData(1e20)]
    [InlineData(-1.2345678901234567e25)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(-1.7976931348623157e308)]
    public void Number_writes_magnitudes_from_2_to_the_53_up_as_their_exact_integer_digits(double value)
    {
        string written = Written(w => w.Number(value), 400);

        Assert.Equal(new System.Numerics.BigInteger(value).ToString(CultureInfo.InvariantCulture), written);
        Assert.Equal(value, double.Parse(written, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Number_writes_the_largest_double_as_309_digits()
    {
        string written = Written(w => w.Number(double.MaxValue), 400);

        Assert.Equal(309, written.Length);
        Assert.StartsWith("17976931348623157081452742373170435679807056752584499659891747680315726078002853876058955863276687817154045895351438246423432132688946418276846754670353751698604991057655128207624549009038932894407586850845513394230458323690322294816580855933212334827479782620414472316873817718091929988125040402618412485836", written);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Number_refuses_NaN_and_infinities_with_InvalidValue(double value)
    {
        var writer = new JsonWriter();
        writer.Reset(new byte[64], 0, 64);
        writer.BeginArray();
        writer.Number(value);
        writer.EndArray();

        Assert.True(writer.InvalidValue);
        Assert.False(writer.Overflow);
        Assert.False(writer.IsComplete);
        Assert.Equal(1, writer.Length); // nothing written after the refused value
    }

    [Fact]
    public void Written_numbers_read_back_to_the_value_rounded_to_3_decimals()
    {
        var random = new Random(8);
        byte[] buffer = new byte[64];
        var writer = new JsonWriter();
        var reader = new JsonReader();
        for (int i = 0; i < 20000; i++)
        {
            double value = Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 12)), random.Next(0, 4));
            writer.Reset(buffer, 0, buffer.Length);
            writer.Number(value);
            reader.Reset(buffer, 0, writer.Length);
            Assert.True(reader.Read(), reader.Error);

            Assert.True(reader.TryGetDouble(out double read));
            Assert.Equal(value, read, Math.Abs(value) * 1e-15);
        }
    }
}
