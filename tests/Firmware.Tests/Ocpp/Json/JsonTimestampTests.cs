using System;
using System.Globalization;
using System.Text;
using Wallbox.Firmware.Ocpp.Json;
using static Wallbox.Firmware.Tests.Ocpp.Json.JsonText;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>
/// Timestamps (OCPP 1.6 §3.14: ISO 8601; we read the RFC 3339 §5.6 profile with an explicit zone and write UTC
/// with milliseconds). The civil-date arithmetic is checked against .NET's calendar for every day of 1970..9999.
/// </summary>
public sealed class JsonTimestampTests
{
    [Theory]
    [InlineData("2013-02-01T20:53:32.486Z", "2013-02-01T20:53:32.486Z")]
    [InlineData("2013-02-01T20:53:32Z", "2013-02-01T20:53:32.000Z")]
    [InlineData("2013-02-01T20:53:32+01:00", "2013-02-01T19:53:32.000Z")]
    [InlineData("2013-02-01T20:53:32.486-05:30", "2013-02-02T02:23:32.486Z")]
    [InlineData("2013-02-01T20:53:32-00:00", "2013-02-01T20:53:32.000Z")]
    [InlineData("2013-02-01T20:53:32.4Z", "2013-02-01T20:53:32.400Z")]
    [InlineData("2013-02-01T20:53:32.48Z", "2013-02-01T20:53:32.480Z")]
    [InlineData("2013-02-01T20:53:32.4869999999Z", "2013-02-01T20:53:32.486Z")]
    [InlineData("2013-12-31T23:59:59.9999+23:59", "2013-12-31T00:00:59.999Z")]
    [InlineData("2016-02-29T00:00:00Z", "2016-02-29T00:00:00.000Z")]
    [InlineData("2000-02-29T12:00:00Z", "2000-02-29T12:00:00.000Z")]
    [InlineData("1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000Z")]
    [InlineData("1970-01-01T01:00:00+01:00", "1970-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999Z")]
    public void Date_times_with_a_zone_read_as_UTC_milliseconds(string text, string utc)
    {
        long expected = DateTimeOffset.ParseExact(utc, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            .ToUnixTimeMilliseconds();

        Assert.True(ReaderOnFirstToken("\"" + text + "\"").TryGetTimestamp(out long unixMs));
        Assert.Equal(expected, unixMs);
    }

    [Theory]
    [InlineData("2013-02-01T20:53:32")]             // no zone: local time is ambiguous
    [InlineData("2013-02-01T20:53:32.486")]
    [InlineData("2013-02-01t20:53:32Z")]            // lowercase t (RFC 3339 allows it, ISO 8601 does not; we refuse)
    [InlineData("2013-02-01T20:53:32z")]            // lowercase z
    [InlineData("2013-02-01 20:53:32Z")]            // space instead of T
    [InlineData("2013-02-30T00:00:00Z")]            // Feb 30
    [InlineData("2013-02-29T00:00:00Z")]            // not a leap year
    [InlineData("2100-02-29T00:00:00Z")]            // divisible by 100, not by 400
    [InlineData("2013-04-31T00:00:00Z")]
    [InlineData("2013-13-01T00:00:00Z")]            // month 13
    [InlineData("2013-00-01T00:00:00Z")]
    [InlineData("2013-01-00T00:00:00Z")]
    [InlineData("2013-01-32T00:00:00Z")]
    [InlineData("2013-02-01T24:00:00Z")]            // ISO 8601 end-of-day 24:00 is refused
    [InlineData("2013-02-01T23:60:00Z")]
    [InlineData("2013-06-30T23:59:60Z")]            // leap second: the wall clock has none
    [InlineData("1969-12-31T23:59:59Z")]            // before 1970
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("10000-01-01T00:00:00Z")]           // five-digit year
    [InlineData("1970-01-01T00:30:00+01:00")]       // before 1970 once in UTC
    [InlineData("9999-12-31T23:59:59-01:00")]       // after 9999 once in UTC
    [InlineData("2013-02-01T20:53:32.Z")]           // empty fraction
    [InlineData("2013-02-01T20:53:32,486Z")]        // decimal comma
    [InlineData("2013-02-01T20:53:32+0100")]        // basic-format offset
    [InlineData("2013-02-01T20:53:32+01")]
    [InlineData("2013-02-01T20:53:32+24:00")]
    [InlineData("2013-02-01T20:53:32+01:60")]
    [InlineData("2013-2-01T20:53:32Z")]
    [InlineData("20130201T205332Z")]                // basic format
    [InlineData("2013-02-01")]                      // date only
    [InlineData("2013-02-01T20:53Z")]               // no seconds
    [InlineData("2013-02-01T20:53:32Z ")]
    [InlineData(" 2013-02-01T20:53:32Z")]
    [InlineData("2013-02-01T20:53:32ZZ")]
    [InlineData("+2013-02-01T20:53:32Z")]
    [InlineData("")]
    public void Anything_else_is_not_a_timestamp(string text)
    {
        Assert.False(ReaderOnFirstToken("\"" + text + "\"").TryGetTimestamp(out long unixMs));
        Assert.Equal(0, unixMs);
    }

    [Fact]
    public void A_timestamp_written_with_escapes_or_as_another_token_is_not_read()
    {
        Assert.False(ReaderOnFirstToken("\"2013-02-01T20:53:32\\u005A\"").TryGetTimestamp(out long _));
        Assert.False(ReaderOnFirstToken("1359751412486").TryGetTimestamp(out long _));
        Assert.False(ReaderOnFirstToken("{\"2013-02-01T20:53:32Z\":1}").TryGetTimestamp(out long _));
    }

    [Theory]
    [InlineData(0L, "\"1970-01-01T00:00:00.000Z\"")]
    [InlineData(1795320306123L, "\"2026-11-22T04:05:06.123Z\"")]
    [InlineData(951782400000L, "\"2000-02-29T00:00:00.000Z\"")]
    [InlineData(253402300799999L, "\"9999-12-31T23:59:59.999Z\"")]
    public void Timestamp_writes_UTC_with_milliseconds_and_Z(long unixMs, string expected)
    {
        Assert.Equal(expected, Written(w => w.Timestamp(unixMs)));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(253402300800000L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Timestamp_outside_1970_to_9999_is_an_invalid_value(long unixMs)
    {
        var writer = new JsonWriter();
        writer.Reset(new byte[64], 0, 64);
        writer.Timestamp(unixMs);

        Assert.True(writer.InvalidValue);
        Assert.False(writer.IsComplete);
        Assert.Equal(0, writer.Length);
    }

    [Fact]
    public void Every_day_from_1970_to_9999_is_written_as_the_Gregorian_calendar_has_it_and_reads_back()
    {
        var writer = new JsonWriter();
        var reader = new JsonReader();
        byte[] buffer = new byte[32];
        var random = new Random(1);
        var epoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        int days = (int)(new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc) - epoch).TotalDays;
        for (int day = 0; day <= days; day++)
        {
            long unixMs = (day * 86400000L) + random.Next(86400000);
            writer.Reset(buffer, 0, buffer.Length);
            writer.Timestamp(unixMs);
            string expected = "\"" + epoch.AddMilliseconds(unixMs).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "\"";
            string written = Encoding.ASCII.GetString(buffer, 0, writer.Length);
            if (written != expected)
            {
                Assert.Equal(expected, written);
            }

            reader.Reset(buffer, 0, writer.Length);
            if (!reader.Read() || !reader.TryGetTimestamp(out long read) || read != unixMs)
            {
                Assert.Fail("did not read back: " + written);
            }
        }
    }
}
