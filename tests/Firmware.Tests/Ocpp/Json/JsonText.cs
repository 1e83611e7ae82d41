using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wallbox.Firmware.Ocpp.Json;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>
/// Test helpers: documents as UTF-8 and the reader's token stream in a compact notation — "{" "}" "[" "]",
/// <c>name:</c> for a property name, <c>"text"</c> for a string value (unescaped), the raw text of a number, and
/// the literals; separated by spaces.
/// </summary>
internal static class JsonText
{
    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>The token stream of a document the reader must accept.</summary>
    public static string Tokens(string json) => Tokens(Utf8(json));

    /// <summary>The token stream of a document the reader must accept.</summary>
    public static string Tokens(byte[] json)
    {
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        string tokens = ReadTokens(reader, json);
        Assert.False(reader.HasError, reader.Error);
        Assert.True(reader.IsComplete);
        return tokens;
    }

    /// <summary>Reads to the end and returns <see cref="JsonReader.Error"/>, or "ok" for a complete document.</summary>
    public static string ErrorOf(string json) => ErrorOf(Utf8(json));

    /// <summary>Reads to the end and returns <see cref="JsonReader.Error"/>, or "ok" for a complete document.</summary>
    public static string ErrorOf(byte[] json)
    {
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        while (reader.Read())
        {
        }

        if (reader.HasError)
        {
            Assert.False(reader.IsComplete);
            Assert.Equal(JsonTokenType.None, reader.TokenType);
            return reader.Error;
        }

        Assert.True(reader.IsComplete);
        return "ok";
    }

    /// <summary>Reads the remaining tokens into the compact notation.</summary>
    public static string ReadTokens(JsonReader reader, byte[] json)
    {
        var tokens = new List<string>();
        while (reader.Read())
        {
            tokens.Add(Describe(reader, json));
        }

        return string.Join(" ", tokens);
    }

    /// <summary>The current token in the compact notation.</summary>
    public static string Describe(JsonReader reader, byte[] json)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject: return "{";
            case JsonTokenType.EndObject: return "}";
            case JsonTokenType.StartArray: return "[";
            case JsonTokenType.EndArray: return "]";
            case JsonTokenType.PropertyName: return reader.GetString() + ":";
            case JsonTokenType.String: return "\"" + reader.GetString() + "\"";
            case JsonTokenType.Number: return Encoding.ASCII.GetString(json, reader.TokenStart, reader.TokenLength);
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Null: return "null";
            default: return "none";
        }
    }

    /// <summary>A reader positioned on the first token of <paramref name="json"/>.</summary>
    public static JsonReader ReaderOnFirstToken(string json)
    {
        byte[] bytes = Utf8(json);
        var reader = new JsonReader();
        reader.Reset(bytes, 0, bytes.Length);
        Assert.True(reader.Read(), reader.Error);
        return reader;
    }

    /// <summary>Writes with <paramref name="write"/> into a buffer of <paramref name="capacity"/> bytes and returns the text.</summary>
    public static string Written(System.Action<JsonWriter> write, int capacity = 1024)
    {
        var writer = new JsonWriter();
        byte[] buffer = new byte[capacity];
        writer.Reset(buffer, 0, capacity);
        write(writer);
        Assert.False(writer.Overflow);
        Assert.False(writer.InvalidValue);
        Assert.True(writer.IsComplete);
        return Encoding.UTF8.GetString(buffer, 0, writer.Length);
    }

    public static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
