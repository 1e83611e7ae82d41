using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Wallbox.Firmware.Ocpp.Json;
using OwnTokenType = Wallbox.Firmware.Ocpp.Json.JsonTokenType;
using StjTokenType = System.Text.Json.JsonTokenType;

namespace Wallbox.Benchmarks;

/// <summary>
/// The firmware's OCPP-J codec (firmware/Ocpp/Json) against System.Text.Json's Utf8JsonReader/Utf8JsonWriter doing
/// the same work on the same frames in the same run (the baseline of each category and frame). Decode walks every
/// token the way a generated message decoder does: property names dispatched by comparing against the message's
/// field names, string values materialized as strings (timestamp fields parsed to Unix ms instead), numbers parsed.
/// Encode writes the same frame again from its values. Allocation per message is the "Allocated" column; the
/// firmware codec must show 0 B for encode and only the strings for decode.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class OcppJsonCodecBenchmarks
{
    private static readonly string[] TimestampFields = { "timestamp", "expiryDate" };

    private readonly JsonReader _reader = new JsonReader();
    private readonly JsonWriter _writer = new JsonWriter();
    private readonly ArrayBufferWriter<byte> _stjOutput = new ArrayBufferWriter<byte>(8192);
    private Utf8JsonWriter _stjWriter;
    private byte[] _frame;
    private byte[] _output;
    private string[] _names;
    private byte[][] _namesUtf8;
    private bool[] _isTimestamp;
    private WriteOp[] _ops;

    /// <summary>The frames of <see cref="OcppFrames"/>.</summary>
    public enum Frame
    {
        /// <summary><see cref="OcppFrames.BootNotification"/>.</summary>
        BootNotification,

        /// <summary><see cref="OcppFrames.MeterValues"/>.</summary>
        MeterValues,

        /// <summary><see cref="OcppFrames.SendLocalList"/>.</summary>
        SendLocalList,
    }

    private enum OpKind
    {
        BeginObject,
        EndObject,
        BeginArray,
        EndArray,
        Name,
        String,
        Int,
        Number,
        Timestamp,
        True,
        False,
        Null,
    }

    /// <summary>The frame decoded and encoded.</summary>
    [Params(Frame.BootNotification, Frame.MeterValues, Frame.SendLocalList)]
    public Frame Message { get; set; }

    /// <summary>Loads the frame, its field names and the write sequence; checks that our encoder reproduces it byte for byte.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string text = Message switch
        {
            Frame.BootNotification => OcppFrames.BootNotification,
            Frame.MeterValues => OcppFrames.MeterValues,
            _ => OcppFrames.SendLocalList,
        };
        _frame = OcppFrames.Utf8(text);
        _output = new byte[_frame.Length * 2];
        _stjWriter = new Utf8JsonWriter(_stjOutput, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Record();

        int length = Encode_own_JsonWriter();
        if (!_frame.AsSpan().SequenceEqual(_output.AsSpan(0, length)))
        {
            throw new InvalidOperationException("JsonWriter does not reproduce the " + Message + " frame");
        }

        if (Decode_own_JsonReader() != Decode_SystemTextJson())
        {
            throw new InvalidOperationException("the decoders disagree on the " + Message + " frame");
        }
    }

    /// <summary>Utf8JsonReader: ValueTextEquals on UTF-8 names, GetString, TryGetDateTimeOffset, TryGetInt32/GetDouble.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Decode")]
    public long Decode_SystemTextJson()
    {
        var reader = new Utf8JsonReader(_frame);
        long checksum = 0;
        int field = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case StjTokenType.PropertyName:
                    field = -1;
                    for (int i = 0; i < _namesUtf8.Length; i++)
                    {
                        if (reader.ValueTextEquals(_namesUtf8[i]))
                        {
                            field = i;
                            break;
                        }
                    }

                    checksum += field;
                    break;
                case StjTokenType.String:
                    if (field >= 0 && _isTimestamp[field] && reader.TryGetDateTimeOffset(out DateTimeOffset instant))
                    {
                        checksum += instant.ToUnixTimeMilliseconds();
                    }
                    else
                    {
                        checksum += reader.GetString().Length;
                    }

                    break;
                case StjTokenType.Number:
                    checksum += reader.TryGetInt32(out int integer) ? integer : (long)reader.GetDouble();
                    break;
            }
        }

        return checksum;
    }

    /// <summary>JsonReader: ValueEquals on names, GetString, TryGetTimestamp, TryGetInt32/TryGetDouble.</summary>
    [Benchmark]
    [BenchmarkCategory("Decode")]
    public long Decode_own_JsonReader()
    {
        JsonReader reader = _reader;
        reader.Reset(_frame, 0, _frame.Length);
        long checksum = 0;
        int field = -1;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case OwnTokenType.PropertyName:
                    field = -1;
                    for (int i = 0; i < _names.Length; i++)
                    {
                        if (reader.ValueEquals(_names[i]))
                        {
                            field = i;
                            break;
                        }
                    }

                    checksum += field;
                    break;
                case OwnTokenType.String:
                    if (field >= 0 && _isTimestamp[field] && reader.TryGetTimestamp(out long unixMs))
                    {
                        checksum += unixMs;
                    }
                    else
                    {
                        checksum += reader.GetString().Length;
                    }

                    break;
                case OwnTokenType.Number:
                    if (reader.TryGetInt32(out int integer))
                    {
                        checksum += integer;
                    }
                    else if (reader.TryGetDouble(out double number))
                    {
                        checksum += (long)number;
                    }

                    break;
            }
        }

        if (!reader.IsComplete)
        {
            throw new InvalidOperationException(reader.Error);
        }

        return checksum;
    }

    /// <summary>Utf8JsonWriter (reset onto a reused ArrayBufferWriter, relaxed escaping) writing the frame's values.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Encode")]
    public int Encode_SystemTextJson()
    {
        _stjOutput.ResetWrittenCount();
        Utf8JsonWriter writer = _stjWriter;
        writer.Reset(_stjOutput);
        foreach (WriteOp op in _ops)
        {
            switch (op.Kind)
            {
                case OpKind.BeginObject: writer.WriteStartObject(); break;
                case OpKind.EndObject: writer.WriteEndObject(); break;
                case OpKind.BeginArray: writer.WriteStartArray(); break;
                case OpKind.EndArray: writer.WriteEndArray(); break;
                case OpKind.Name: writer.WritePropertyName(op.Text); break;
                case OpKind.String: writer.WriteStringValue(op.Text); break;
                case OpKind.Int: writer.WriteNumberValue(op.Integer); break;
                case OpKind.Number: writer.WriteNumberValue(op.Number); break;
                case OpKind.Timestamp: writer.WriteStringValue(DateTimeOffset.FromUnixTimeMilliseconds(op.Integer).UtcDateTime); break;
                case OpKind.True: writer.WriteBooleanValue(true); break;
                case OpKind.False: writer.WriteBooleanValue(false); break;
                default: writer.WriteNullValue(); break;
            }
        }

        writer.Flush();
        return (int)writer.BytesCommitted;
    }

    /// <summary>JsonWriter into a reused byte array writing the frame's values.</summary>
    [Benchmark]
    [BenchmarkCategory("Encode")]
    public int Encode_own_JsonWriter()
    {
        JsonWriter writer = _writer;
        writer.Reset(_output, 0, _output.Length);
        foreach (WriteOp op in _ops)
        {
            switch (op.Kind)
            {
                case OpKind.BeginObject: writer.BeginObject(); break;
                case OpKind.EndObject: writer.EndObject(); break;
                case OpKind.BeginArray: writer.BeginArray(); break;
                case OpKind.EndArray: writer.EndArray(); break;
                case OpKind.Name: writer.Name(op.Text); break;
                case OpKind.String: writer.String(op.Text); break;
                case OpKind.Int: writer.Int(op.Integer); break;
                case OpKind.Number: writer.Number(op.Number); break;
                case OpKind.Timestamp: writer.Timestamp(op.Integer); break;
                case OpKind.True: writer.Bool(true); break;
                case OpKind.False: writer.Bool(false); break;
                default: writer.Null(); break;
            }
        }

        if (!writer.IsComplete)
        {
            throw new InvalidOperationException("JsonWriter: overflow or invalid value");
        }

        return writer.Length;
    }

    /// <summary>Field names in order of first appearance, and the write sequence, taken from the frame once.</summary>
    private void Record()
    {
        var names = new List<string>();
        var ops = new List<WriteOp>();
        var reader = new Utf8JsonReader(_frame);
        string field = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case StjTokenType.StartObject: ops.Add(new WriteOp(OpKind.BeginObject)); break;
                case StjTokenType.EndObject: ops.Add(new WriteOp(OpKind.EndObject)); break;
                case StjTokenType.StartArray: ops.Add(new WriteOp(OpKind.BeginArray)); break;
                case StjTokenType.EndArray: ops.Add(new WriteOp(OpKind.EndArray)); break;
                case StjTokenType.PropertyName:
                    field = reader.GetString();
                    if (!names.Contains(field))
                    {
                        names.Add(field);
                    }

                    ops.Add(new WriteOp(OpKind.Name) { Text = field });
                    break;
                case StjTokenType.String:
                    if (Array.IndexOf(TimestampFields, field) >= 0)
                    {
                        ops.Add(new WriteOp(OpKind.Timestamp) { Integer = reader.GetDateTimeOffset().ToUnixTimeMilliseconds() });
                    }
                    else
                    {
                        ops.Add(new WriteOp(OpKind.String) { Text = reader.GetString() });
                    }

                    break;
                case StjTokenType.Number:
                    ops.Add(reader.TryGetInt64(out long integer)
                        ? new WriteOp(OpKind.Int) { Integer = integer }
                        : new WriteOp(OpKind.Number) { Number = reader.GetDouble() });
                    break;
                case StjTokenType.True: ops.Add(new WriteOp(OpKind.True)); break;
                case StjTokenType.False: ops.Add(new WriteOp(OpKind.False)); break;
                default: ops.Add(new WriteOp(OpKind.Null)); break;
            }
        }

        _names = names.ToArray();
        _namesUtf8 = names.ConvertAll(n => System.Text.Encoding.UTF8.GetBytes(n)).ToArray();
        _isTimestamp = names.ConvertAll(n => Array.IndexOf(TimestampFields, n) >= 0).ToArray();
        _ops = ops.ToArray();
    }

    private sealed class WriteOp
    {
        public WriteOp(OpKind kind)
        {
            Kind = kind;
        }

        public OpKind Kind { get; }

        public string Text { get; init; }

        public long Integer { get; init; }

        public double Number { get; init; }
    }
}
