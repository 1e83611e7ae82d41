using System;
using System.Text;
using Wallbox.Firmware.Ocpp.Json;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>What the reader reads, the writer writes back, and the reader reads the same again.</summary>
public sealed class JsonRoundTripTests
{
    [Fact]
    public void Random_documents_read_written_and_read_again_give_the_same_tokens_and_values()
    {
        var random = new RandomJson(4242);
        var first = new JsonReader();
        var second = new JsonReader();
        var writer = new JsonWriter();
        byte[] output = new byte[64 * 1024];
        int documents = 0;
        while (documents < 5000)
        {
            byte[] document = Encoding.UTF8.GetBytes(random.Document(random.Random.Next(1, JsonReader.MaxDepth + 1)));
            first.Reset(document, 0, document.Length);
            writer.Reset(output, 0, output.Length);
            if (!Copy(first, writer))
            {
                continue; // the generator's occasional invalid piece
            }

            documents++;
            Assert.True(writer.IsComplete);
            first.Reset(document, 0, document.Length);
            second.Reset(output, 0, writer.Length);
            while (first.Read())
            {
                Assert.True(second.Read(), second.Error);
                Assert.Equal(first.TokenType, second.TokenType);
                Assert.Equal(first.Depth, second.Depth);
                switch (first.TokenType)
                {
                    case JsonTokenType.PropertyName:
                    case JsonTokenType.String:
                        Assert.Equal(first.GetString(), second.GetString());
                        break;
                    case JsonTokenType.Number:
                        if (first.TryGetInt64(out long integer))
                        {
                            Assert.True(second.TryGetInt64(out long again));
                            Assert.Equal(integer, again);
                        }
                        else
                        {
                            Assert.True(first.TryGetDouble(out double value));
                            Assert.True(second.TryGetDouble(out double again));
                            // Rounded to thousandths: within half of one (plus the reading's own rounding).
                            Assert.True(Math.Abs(again - value) <= 0.0005 + (Math.Abs(value) * 1e-15), value + " -> " + again);
                        }

                        break;
                }
            }

            Assert.False(second.Read());
            Assert.True(second.IsComplete);
        }
    }

    [Fact]
    public void A_compact_document_written_from_its_own_tokens_is_the_same_bytes()
    {
        const string Frame = "[3,\"19223201\",{\"status\":\"Accepted\",\"currentTime\":\"2013-02-01T20:53:32.486Z\",\"interval\":300,"
            + "\"idTagInfo\":{\"status\":\"Blocked\",\"parentIdTag\":null},\"list\":[true,false,[],{}],\"text\":\"é\\n\\\"\"}]";
        byte[] document = Encoding.UTF8.GetBytes(Frame);
        var reader = new JsonReader();
        var writer = new JsonWriter();
        byte[] output = new byte[1024];
        reader.Reset(document, 0, document.Length);
        writer.Reset(output, 0, output.Length);

        Assert.True(Copy(reader, writer));
        Assert.Equal(Frame, Encoding.UTF8.GetString(output, 0, writer.Length));
    }

    /// <summary>Writes what the reader reads; false if the reader refuses the document or a number cannot be written.</summary>
    private static bool Copy(JsonReader reader, JsonWriter writer)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject: writer.BeginObject(); break;
                case JsonTokenType.EndObject: writer.EndObject(); break;
                case JsonTokenType.StartArray: writer.BeginArray(); break;
                case JsonTokenType.EndArray: writer.EndArray(); break;
                case JsonTokenType.PropertyName: writer.Name(reader.GetString()); break;
                case JsonTokenType.String:
                    if (reader.TryGetTimestamp(out long unixMs) && reader.TokenLength == 26)
                    {
                        writer.Timestamp(unixMs); // only the written form (24 characters) round-trips byte for byte
                    }
                    else
                    {
                        writer.String(reader.GetString());
                    }

                    break;
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out long integer))
                    {
                        writer.Int(integer);
                    }
                    else if (reader.TryGetDouble(out double value))
                    {
                        writer.Number(value);
                    }
                    else
                    {
                        return false;
                    }

                    break;
                case JsonTokenType.True: writer.Bool(true); break;
                case JsonTokenType.False: writer.Bool(false); break;
                default: writer.Null(); break;
            }
        }

        return reader.IsComplete && writer.IsComplete;
    }
}
