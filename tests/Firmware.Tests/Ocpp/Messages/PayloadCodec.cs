using System;
using System.Collections.Generic;
using System.Text;
using Wallbox.Firmware.Ocpp.Json;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>Writes and reads payloads through the firmware's JSON codec, and names them as the schemas do.</summary>
internal static class PayloadCodec
{
    /// <summary>Room for the largest filled payload (CertificateSigned.req: a 10000-character chain).</summary>
    private const int BufferBytes = 64 * 1024;

    /// <summary>"BootNotification.req" / "BootNotification.conf" of every action in the catalog: the 78 schemas.</summary>
    public static IEnumerable<string> AllSchemaNames()
    {
        for (int i = 0; i < OcppMessageCatalog.ActionCount; i++)
        {
            yield return OcppMessageCatalog.ActionAt(i) + ".req";
            yield return OcppMessageCatalog.ActionAt(i) + ".conf";
        }
    }

    /// <summary>A new payload for "Action.req" or "Action.conf".</summary>
    public static IOcppPayload Create(string schemaName)
    {
        int dot = schemaName.IndexOf('.', StringComparison.Ordinal);
        string action = schemaName.Substring(0, dot);
        IOcppPayload payload = schemaName.EndsWith(".req", StringComparison.Ordinal)
            ? OcppMessageCatalog.CreateRequest(action)
            : OcppMessageCatalog.CreateConfirmation(action);
        Assert.NotNull(payload);
        return payload;
    }

    /// <summary>The payload's schema name, "Action.req" or "Action.conf".</summary>
    public static string SchemaName(IOcppPayload payload)
    {
        return payload.Action + (payload.IsRequest ? ".req" : ".conf");
    }

    /// <summary>The payload written as a complete JSON document.</summary>
    public static byte[] Write(IOcppPayload payload)
    {
        var buffer = new byte[BufferBytes];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        payload.Write(writer);
        Assert.True(writer.IsComplete, SchemaName(payload) + ": the writer did not complete (overflow " + writer.Overflow + ", invalid " + writer.InvalidValue + ")");
        return buffer.AsSpan(0, writer.Length).ToArray();
    }

    /// <summary>Reads <paramref name="json"/> into <paramref name="payload"/>; false with <paramref name="error"/> set when refused.</summary>
    public static bool Read(IOcppPayload payload, byte[] json, OcppDecodeError error)
    {
        var reader = new JsonReader();
        reader.Reset(json, 0, json.Length);
        if (!reader.Read())
        {
            return OcppPayloadErrors.Malformed(reader, error);
        }

        bool ok = payload.Read(reader, error);
        if (ok)
        {
            Assert.True(reader.IsComplete, SchemaName(payload) + ": Read returned before the end of the payload object");
        }

        return ok;
    }

    /// <summary>Reads text into a new payload of <paramref name="schemaName"/>; the error (Code None when accepted).</summary>
    public static OcppDecodeError Decode(string schemaName, string json, out IOcppPayload payload)
    {
        payload = Create(schemaName);
        var error = new OcppDecodeError();
        bool ok = Read(payload, Encoding.UTF8.GetBytes(json), error);
        Assert.Equal(ok, !error.IsSet);
        return error;
    }

    /// <summary>A payload's written JSON as text.</summary>
    public static string Text(IOcppPayload payload)
    {
        return Encoding.UTF8.GetString(Write(payload));
    }
}
