using System;
using System.Text;
using Wallbox.Firmware.Ocpp.Json;
using Xunit.Abstractions;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>
/// The steady-state paths allocate nothing: decoding a MeterValues frame with comparisons and TryGet… only, and
/// writing one (architecture.md, "Bounded memory").
/// </summary>
public sealed class JsonAllocationTests
{
    private static readonly string[] Phases = { "L1", "L2", "L3" };
    private static readonly string[] Measurands = { "Voltage", "Current.Import", "Power.Active.Import", "Energy.Active.Import.Register" };
    private static readonly string[] Units = { "V", "A", "W", "Wh" };
    private static readonly string[] Names =
    {
        "connectorId", "transactionId", "meterValue", "timestamp", "sampledValue", "value", "context", "format",
        "measurand", "phase", "location", "unit",
    };

    private readonly ITestOutputHelper _output;

    public JsonAllocationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Reading_a_2_KB_MeterValues_frame_token_by_token_with_ValueEquals_and_TryGet_allocates_nothing()
    {
        byte[] frame = Encoding.UTF8.GetBytes(MeterValuesFrame());
        Assert.InRange(frame.Length, 1800, 2600);
        var reader = new JsonReader();
        long checksum = Decode(reader, frame); // warm-up: JIT, static tables

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            checksum += Decode(reader, frame);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        _output.WriteLine("report: JSON reader: 100 reads of a " + frame.Length + "-byte MeterValues frame: " + allocated + " bytes allocated");
        Assert.Equal(0, allocated);
        Assert.Equal(Decode(reader, frame) * 101, checksum);
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void Writing_a_MeterValues_frame_allocates_nothing()
    {
        var writer = new JsonWriter();
        byte[] buffer = new byte[4096];
        int length = Encode(writer, buffer); // warm-up

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            length = Encode(writer, buffer);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        _output.WriteLine("report: JSON writer: 100 writes of a " + length + "-byte MeterValues frame: " + allocated + " bytes allocated");
        Assert.Equal(0, allocated);
        Assert.True(writer.IsComplete);
        Assert.Equal(MeterValuesFrame(), Encoding.UTF8.GetString(buffer, 0, length));
    }

    /// <summary>
    /// A MeterValues CALL (OCPP 1.6 §6.31) of a three-phase session: a periodic sample of Voltage, Current.Import and
    /// Power.Active.Import per phase and Energy.Active.Import.Register, then a clock-aligned power and energy reading.
    /// </summary>
    private static string MeterValuesFrame()
    {
        var writer = new JsonWriter();
        byte[] buffer = new byte[4096];
        int length = Encode(writer, buffer);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static int Encode(JsonWriter w, byte[] buffer)
    {
        w.Reset(buffer, 0, buffer.Length);
        w.BeginArray();
        w.Int(2);
        w.String("1700000042");
        w.String("MeterValues");
        w.BeginObject();
        w.Name("connectorId");
        w.Int(1);
        w.Name("transactionId");
        w.Int(1034);
        w.Name("meterValue");
        w.BeginArray();
        for (int reading = 0; reading < 2; reading++)
        {
            w.BeginObject();
            w.Name("timestamp");
            w.Timestamp(1795320306123L + (reading * 60000L));
            w.Name("sampledValue");
            w.BeginArray();
            for (int m = reading == 0 ? 0 : 2; m < Measurands.Length; m++)
            {
                int phases = m == 3 ? 1 : Phases.Length;
                for (int p = 0; p < phases; p++)
                {
                    w.BeginObject();
                    w.Name("value");
                    w.String(m == 0 ? "230.4" : m == 1 ? "15.98" : m == 2 ? "3672.2" : "18734.6");
                    w.Name("context");
                    w.String(reading == 0 ? "Sample.Periodic" : "Sample.Clock");
                    w.Name("format");
                    w.String("Raw");
                    w.Name("measurand");
                    w.String(Measurands[m]);
                    if (m != 3)
                    {
                        w.Name("phase");
                        w.String(m == 0 ? (p == 0 ? "L1-N" : p == 1 ? "L2-N" : "L3-N") : Phases[p]);
                    }

                    w.Name("location");
                    w.String("Outlet");
                    w.Name("unit");
                    w.String(Units[m]);
                    w.EndObject();
                }
            }

            w.EndArray();
            w.EndObject();
        }

        w.EndArray();
        w.EndObject();
        w.EndArray();
        return w.Length;
    }

    /// <summary>Walks every token as a decoder does without keeping strings: names and enums compared, numbers and timestamps parsed.</summary>
    private static long Decode(JsonReader reader, byte[] frame)
    {
        reader.Reset(frame, 0, frame.Length);
        long checksum = 0;
        int field = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    field = -1;
                    for (int i = 0; i < Names.Length; i++)
                    {
                        if (reader.ValueEquals(Names[i]))
                        {
                            field = i;
                            break;
                        }
                    }

                    checksum += field;
                    break;
                case JsonTokenType.String:
                    if (field == 3)
                    {
                        Assert.True(reader.TryGetTimestamp(out long unixMs));
                        checksum += unixMs;
                    }
                    else if (field == 8)
                    {
                        for (int i = 0; i < Measurands.Length; i++)
                        {
                            checksum += reader.ValueEquals(Measurands[i]) ? i : 0;
                        }
                    }
                    else
                    {
                        checksum += reader.GetStringLength();
                    }

                    break;
                case JsonTokenType.Number:
                    if (reader.TryGetInt32(out int integer))
                    {
                        checksum += integer;
                    }

                    if (reader.TryGetDouble(out double number))
                    {
                        checksum += (long)number;
                    }

                    break;
            }
        }

        return checksum;
    }
}
