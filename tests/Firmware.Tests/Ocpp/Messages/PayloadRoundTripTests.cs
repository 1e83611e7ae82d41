using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>
/// Every one of the 78 payload classes, fully populated with valid values: it validates, it is written, read back into
/// a new instance equal to the original, and written again to the same bytes; what it writes holds every property its
/// schema declares and passes the strict central system's own validator.
/// </summary>
public sealed class PayloadRoundTripTests
{
    public static TheoryData<string> SchemaNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (string name in PayloadCodec.AllSchemaNames())
            {
                data.Add(name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void A_fully_populated_payload_validates_and_is_written_read_and_written_again_to_identical_bytes(string schemaName)
    {
        IOcppPayload original = PayloadFiller.Fill(PayloadCodec.Create(schemaName));
        var error = new OcppDecodeError();
        Assert.True(original.Validate(error), schemaName + ": " + error.Code + " " + error.Description);

        byte[] first = PayloadCodec.Write(original);
        IOcppPayload decoded = PayloadCodec.Create(schemaName);
        Assert.True(PayloadCodec.Read(decoded, first, error), schemaName + ": " + error.Code + " " + error.Description);
        Assert.True(decoded.Validate(error), schemaName + ": " + error.Code + " " + error.Description);
        AssertFieldsEqual(original, decoded, schemaName);

        byte[] second = PayloadCodec.Write(decoded);
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void A_reused_instance_reads_a_minimal_payload_after_a_full_one_with_nothing_left_over(string schemaName)
    {
        IOcppPayload full = PayloadFiller.Fill(PayloadCodec.Create(schemaName));
        IOcppPayload reused = PayloadCodec.Create(schemaName);
        var error = new OcppDecodeError();
        Assert.True(PayloadCodec.Read(reused, PayloadCodec.Write(full), error), error.Description);

        byte[] minimalJson = PayloadCodec.Write(RequiredOnly(schemaName));
        Assert.True(PayloadCodec.Read(reused, minimalJson, error), error.Description);

        Assert.Equal(Encoding.UTF8.GetString(minimalJson), PayloadCodec.Text(reused));
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Validating_and_writing_a_payload_allocate_nothing_once_warm(string schemaName)
    {
        IOcppPayload payload = PayloadFiller.Fill(PayloadCodec.Create(schemaName));
        var error = new OcppDecodeError();
        var buffer = new byte[64 * 1024];
        var writer = new Wallbox.Firmware.Ocpp.Json.JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        payload.Validate(error);
        payload.Write(writer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        writer.Reset(buffer, 0, buffer.Length);
        bool valid = payload.Validate(error);
        payload.Write(writer);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(valid && writer.IsComplete);
        Assert.Equal(0, allocated);
    }

    [SkippableTheory]
    [MemberData(nameof(SchemaNames))]
    public void A_fully_populated_payload_writes_every_property_its_schema_declares(string schemaName)
    {
        JsonElement schema = Schemas.Value[schemaName];
        using JsonDocument written = JsonDocument.Parse(PayloadCodec.Write(PayloadFiller.Fill(PayloadCodec.Create(schemaName))));
        AssertEveryPropertyWritten(schema, schema, written.RootElement, schemaName);
        int declared = schema.TryGetProperty("properties", out JsonElement declaredProperties) ? declaredProperties.EnumerateObject().Count() : 0;
        Assert.Equal(declared, written.RootElement.EnumerateObject().Count());
    }

    [SkippableFact]
    public void Every_fully_populated_payload_is_valid_for_the_strict_central_systems_validator()
    {
        var cases = PayloadCodec.AllSchemaNames()
            .Select(name => (name, PayloadCodec.Text(PayloadFiller.Fill(PayloadCodec.Create(name)))))
            .ToArray();

        IReadOnlyList<OcppRpcValidator.Result> results = OcppRpcValidator.Validate(cases);

        string[] refused = cases.Zip(results, (c, r) => r.Valid ? null : c.Item1 + ": " + r.Code + " " + r.Message + "\n  " + c.Item2)
            .Where(s => s != null)
            .ToArray();
        Assert.True(refused.Length == 0, string.Join("\n", refused));
        Assert.Equal(78, cases.Length);
    }

    private static readonly Lazy<Dictionary<string, JsonElement>> Schemas = new(() =>
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(OcppSchemaFile.Require()));
        return document.RootElement.EnumerateArray().ToDictionary(s => s.GetProperty("$id").GetString().Substring("urn:".Length), s => s.Clone());
    });

    /// <summary>Walks the schema and the written JSON together; returns the number of properties checked.</summary>
    private static int AssertEveryPropertyWritten(JsonElement root, JsonElement schema, JsonElement value, string path)
    {
        if (schema.TryGetProperty("$ref", out JsonElement reference))
        {
            schema = root.GetProperty("definitions").GetProperty(reference.GetString().Substring("#/definitions/".Length));
        }

        int count = 0;
        switch (schema.GetProperty("type").GetString())
        {
            case "object":
                Assert.Equal(JsonValueKind.Object, value.ValueKind);
                if (schema.TryGetProperty("properties", out JsonElement properties))
                {
                    foreach (JsonProperty property in properties.EnumerateObject())
                    {
                        Assert.True(value.TryGetProperty(property.Name, out JsonElement member), path + "." + property.Name + " was not written");
                        count += 1 + AssertEveryPropertyWritten(root, property.Value, member, path + "." + property.Name);
                    }
                }

                break;
            case "array":
                Assert.Equal(JsonValueKind.Array, value.ValueKind);
                Assert.True(value.GetArrayLength() > 0, path + " is empty");
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    count += AssertEveryPropertyWritten(root, schema.GetProperty("items"), item, path + "[" + index++ + "]");
                }

                break;
        }

        return count;
    }

    /// <summary>Deep comparison of two payloads' public fields (arrays item by item, nested objects recursively).</summary>
    private static void AssertFieldsEqual(object expected, object actual, string path)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        foreach (FieldInfo field in expected.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            AssertValueEqual(field.GetValue(expected), field.GetValue(actual), path + "." + field.Name);
        }
    }

    private static void AssertValueEqual(object expected, object actual, string path)
    {
        if (expected == null || actual == null)
        {
            Assert.True(expected == null && actual == null, path + ": one side is null");
        }
        else if (expected is Array expectedItems)
        {
            var actualItems = (Array)actual;
            Assert.True(expectedItems.Length == actualItems.Length, path + ": lengths differ");
            for (int i = 0; i < expectedItems.Length; i++)
            {
                AssertValueEqual(expectedItems.GetValue(i), actualItems.GetValue(i), path + "[" + i + "]");
            }
        }
        else if (expected.GetType().IsClass && expected is not string)
        {
            AssertFieldsEqual(expected, actual, path);
        }
        else
        {
            Assert.True(expected.Equals(actual), path + ": expected " + expected + ", read " + actual);
        }
    }

    /// <summary>A filled payload with every optional field cleared: what remains is what the schema requires.</summary>
    private static IOcppPayload RequiredOnly(string schemaName)
    {
        IOcppPayload payload = PayloadFiller.Fill(PayloadCodec.Create(schemaName));
        Type type = payload.GetType();
        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            object empty = field.FieldType.IsValueType ? Activator.CreateInstance(field.FieldType) : null;
            FieldInfo presence = type.GetField("Has" + field.Name);
            if (presence != null)
            {
                presence.SetValue(payload, false);
                field.SetValue(payload, empty);
            }
            else if (!field.FieldType.IsValueType || field.FieldType.IsEnum)
            {
                // A reference or an enum is optional when the payload still validates without it.
                object value = field.GetValue(payload);
                field.SetValue(payload, empty);
                if (!payload.Validate(new OcppDecodeError()))
                {
                    field.SetValue(payload, value);
                }
            }
        }

        return payload;
    }
}
