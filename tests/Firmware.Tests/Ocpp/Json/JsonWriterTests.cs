using System.Text;
using Wallbox.Firmware.Ocpp.Json;
using static Wallbox.Firmware.Tests.Ocpp.Json.JsonText;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>The writer: compact RFC 8259 output byte for byte, separators, overflow and misuse.</summary>
public sealed class JsonWriterTests
{
    [Fact]
    public void An_OCPP_J_CALL_frame_is_written_byte_for_byte()
    {
        string written = Written(w =>
        {
            w.BeginArray();
            w.Int(2);
            w.String("19223201");
            w.String("StatusNotification");
            w.BeginObject();
            w.Name("connectorId");
            w.Int(1);
            w.Name("errorCode");
            w.String("NoError");
            w.Name("status");
            w.String("Available");
            w.Name("timestamp");
            w.Timestamp(1795320306123L);
            w.Name("info");
            w.Null();
            w.EndObject();
            w.EndArray();
        });

        Assert.Equal(
            "[2,\"19223201\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\","
            + "\"timestamp\":\"2026-11-22T04:05:06.123Z\",\"info\":null}]",
            written);
    }

    [Fact]
    public void Commas_separate_members_and_values_at_every_level_and_empty_containers_have_none()
    {
        string written = Written(w =>
        {
            w.BeginObject();
            w.Name("a");
            w.BeginArray();
            w.BeginArray();
            w.EndArray();
            w.BeginObject();
            w.EndObject();
            w.Bool(true);
            w.Bool(false);
            w.Number(1.5);
            w.EndArray();
            w.Name("b");
            w.BeginObject();
            w.Name("c");
            w.Int(-3);
            w.EndObject();
            w.Name("d\"");
            w.String(string.Empty);
            w.EndObject();
        });

        Assert.Equal("{\"a\":[[],{},true,false,1.5],\"b\":{\"c\":-3},\"d\\\"\":\"\"}", written);
    }

    [Fact]
    public void A_scalar_may_be_the_whole_document_and_a_null_string_writes_null()
    {
        Assert.Equal("\"x\"", Written(w => w.String("x")));
        Assert.Equal("null", Written(w => w.String(null)));
        Assert.Equal("false", Written(w => w.Bool(false)));
    }

    [Fact]
    public void Running_out_of_capacity_sets_Overflow_and_never_writes_past_the_capacity()
    {
        byte[] buffer = new byte[40];
        for (int capacity = 0; capacity < 31; capacity++)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = 0xAA;
            }

            var writer = new JsonWriter();
            writer.Reset(buffer, 5, capacity);
            WriteSmallFrame(writer);

            Assert.True(writer.Overflow, "capacity " + capacity);
            Assert.False(writer.IsComplete);
            Assert.False(writer.InvalidValue);
            Assert.True(writer.Length <= capacity);
            for (int i = 0; i < buffer.Length; i++)
            {
                if (i < 5 || i >= 5 + capacity)
                {
                    Assert.Equal(0xAA, buffer[i]);
                }
            }
        }
    }

    [Fact]
    public void Exactly_enough_capacity_completes_the_document()
    {
        byte[] buffer = new byte[31];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        WriteSmallFrame(writer);

        Assert.False(writer.Overflow);
        Assert.True(writer.IsComplete);
        Assert.Equal(31, writer.Length);
        Assert.Equal("[2,\"id\",\"Heartbeat\",{\"a\":\"é\"}]", Encoding.UTF8.GetString(buffer));
    }

    [Fact]
    public void Reset_clears_Overflow_and_starts_a_new_document()
    {
        var writer = new JsonWriter();
        byte[] small = new byte[2];
        writer.Reset(small, 0, small.Length);
        writer.String("long");
        Assert.True(writer.Overflow);

        byte[] buffer = new byte[16];
        writer.Reset(buffer, 0, buffer.Length);
        Assert.False(writer.Overflow);
        Assert.Equal(0, writer.Length);
        writer.String("long");
        Assert.True(writer.IsComplete);
        Assert.Equal("\"long\"", Encoding.UTF8.GetString(buffer, 0, writer.Length));
    }

    [Fact]
    public void Calls_out_of_order_set_InvalidValue_and_stop_the_output()
    {
        AssertInvalid(w => { w.BeginObject(); w.Int(1); });                 // a value without a name
        AssertInvalid(w => { w.BeginArray(); w.Name("a"); });               // a name in an array
        AssertInvalid(w => w.Name("a"));                                    // a name at the top level
        AssertInvalid(w => { w.BeginObject(); w.Name("a"); w.Name("b"); }); // two names in a row
        AssertInvalid(w => { w.BeginObject(); w.Name("a"); w.EndObject(); }); // a name without a value
        AssertInvalid(w => { w.BeginObject(); w.Name(null); });
        AssertInvalid(w => { w.BeginObject(); w.EndArray(); });
        AssertInvalid(w => w.EndObject());
        AssertInvalid(w => { w.Int(1); w.Int(2); });                        // two top-level values
        AssertInvalid(w =>
        {
            for (int i = 0; i <= JsonReader.MaxDepth; i++)
            {
                w.BeginArray();
            }
        });
    }

    [Fact]
    public void Sixteen_nested_containers_are_written()
    {
        string written = Written(w =>
        {
            for (int i = 0; i < JsonReader.MaxDepth; i++)
            {
                w.BeginArray();
            }

            for (int i = 0; i < JsonReader.MaxDepth; i++)
            {
                w.EndArray();
            }
        });

        Assert.Equal(new string('[', 16) + new string(']', 16), written);
    }

    [Fact]
    public void An_unfinished_document_is_not_complete()
    {
        var writer = new JsonWriter();
        writer.Reset(new byte[16], 0, 16);
        Assert.False(writer.IsComplete);
        writer.BeginArray();
        Assert.False(writer.IsComplete);
        writer.EndArray();
        Assert.True(writer.IsComplete);
    }

    [Fact]
    public void Reset_with_a_range_outside_the_buffer_is_a_programming_error()
    {
        var writer = new JsonWriter();
        Assert.Throws<System.ArgumentNullException>(() => writer.Reset(null, 0, 0));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => writer.Reset(new byte[4], 1, 4));
    }

    private static void WriteSmallFrame(JsonWriter writer)
    {
        writer.BeginArray();
        writer.Int(2);
        writer.String("id");
        writer.String("Heartbeat");
        writer.BeginObject();
        writer.Name("a");
        writer.String("é");
        writer.EndObject();
        writer.EndArray();
    }

    private static void AssertInvalid(System.Action<JsonWriter> write)
    {
        var writer = new JsonWriter();
        byte[] buffer = new byte[64];
        writer.Reset(buffer, 0, buffer.Length);
        write(writer);
        int length = writer.Length;

        Assert.True(writer.InvalidValue);
        Assert.False(writer.Overflow);
        Assert.False(writer.IsComplete);
        writer.String("more");
        writer.EndObject();
        writer.EndArray();
        Assert.Equal(length, writer.Length);
    }
}
