using Wallbox.Firmware.Ocpp.Json;
using static Wallbox.Firmware.Tests.Ocpp.Json.JsonText;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>Skipping unknown values, and rewinding to count array items before reading them (two-pass decoding).</summary>
public sealed class JsonReaderNavigationTests
{
    private const string Frame =
        "{\"unknown\":{\"deep\":[1,[2,{\"x\":[]}],\"s\"],\"e\":{}},\"listVersion\":42,\"list\":[{\"idTag\":\"A\"},{\"idTag\":\"B\"},{\"idTag\":\"C\"}]}";

    [Fact]
    public void Skip_on_a_property_name_skips_the_name_and_its_whole_value()
    {
        byte[] json = Utf8(Frame);
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.ValueEquals("unknown"));

        Assert.True(reader.Skip());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(1, reader.Depth);
        Assert.Equal("listVersion: 42 list: [ { idTag: \"A\" } { idTag: \"B\" } { idTag: \"C\" } ] }", ReadTokens(reader, json));
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void Skip_on_a_start_token_moves_to_its_matching_end()
    {
        byte[] json = Utf8("[[1,[2]],[3],4]");
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.True(reader.Skip());
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.Equal(1, reader.Depth);
        Assert.Equal(7, reader.TokenStart);
        Assert.Equal("[ 3 ] 4 ]", ReadTokens(reader, json));
    }

    [Theory]
    [InlineData("[1,2]", JsonTokenType.Number)]
    [InlineData("[\"a\",2]", JsonTokenType.String)]
    [InlineData("[null,2]", JsonTokenType.Null)]
    [InlineData("[true,2]", JsonTokenType.True)]
    public void Skip_on_a_scalar_stays_on_it(string text, JsonTokenType type)
    {
        byte[] json = Utf8(text);
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        Assert.True(reader.Read());
        Assert.True(reader.Read());

        Assert.True(reader.Skip());
        Assert.Equal(type, reader.TokenType);
        Assert.Equal("2 ]", ReadTokens(reader, json));
    }

    [Fact]
    public void Skip_over_the_top_level_value_completes_the_document()
    {
        var reader = ReaderOnFirstToken(Frame);

        Assert.True(reader.Skip());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(0, reader.Depth);
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void Skip_reports_an_error_inside_the_skipped_value()
    {
        var reader = ReaderOnFirstToken("{\"a\":[1,{\"b\":tru}],\"c\":1}");
        Assert.True(reader.Read());

        Assert.False(reader.Skip());
        Assert.True(reader.HasError);
        Assert.Equal("invalid literal at 13", reader.Error);
    }

    [Fact]
    public void Skip_of_a_value_cut_off_by_the_end_reports_it()
    {
        var reader = ReaderOnFirstToken("[[1,[2]");

        Assert.False(reader.Skip());
        Assert.Equal("unexpected end at 7", reader.Error);
    }

    [Fact]
    public void GetState_and_SetState_count_array_items_then_read_them_again()
    {
        byte[] json = Utf8(Frame);
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        while (reader.Read() && !(reader.TokenType == JsonTokenType.PropertyName && reader.ValueEquals("list")))
        {
        }

        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
        JsonReaderState atList = reader.GetState();

        // First pass: count the items without reading them.
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            count++;
            Assert.True(reader.Skip());
        }

        Assert.Equal(3, count);

        // Second pass: from the same token, read them into an array of that size.
        reader.SetState(atList);
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
        string[] tags = new string[count];
        for (int i = 0; i < count; i++)
        {
            Assert.True(reader.Read()); // {
            Assert.True(reader.Read()); // idTag
            Assert.True(reader.Read());
            tags[i] = reader.GetString();
            Assert.True(reader.Read()); // }
        }

        Assert.Equal(new[] { "A", "B", "C" }, tags);
        Assert.Equal("] }", ReadTokens(reader, json));
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void SetState_restores_the_current_token_with_its_values()
    {
        byte[] json = Utf8("[\"a\\u00e9\",1.5,-7]");
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        JsonReaderState onString = reader.GetState();
        Assert.True(reader.Read());
        JsonReaderState onNumber = reader.GetState();
        Assert.Equal("-7 ]", ReadTokens(reader, json));
        Assert.True(reader.IsComplete);

        reader.SetState(onString);
        Assert.Equal("aé", reader.GetString());
        Assert.Equal(2, reader.GetStringLength());
        Assert.Equal(1, reader.Depth);
        Assert.False(reader.IsComplete);

        reader.SetState(onNumber);
        Assert.True(reader.TryGetDouble(out double value));
        Assert.Equal(1.5, value);
        Assert.False(reader.TryGetInt32(out int _));
        Assert.Equal("-7 ]", ReadTokens(reader, json));
    }

    [Fact]
    public void A_state_taken_before_an_error_reads_up_to_the_error_again()
    {
        byte[] json = Utf8("[1,2,]");
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        Assert.True(reader.Read());
        JsonReaderState start = reader.GetState();
        while (reader.Read())
        {
        }

        Assert.Equal("trailing comma at 4", reader.Error);
        reader.SetState(start);
        Assert.False(reader.HasError);
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.False(reader.Read());
        Assert.Equal("trailing comma at 4", reader.Error);
    }
}
