using System.Collections.Generic;
using Wallbox.Firmware.Ocpp.Json;
using static Wallbox.Firmware.Tests.Ocpp.Json.JsonText;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>The token stream of valid documents (RFC 8259 §2–§7) and the reader's position properties.</summary>
public sealed class JsonReaderTokenTests
{
    [Fact]
    public void An_OCPP_J_CALL_frame_reads_as_its_token_sequence()
    {
        Assert.Equal(
            "[ 2 \"19223201\" \"BootNotification\" { chargePointVendor: \"VendorX\" chargePointModel: \"SingleSocketCharger\" } ]",
            Tokens("[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"SingleSocketCharger\"}]"));
    }

    [Fact]
    public void Every_value_kind_is_reported_with_its_token_type()
    {
        Assert.Equal(
            "{ a: true b: false c: null d: -1.5e+3 e: \"x\" f: [ ] g: { } }",
            Tokens("{\"a\":true,\"b\":false,\"c\":null,\"d\":-1.5e+3,\"e\":\"x\",\"f\":[],\"g\":{}}"));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "-0")]
    [InlineData("\"text\"", "\"text\"")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("null", "null")]
    [InlineData("[]", "[ ]")]
    [InlineData("{}", "{ }")]
    public void Any_value_may_be_the_top_level_value(string json, string tokens)
    {
        // RFC 8259 §2: JSON-text = ws value ws (RFC 4627 allowed only objects and arrays).
        Assert.Equal(tokens, Tokens(json));
    }

    [Fact]
    public void Whitespace_is_space_tab_line_feed_and_carriage_return_around_every_token()
    {
        Assert.Equal("{ a: [ 1 2 ] }", Tokens(" \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n[ 1 \t\r\n, \t\r\n2 ] \t\r\n} \t\r\n"));
    }

    [Fact]
    public void Depth_counts_open_containers_as_System_Text_Json_CurrentDepth_does()
    {
        var reader = ReaderOnFirstToken("{\"a\":[1,{\"b\":2}],\"c\":3}");
        var depths = new List<string> { reader.TokenType + "@" + reader.Depth };
        while (reader.Read())
        {
            depths.Add(reader.TokenType + "@" + reader.Depth);
        }

        Assert.Equal(
            new[]
            {
                "StartObject@0", "PropertyName@1", "StartArray@1", "Number@2", "StartObject@2", "PropertyName@3",
                "Number@3", "EndObject@2", "EndArray@1", "PropertyName@1", "Number@1", "EndObject@0",
            },
            depths);
    }

    [Fact]
    public void IsComplete_becomes_true_with_the_token_that_ends_the_top_level_value()
    {
        var reader = ReaderOnFirstToken("[1] ");
        Assert.False(reader.IsComplete);
        Assert.True(reader.Read());
        Assert.False(reader.IsComplete);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.True(reader.IsComplete);
        Assert.False(reader.Read());
        Assert.Equal(JsonTokenType.None, reader.TokenType);
        Assert.True(reader.IsComplete);
        Assert.False(reader.HasError);
        Assert.Null(reader.Error);
        Assert.False(reader.Read()); // stays at the end
    }

    [Fact]
    public void TokenStart_and_TokenLength_give_the_raw_bytes_of_the_token()
    {
        byte[] json = Utf8("{\"a\\n\": \"x\\u0041\" ,\"n\":-12.5e3}");
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        var raw = new List<string>();
        while (reader.Read())
        {
            raw.Add(System.Text.Encoding.UTF8.GetString(json, reader.TokenStart, reader.TokenLength));
        }

        Assert.Equal(new[] { "{", "\"a\\n\"", "\"x\\u0041\"", "\"n\"", "-12.5e3", "}" }, raw);
    }

    [Fact]
    public void A_document_inside_a_larger_buffer_is_read_from_its_offset_and_offsets_are_buffer_indices()
    {
        byte[] buffer = Utf8("xxxx[1,2]yyyy");
        var reader = new JsonReader();
        reader.Reset(buffer, 4, 5);
        Assert.Equal("[ 1 2 ]", ReadTokens(reader, buffer));
        Assert.True(reader.IsComplete);

        reader.Reset(buffer, 4, 6);
        while (reader.Read())
        {
        }

        Assert.Equal("trailing data at 9", reader.Error);
        Assert.Equal(9, reader.ErrorOffset);
    }

    [Fact]
    public void Sixteen_nested_containers_are_accepted()
    {
        string json = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);
        Assert.Equal("ok", ErrorOf(json));
        json = "{\"a\":" + new string('[', JsonReader.MaxDepth - 1) + new string(']', JsonReader.MaxDepth - 1) + "}";
        Assert.Equal("ok", ErrorOf(json));
    }

    [Fact]
    public void Duplicate_member_names_are_reported_as_read_for_the_decoder_to_decide()
    {
        // RFC 8259 §4: names SHOULD be unique; OCPP says nothing. The reader does not track names.
        Assert.Equal("{ a: 1 a: 2 }", Tokens("{\"a\":1,\"a\":2}"));
    }

    [Fact]
    public void Reset_starts_over_on_a_new_document_after_an_error()
    {
        var reader = new JsonReader();
        byte[] bad = Utf8("[1,]");
        reader.Reset(bad, 0, bad.Length);
        while (reader.Read())
        {
        }

        Assert.True(reader.HasError);
        byte[] good = Utf8("[1]");
        reader.Reset(good, 0, good.Length);
        Assert.False(reader.HasError);
        Assert.Equal(0, reader.ErrorOffset);
        Assert.Equal("[ 1 ]", ReadTokens(reader, good));
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void Reset_with_a_range_outside_the_buffer_is_a_programming_error()
    {
        var reader = new JsonReader();
        Assert.Throws<System.ArgumentNullException>(() => reader.Reset(null, 0, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], 2, 3));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], -1, 1));
    }
}
