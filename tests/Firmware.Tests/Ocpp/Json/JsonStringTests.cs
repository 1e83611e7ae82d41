using System.Text;
using Wallbox.Firmware.Ocpp.Json;
using static Wallbox.Firmware.Tests.Ocpp.Json.JsonText;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>Strings: escapes (RFC 8259 §7), UTF-8 (RFC 3629), comparison and length without allocation.</summary>
public sealed class JsonStringTests
{
    [Fact]
    public void Every_RFC_8259_escape_is_unescaped()
    {
        var reader = ReaderOnFirstToken("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\u20AC \\u0000\"");

        Assert.Equal("\" \\ / \b \f \n \r \t A é € \0", reader.GetString());
        Assert.Equal(reader.GetString().Length, reader.GetStringLength());
    }

    [Fact]
    public void A_surrogate_pair_escape_is_one_supplementary_character_of_two_UTF_16_units()
    {
        var reader = ReaderOnFirstToken("\"\\uD83D\\uDE00\"");

        Assert.Equal("\U0001F600", reader.GetString());
        Assert.Equal(2, reader.GetStringLength());
        Assert.True(reader.ValueEquals("\U0001F600"));
    }

    [Fact]
    public void Non_ASCII_UTF_8_of_two_three_and_four_bytes_is_decoded()
    {
        string text = "Grüße, Ωμέγα, 電気自動車, €, \U0001F50C\U0001F697";
        var reader = ReaderOnFirstToken("\"" + text + "\"");

        Assert.Equal(text, reader.GetString());
        Assert.Equal(text.Length, reader.GetStringLength());
        Assert.True(reader.ValueEquals(text));
    }

    [Theory]
    [InlineData("\"Accepted\"", "Accepted", true)]
    [InlineData("\"Accepted\"", "Accepte", false)]
    [InlineData("\"Accepted\"", "Acceptee", false)]
    [InlineData("\"Accepted\"", "accepted", false)]
    [InlineData("\"\\u0041ccepted\"", "Accepted", true)]
    [InlineData("\"a\\nb\"", "a\nb", true)]
    [InlineData("\"a\\nb\"", "a\\nb", false)]
    [InlineData("\"\"", "", true)]
    [InlineData("\"ü\"", "u", false)]
    [InlineData("\"\\uD83D\\uDE00\"", "\U0001F601", false)]
    public void ValueEquals_compares_the_unescaped_value_ordinally(string json, string text, bool equal)
    {
        Assert.Equal(equal, ReaderOnFirstToken(json).ValueEquals(text));
    }

    [Fact]
    public void ValueEquals_works_on_property_names_and_is_false_for_other_tokens_and_null()
    {
        var reader = ReaderOnFirstToken("{\"status\":1}");
        Assert.False(reader.ValueEquals("{"));
        Assert.True(reader.Read());
        Assert.True(reader.ValueEquals("status"));
        Assert.False(reader.ValueEquals(null));
        Assert.True(reader.Read());
        Assert.False(reader.ValueEquals("1"));
        Assert.Null(reader.GetString());
        Assert.Equal(0, reader.GetStringLength());
    }

    [Fact]
    public void GetString_of_the_null_literal_is_null_and_of_an_empty_string_is_empty()
    {
        Assert.Null(ReaderOnFirstToken("null").GetString());
        Assert.Equal(string.Empty, ReaderOnFirstToken("\"\"").GetString());
    }

    [Fact]
    public void Strings_longer_than_the_scratch_array_are_read_whole()
    {
        string text = new string('x', JsonReader.StringScratchChars * 3) + "é\U0001F600";
        var reader = ReaderOnFirstToken("\"" + text + "\"");

        Assert.Equal(text, reader.GetString());
        Assert.Equal(text.Length, reader.GetStringLength());
        Assert.True(reader.ValueEquals(text));
    }

    [Fact]
    public void GetString_returns_a_new_string_each_time_and_the_scratch_array_does_not_leak_between_tokens()
    {
        var reader = ReaderOnFirstToken("[\"long value\",\"ab\"]");
        Assert.True(reader.Read());
        string first = reader.GetString();
        Assert.True(reader.Read());
        Assert.Equal("ab", reader.GetString());
        Assert.Equal("long value", first);
    }

    [Fact]
    public void The_writer_escapes_quote_backslash_and_control_characters_and_nothing_else()
    {
        string written = Written(w => w.String("\"\\\b\f\n\r\t\u0001\u001f\u007f/é€\U0001F600<>&'"));

        Assert.Equal("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001F\u007f/é€\U0001F600<>&'\"", written);
    }

    [Fact]
    public void The_writer_encodes_non_ASCII_as_UTF_8_byte_for_byte()
    {
        var writer = new JsonWriter();
        byte[] buffer = new byte[32];
        writer.Reset(buffer, 0, buffer.Length);
        writer.String("é€\U0001F600");

        Assert.Equal(
            new byte[] { 0x22, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0x22 },
            buffer[..writer.Length]);
    }

    [Fact]
    public void The_writer_replaces_an_unpaired_surrogate_with_U_FFFD()
    {
        string[] texts = { "a\uD800b", "a\uDC00b", "a\uDC00\uD800b", "ab\uD800", "\uDBFF\uDBFF\uDFFF" };
        string[] expected = { "a\uFFFDb", "a\uFFFDb", "a\uFFFD\uFFFDb", "ab\uFFFD", "\uFFFD\U0010FFFF" };
        for (int i = 0; i < texts.Length; i++)
        {
            string written = Written(w => w.String(texts[i]));

            Assert.Equal("\"" + expected[i] + "\"", written);
            Assert.Equal("ok", ErrorOf(written));
        }
    }

    [Fact]
    public void Every_BMP_character_and_a_supplementary_one_round_trip_through_writer_and_reader()
    {
        var all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++)
        {
            if (c < 0xD800 || c > 0xDFFF)
            {
                all.Append((char)c);
            }
        }

        all.Append("\U0001F600\U0010FFFF\U00010000");
        string text = all.ToString();
        var writer = new JsonWriter();
        byte[] buffer = new byte[text.Length * 6 + 2];
        writer.Reset(buffer, 0, buffer.Length);
        writer.String(text);
        Assert.True(writer.IsComplete);
        Assert.Equal(text, ReadBack(buffer, writer.Length));
    }

    [Fact]
    public void Escaped_and_raw_forms_of_the_same_text_read_the_same()
    {
        var escaped = ReaderOnFirstToken("\"\\u0047r\\u00FC\\u00DFe \\u20ac \\ud83d\\ude00\"");
        var raw = ReaderOnFirstToken("\"Grüße € \U0001F600\"");

        Assert.Equal(raw.GetString(), escaped.GetString());
        Assert.Equal(raw.GetStringLength(), escaped.GetStringLength());
    }

    private static string ReadBack(byte[] buffer, int length)
    {
        var reader = new JsonReader();
        reader.Reset(buffer, 0, length);
        Assert.True(reader.Read(), reader.Error);
        Assert.True(reader.IsComplete);
        return reader.GetString();
    }
}
