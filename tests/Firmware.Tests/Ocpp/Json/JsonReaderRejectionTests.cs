using Wallbox.Firmware.Ocpp.Json;
using static Wallbox.Firmware.Tests.Ocpp.Json.JsonText;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>
/// Everything RFC 8259 does not allow is refused with a message naming the first offending byte's offset; the
/// reader never throws. Offsets are indices in the buffer (here the document starts at 0).
/// </summary>
public sealed class JsonReaderRejectionTests
{
    [Theory]
    [InlineData("", "empty input at 0")]
    [InlineData(" \r\n\t", "empty input at 4")]
    public void Empty_input_is_not_a_document(string json, string error)
    {
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("[1,]", "trailing comma at 2")]
    [InlineData("{\"a\":1,}", "trailing comma at 6")]
    [InlineData("[1 , ]", "trailing comma at 3")]
    public void Trailing_commas_are_refused(string json, string error)
    {
        // RFC 8259 §4, §5: value-separator only between values or members.
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("01", "leading zero at 0")]
    [InlineData("-01", "leading zero at 1")]
    [InlineData("[00]", "leading zero at 1")]
    [InlineData("+1", "unexpected '+' at 0")]
    [InlineData(".5", "unexpected '.' at 0")]
    [InlineData("[-.5]", "invalid number at 2")]
    [InlineData("1.", "invalid number at 2")]
    [InlineData("1.e5", "invalid number at 2")]
    [InlineData("1e", "invalid number at 2")]
    [InlineData("1e+", "invalid number at 3")]
    [InlineData("-", "invalid number at 1")]
    [InlineData("[1.5.3]", "unexpected '.' at 4")]
    [InlineData("0x1F", "trailing data at 1")]
    [InlineData("NaN", "unexpected 'N' at 0")]
    [InlineData("Infinity", "unexpected 'I' at 0")]
    [InlineData("-Infinity", "invalid number at 1")]
    public void Numbers_outside_the_RFC_8259_grammar_are_refused(string json, string error)
    {
        // RFC 8259 §6: number = [ minus ] int [ frac ] [ exp ]; int = zero / ( digit1-9 *DIGIT ); no NaN, no Infinity.
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("tru", "invalid literal at 0")]
    [InlineData("[nulx]", "invalid literal at 1")]
    [InlineData("True", "unexpected 'T' at 0")]
    [InlineData("[undefined]", "unexpected 'u' at 1")]
    public void Only_the_lowercase_literals_exist(string json, string error)
    {
        // RFC 8259 §3: false / null / true, lowercase.
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("'a'", "single-quoted string at 0")]
    [InlineData("{'a':1}", "single-quoted string at 1")]
    [InlineData("/* c */ [1]", "comment at 0")]
    [InlineData("[1 // c\n]", "comment at 3")]
    [InlineData("[1]// c", "trailing data at 3")]
    public void Single_quotes_and_comments_are_not_JSON(string json, string error)
    {
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("\"a\tb\"", "unescaped control character at 2")]
    [InlineData("\"a\nb\"", "unescaped control character at 2")]
    [InlineData("\"\u0000\"", "unescaped control character at 1")]
    [InlineData("\"\u001f\"", "unescaped control character at 1")]
    public void Unescaped_control_characters_in_strings_are_refused(string json, string error)
    {
        // RFC 8259 §7: U+0000 through U+001F must be escaped.
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("\"\\x\"", "invalid escape at 1")]
    [InlineData("\"\\'\"", "invalid escape at 1")]
    [InlineData("\"ab\\U0041\"", "invalid escape at 3")]
    [InlineData("\"\\u12G4\"", "invalid escape at 1")]
    [InlineData("\"\\u12\"", "invalid escape at 1")]
    [InlineData("\"\\", "invalid escape at 1")]
    [InlineData("\"\\uD800\\uZZZZ\"", "invalid escape at 1")]
    public void Escapes_outside_the_RFC_8259_list_are_refused(string json, string error)
    {
        // RFC 8259 §7: \" \\ \/ \b \f \n \r \t \uXXXX, nothing else.
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("\"\\uD800\"", "unpaired surrogate escape at 1")]
    [InlineData("\"\\uDBFF\"", "unpaired surrogate escape at 1")]
    [InlineData("\"\\uDC00\"", "unpaired surrogate escape at 1")]
    [InlineData("\"x\\uDFFF\\uD800\"", "unpaired surrogate escape at 2")]
    [InlineData("\"\\uD800\\u0041\"", "unpaired surrogate escape at 1")]
    [InlineData("\"\\uD800\\uD800\"", "unpaired surrogate escape at 1")]
    [InlineData("\"\\uD800x\"", "unpaired surrogate escape at 1")]
    [InlineData("\"\\uD800\\n\"", "unpaired surrogate escape at 1")]
    public void Surrogate_escapes_are_accepted_only_as_a_high_low_pair(string json, string error)
    {
        // RFC 8259 §8.2: a lone surrogate escape encodes no Unicode character; its string could not be converted.
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData(new byte[] { 0x22, 0xC0, 0xAF, 0x22 }, "invalid UTF-8 at 1")]             // overlong '/'
    [InlineData(new byte[] { 0x22, 0xC1, 0xBF, 0x22 }, "invalid UTF-8 at 1")]             // overlong U+007F
    [InlineData(new byte[] { 0x22, 0xE0, 0x80, 0xAF, 0x22 }, "invalid UTF-8 at 1")]       // overlong 3-byte
    [InlineData(new byte[] { 0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22 }, "invalid UTF-8 at 1")] // overlong 4-byte
    [InlineData(new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 }, "invalid UTF-8 at 1")]       // U+D800 encoded
    [InlineData(new byte[] { 0x22, 0xED, 0xBF, 0xBF, 0x22 }, "invalid UTF-8 at 1")]       // U+DFFF encoded
    [InlineData(new byte[] { 0x22, 0xF4, 0x90, 0x80, 0x80, 0x22 }, "invalid UTF-8 at 1")] // U+110000
    [InlineData(new byte[] { 0x22, 0xF5, 0x80, 0x80, 0x80, 0x22 }, "invalid UTF-8 at 1")]
    [InlineData(new byte[] { 0x22, 0xFF, 0x22 }, "invalid UTF-8 at 1")]
    [InlineData(new byte[] { 0x22, 0x61, 0x80, 0x22 }, "invalid UTF-8 at 2")]             // stray continuation byte
    [InlineData(new byte[] { 0x22, 0xE2, 0x82, 0x22 }, "invalid UTF-8 at 1")]             // cut off by the quote
    [InlineData(new byte[] { 0x22, 0xC3, 0x41, 0x22 }, "invalid UTF-8 at 1")]             // lead byte without continuation
    [InlineData(new byte[] { 0x22, 0xF0, 0x9F, 0x98 }, "invalid UTF-8 at 1")]             // cut off by the end of the buffer
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x5B, 0x5D }, "unexpected byte 0xEF at 0")] // byte order mark (§8.1)
    [InlineData(new byte[] { 0x5B, 0xC3, 0xA4, 0x5D }, "unexpected byte 0xC3 at 1")]       // non-ASCII outside a string
    [InlineData(new byte[] { 0x5B, 0x01, 0x5D }, "unexpected byte 0x01 at 1")]
    public void Ill_formed_UTF_8_is_refused(byte[] json, string error)
    {
        // RFC 8259 §8.1: JSON text is UTF-8; RFC 3629 §4 defines the well-formed sequences.
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("1 2", "trailing data at 2")]
    [InlineData("[1] [2]", "trailing data at 4")]
    [InlineData("{}x", "trailing data at 2")]
    [InlineData("\"a\"\"b\"", "trailing data at 3")]
    [InlineData("truex", "trailing data at 4")]
    [InlineData("[1]\u0000", "trailing data at 3")]
    public void A_second_value_or_anything_after_the_value_is_trailing_data(string json, string error)
    {
        // RFC 8259 §2: JSON-text = ws value ws.
        Assert.Equal(error, ErrorOf(json));
    }

    [Fact]
    public void Nesting_deeper_than_16_is_refused_at_the_17th_opening_bracket()
    {
        string json = new string('[', JsonReader.MaxDepth + 1) + new string(']', JsonReader.MaxDepth + 1);
        Assert.Equal("nesting deeper than 16 at 16", ErrorOf(json));
        Assert.Equal("nesting deeper than 16 at 80", ErrorOf(string.Concat(System.Linq.Enumerable.Repeat("{\"a\":", 17)) + "1" + new string('}', 17)));
    }

    [Theory]
    [InlineData("[1", "unexpected end at 2")]
    [InlineData("[1,", "unexpected end at 3")]
    [InlineData("{\"a\"", "unexpected end at 4")]
    [InlineData("{\"a\":", "unexpected end at 5")]
    [InlineData("{", "unexpected end at 1")]
    [InlineData("\"abc", "unterminated string at 0")]
    [InlineData("[\"a\\\"]", "unterminated string at 1")]
    public void A_truncated_document_is_refused(string json, string error)
    {
        Assert.Equal(error, ErrorOf(json));
    }

    [Theory]
    [InlineData("{\"a\"]", "unexpected ']' at 4")]
    [InlineData("{\"a\" 1}", "unexpected '1' at 5")]
    [InlineData("{\"a\":1 \"b\":2}", "unexpected '\"' at 7")]
    [InlineData("[1 2]", "unexpected '2' at 3")]
    [InlineData("{1:2}", "unexpected '1' at 1")]
    [InlineData("]", "unexpected ']' at 0")]
    [InlineData("[}", "unexpected '}' at 1")]
    [InlineData("{]", "unexpected ']' at 1")]
    [InlineData("[1,,2]", "unexpected ',' at 3")]
    [InlineData("[,1]", "unexpected ',' at 1")]
    [InlineData("{\"a\":1,2}", "unexpected '2' at 7")]
    [InlineData("{\"a\"::1}", "unexpected ':' at 5")]
    [InlineData("[1:2]", "unexpected ':' at 2")]
    public void Structural_mistakes_name_the_unexpected_byte(string json, string error)
    {
        Assert.Equal(error, ErrorOf(json));
    }

    [Fact]
    public void After_an_error_Read_keeps_returning_false_with_the_same_error()
    {
        var reader = ReaderOnFirstToken("[1,]");
        Assert.True(reader.Read());
        Assert.False(reader.Read());
        Assert.Equal("trailing comma at 2", reader.Error);
        Assert.Equal(2, reader.ErrorOffset);
        Assert.False(reader.Read());
        Assert.False(reader.Skip());
        Assert.Equal("trailing comma at 2", reader.Error);
        Assert.False(reader.IsComplete);
    }

    [Fact]
    public void Tokens_before_an_error_are_reported_so_decoders_must_check_IsComplete()
    {
        var reader = ReaderOnFirstToken("{\"a\":1,\"b\"}");
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.TryGetInt32(out int a));
        Assert.Equal(1, a);
        Assert.True(reader.Read());
        Assert.False(reader.Read());
        Assert.Equal("unexpected '}' at 10", reader.Error);
        Assert.False(reader.IsComplete);
    }
}
