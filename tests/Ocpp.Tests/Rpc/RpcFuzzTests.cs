using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wallbox.Firmware.Ocpp.Messages;
using Wallbox.Firmware.Ocpp.Rpc;
using Wallbox.Firmware.Runtime;
using Wallbox.Firmware.Tests.Ocpp.Messages;
using Wallbox.Hal;
using Wallbox.Hal.Simulation;
using Xunit.Abstractions;

namespace Wallbox.Ocpp.Tests.Rpc;

/// <summary>
/// Feeds the RPC layer well over 100,000 mutated and random frames, as a hostile or broken central system would, in
/// virtual time, and checks every answer against independent oracles: System.Text.Json decides whether a frame is
/// JSON and whether it is CALL-shaped; the strict central system's own validator (ocpp-rpc: ajv with the official
/// schemas) decides whether a payload is valid; structured mutations (a required field removed, a wrong type, an
/// unknown field, an enum value that does not exist, a string one character too long, a bad date-time, unknown and
/// unsupported actions, oversize frames) must get exactly the code docs/ocpp-conformance.md gives them.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class RpcFuzzTests
{
    private const int MaxMessageBytes = 16 * 1024;
    private const string UnsupportedAction = "UnlockConnector";
    private static readonly string[] PayloadCodes = { "FormationViolation", "OccurenceConstraintViolation", "TypeConstraintViolation", "PropertyConstraintViolation" };

    /// <summary>Non-ASCII written as UTF-8, not as \u escapes (frames as a central system would send them).</summary>
    private static readonly JsonSerializerOptions Relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private readonly ITestOutputHelper _output;

    public RpcFuzzTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableFact]
    public void A_hundred_thousand_hostile_frames_get_exactly_the_right_answer_and_never_an_exception()
    {
        int seed = int.Parse(Environment.GetEnvironmentVariable("WALLBOX_FUZZ_SEED") ?? "16061", CultureInfo.InvariantCulture);
        var schemas = new Schemas(OcppSchemaFile.Require());
        var random = new Random(seed);
        var bench = new Bench();
        var cases = new List<Case>();
        List<string> actions = CentralSystemActions();
        var seeds = actions.Where(a => a != UnsupportedAction).Select(a => (Action: a, Payload: (JsonObject)JsonNode.Parse(PayloadCodec.Write(PayloadFiller.Fill(OcppMessageCatalog.CreateRequest(a)))))).ToList();

        for (int n = 0; cases.Count < 110_000; n++)
        {
            var (action, payload) = seeds[random.Next(seeds.Count)];
            string id = "f" + n.ToString(CultureInfo.InvariantCulture);
            cases.Add(random.Next(10) < 3
                ? Structured(random, schemas, id, action, (JsonObject)payload.DeepClone())
                : Random(random, id, action, (JsonObject)payload.DeepClone()));
        }

        for (int i = 0; i < cases.Count; i++)
        {
            cases[i].Replies = bench.Exchange(cases[i].Bytes);
        }

        // Memory: the same frames once more, answers not kept; what the process retains must not grow with them.
        bench.Exchange(cases[0].Bytes, keep: false);
        long retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < 50_000; i++)
        {
            bench.Exchange(cases[i % cases.Count].Bytes, keep: false);
        }

        long retainedAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        CheckWithTheStrictValidator(cases);

        var failures = cases.Where(c => c.Failure != null).Take(5).Select(c => c.Failure + "\n   frame: " + Clip(c.Frame) + "\n   replies: " + string.Join(" | ", c.Replies.Select(Clip))).ToList();
        var byKind = cases.Where(c => c.Kind != "random").GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count());
        var byOutcome = cases.GroupBy(c => c.Outcome).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count());
        _output.WriteLine($"report: RPC fuzz seed {seed}: {cases.Count} frames ({cases.Count(c => c.Kind != "random")} structured: {string.Join(", ", byKind)}), outcomes: {string.Join(", ", byOutcome)}; "
            + $"retained memory after 50,000 more frames {(retainedAtEnd - retainedBefore) / 1024} KiB; {cases.Count(c => c.Failure != null)} wrong answers");
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n(rerun with WALLBOX_FUZZ_SEED=" + seed + ")");
        Assert.True(retainedAtEnd - retainedBefore < 256 * 1024, "retained memory grew by " + (retainedAtEnd - retainedBefore) + " bytes");
        Assert.True(bench.Rpc.IsIdle);
        Assert.Equal(0, bench.Socket.DroppedReceiveCount);
    }

    /// <summary>A frame with a mutation whose answer is known exactly.</summary>
    private static Case Structured(Random random, Schemas schemas, string id, string action, JsonObject payload)
    {
        Schemas.Property[] properties = schemas.PropertiesOf(action + ".req");
        Schemas.Property target = properties.Length == 0 ? null : properties[random.Next(properties.Length)];

        // Only mutations that apply to the chosen property are candidates, each equally likely.
        var candidates = new List<Func<Case>>
        {
            () => { payload["zz" + random.Next(1000)] = 1; return Expect("unknown-property", id, action, payload, "FormationViolation"); },
            () => Expect("unknown-action", id, "Teleport" + random.Next(100), payload, "NotImplemented"),
            () => Expect("unsupported-action", id, random.Next(2) == 0 ? UnsupportedAction : "BootNotification", payload, "NotSupported"),
            () => new Case("payload-not-object", "[2,\"" + id + "\",\"" + action + "\"," + (random.Next(2) == 0 ? "[]" : "\"x\"") + "]", id, "FormationViolation"),
            () => new Case("extra-element", "[2,\"" + id + "\",\"" + action + "\"," + payload.ToJsonString(Relaxed) + ",1]", id, "FormationViolation"),
            () =>
            {
                string longId = id + new string('L', 40);
                return new Case("long-id", "[2,\"" + longId + "\",\"" + action + "\"," + payload.ToJsonString(Relaxed) + "]", longId, "FormationViolation");
            },
            () => { payload["padding"] = new string('p', MaxMessageBytes); return Expect("oversize", id, action, payload, "ProtocolError"); },
        };
        if (target != null)
        {
            candidates.Add(() => { payload[target.Name] = WrongType(random, target.Type); return Expect("wrong-type", id, action, payload, "TypeConstraintViolation"); });
            if (target.Required)
            {
                candidates.Add(() => { payload.Remove(target.Name); return Expect("remove-required", id, action, payload, "OccurenceConstraintViolation"); });
            }

            if (target.IsEnum)
            {
                candidates.Add(() => { payload[target.Name] = "NotAValueOf" + target.Name; return Expect("bad-enum", id, action, payload, "PropertyConstraintViolation"); });
            }

            if (target.MaxLength > 0)
            {
                candidates.Add(() => { payload[target.Name] = new string('x', target.MaxLength + 1); return Expect("too-long", id, action, payload, "PropertyConstraintViolation"); });
            }

            if (target.IsDateTime)
            {
                candidates.Add(() =>
                {
                    payload[target.Name] = random.Next(2) == 0 ? "yesterday" : "2026-11-22T04:05:06";
                    return Expect("bad-date-time", id, action, payload, "PropertyConstraintViolation");
                });
            }
        }

        return candidates[random.Next(candidates.Count)]();
    }

    /// <summary>A valid frame with random byte mutations, or random bytes, or random JSON: the oracles decide.</summary>
    private static Case Random(Random random, string id, string action, JsonObject payload)
    {
        string frame = "[2,\"" + id + "\",\"" + action + "\"," + payload.ToJsonString(Relaxed) + "]";
        byte[] bytes = Encoding.UTF8.GetBytes(frame);
        switch (random.Next(8))
        {
            case 0:
                bytes = new byte[random.Next(1, 200)];
                random.NextBytes(bytes);
                break;
            case 1:
                bytes = Encoding.UTF8.GetBytes(RandomJson(random, 0));
                break;
            default:
                int mutations = 1 + random.Next(3);
                for (int m = 0; m < mutations && bytes.Length > 0; m++)
                {
                    bytes = Mutate(random, bytes);
                }

                break;
        }

        return new Case("random", bytes, null);
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        int at = random.Next(list.Count);
        const string interesting = "[]{}\",:\\0123456789-.eEtrufalsn \u00e9";
        switch (random.Next(5))
        {
            case 0:
                list[at] = (byte)random.Next(256);
                break;
            case 1:
                list[at] = (byte)interesting[random.Next(interesting.Length)];
                break;
            case 2:
                list.RemoveAt(at);
                break;
            case 3:
                list.Insert(at, (byte)interesting[random.Next(interesting.Length)]);
                break;
            default:
                list.RemoveRange(at, list.Count - at);
                break;
        }

        return list.ToArray();
    }

    private static string RandomJson(Random random, int depth)
    {
        switch (depth > 4 ? random.Next(4) : random.Next(7))
        {
            case 0: return random.Next(1000).ToString(CultureInfo.InvariantCulture);
            case 1: return "\"s" + random.Next(100) + "\"";
            case 2: return random.Next(2) == 0 ? "true" : "null";
            case 3: return "-1.5e3";
            case 4: return "[" + string.Join(",", Enumerable.Range(0, random.Next(5)).Select(_ => RandomJson(random, depth + 1))) + "]";
            case 5: return "[2,\"r" + random.Next(1000) + "\"" + string.Concat(Enumerable.Range(0, random.Next(4)).Select(_ => "," + RandomJson(random, depth + 1))) + "]";
            default: return "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(k => "\"k" + k + "\":" + RandomJson(random, depth + 1))) + "}";
        }
    }

    private static JsonNode WrongType(Random random, string type)
    {
        // Values of every JSON type but the schema's ("number" accepts integers, so an integer is never "wrong" there).
        var candidates = new List<JsonNode>();
        if (type != "string") candidates.Add(JsonValue.Create("text"));
        if (type != "integer" && type != "number") candidates.Add(JsonValue.Create(12));
        if (type != "boolean") candidates.Add(JsonValue.Create(true));
        if (type != "object") candidates.Add(new JsonObject());
        if (type != "array") candidates.Add(new JsonArray());
        if (type == "integer") candidates.Add(JsonValue.Create(1.5));
        candidates.Add(null);
        return candidates[random.Next(candidates.Count)];
    }

    private static Case Expect(string kind, string id, string action, JsonObject payload, string code) =>
        new Case(kind, "[2,\"" + id + "\",\"" + action + "\"," + payload.ToJsonString(Relaxed) + "]", id, code);

    /// <summary>Checks the random frames: CALL-shaped ones get one answer with their id, valid ones a CALLRESULT.</summary>
    private static void CheckWithTheStrictValidator(List<Case> cases)
    {
        var toValidate = new List<(string Schema, string Json)>();
        var validated = new List<Case>();
        foreach (Case c in cases)
        {
            c.Outcome = c.Replies.Count == 0 ? "no answer" : c.Replies.Count > 1 ? "several answers" : AnswerCode(c.Replies[0]);
            if (c.Kind != "random")
            {
                CheckStructured(c);
                continue;
            }

            string callId = CallShapedId(c.Bytes);
            if (callId == null)
            {
                if (c.Replies.Count != 0)
                {
                    c.Failure = "a frame that is not CALL-shaped was answered";
                }

                continue;
            }

            if (c.Replies.Count != 1 || AnswerId(c.Replies[0]) != callId)
            {
                c.Failure = "a CALL-shaped frame must get exactly one answer with its messageId " + callId;
                continue;
            }

            string code = AnswerCode(c.Replies[0]);
            JsonNode frame = TryParse(c.Bytes);
            if (frame is not JsonArray array || array.Count != 4 || array[2] is not JsonValue actionValue || !actionValue.TryGetValue(out string action) || array[3] is not JsonObject)
            {
                bool lengthProblem = Encoding.UTF8.GetString(c.Bytes).Length > 0 && callId.Length > OcppFrameParser.MaxMessageIdLength;
                if (code != "FormationViolation" && !(frame is JsonArray a2 && a2.Count >= 3 && a2[2] is JsonValue v && v.TryGetValue(out string act) && IsActionCode(act, code)) && !lengthProblem)
                {
                    c.Failure = "a broken CALL must be answered with FormationViolation, got " + code;
                }

                continue;
            }

            if (callId.Length > OcppFrameParser.MaxMessageIdLength)
            {
                if (code != "FormationViolation")
                {
                    c.Failure = "an over-long messageId must be answered with FormationViolation, got " + code;
                }

                continue;
            }

            if (IsActionCode(action, code))
            {
                continue;
            }

            if (!OcppMessageCatalog.IsKnownAction(action) || action == UnsupportedAction || OcppMessageCatalog.DirectionOf(action) == OcppMessageDirection.ChargePointToCentralSystem)
            {
                c.Failure = "action " + action + " must be answered with " + (OcppMessageCatalog.IsKnownAction(action) ? "NotSupported" : "NotImplemented") + ", got " + code;
                continue;
            }

            c.PayloadJson = array[3].ToJsonString();
            toValidate.Add((action + ".req", c.PayloadJson));
            validated.Add(c);
        }

        IReadOnlyList<OcppRpcValidator.Result> verdicts = OcppRpcValidator.Validate(toValidate);
        for (int i = 0; i < validated.Count; i++)
        {
            Case c = validated[i];
            string code = AnswerCode(c.Replies[0]);
            if (verdicts[i].Valid && code != "result" && !IsDocumentedStricterRefusal(c.Replies[0], c.Bytes))
            {
                c.Failure = "the strict validator accepts this payload, we answered " + code + ": " + AnswerDescription(c.Replies[0]);
            }
            else if (!verdicts[i].Valid && code == "result")
            {
                c.Failure = "the strict validator refuses this payload (" + verdicts[i].Message + "), we accepted it";
            }
            else if (!verdicts[i].Valid && !PayloadCodes.Contains(code))
            {
                c.Failure = "an invalid payload must get a payload error code, got " + code;
            }
        }
    }

    private static void CheckStructured(Case c)
    {
        if (c.Replies.Count != 1)
        {
            c.Failure = "expected exactly one answer, got " + c.Replies.Count;
        }
        else if (AnswerId(c.Replies[0]) != c.ExpectedId || AnswerCode(c.Replies[0]) != c.ExpectedCode)
        {
            c.Failure = c.Kind + ": expected " + c.ExpectedCode + " for " + c.ExpectedId;
        }
    }

    private static bool IsActionCode(string action, string code) =>
        (code == "NotImplemented" && !OcppMessageCatalog.IsKnownAction(action))
        || (code == "NotSupported" && OcppMessageCatalog.IsKnownAction(action) && (action == UnsupportedAction || OcppMessageCatalog.DirectionOf(action) == OcppMessageDirection.ChargePointToCentralSystem));

    /// <summary>
    /// Refusals of payloads ocpp-rpc accepts that docs/ocpp-conformance.md lists as deliberate: repeated property names,
    /// integers beyond 32 bits, date-times ajv-formats lets through (no zone, lower-case t/z, second 60, before 1970).
    /// </summary>
    private static bool IsDocumentedStricterRefusal(string reply, byte[] frame)
    {
        string description = AnswerDescription(reply);
        return description.EndsWith(": duplicate property", StringComparison.Ordinal)
            || description.EndsWith(": integer outside the 32-bit range", StringComparison.Ordinal)
            || description.Contains("not an ISO 8601 date-time", StringComparison.Ordinal)
            || (description.EndsWith(": not a URI (RFC 3986)", StringComparison.Ordinal) && !AllUrisParse(frame));
    }

    /// <summary>
    /// ajv-formats' "uri" pattern lets some strings through that RFC 3986 does not (a port that is not digits):
    /// .NET's URI parser is the second opinion for those.
    /// </summary>
    private static bool AllUrisParse(byte[] frame)
    {
        JsonNode payload = TryParse(frame)?[3];
        return payload == null || Strings(payload).Where(t => t.Contains("://", StringComparison.Ordinal)).All(t => Uri.TryCreate(t, UriKind.Absolute, out _));
    }

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value == null ? Enumerable.Empty<string>() : Strings(p.Value)),
        JsonArray a => a.Where(v => v != null).SelectMany(Strings),
        JsonValue v when v.TryGetValue(out string text) => new[] { text },
        _ => Enumerable.Empty<string>(),
    };

    /// <summary>The messageId when the frame starts [2, "id" (System.Text.Json's reader as the oracle), else null.</summary>
    private static string CallShapedId(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartArray
                && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int type) && type == 2
                && reader.Read() && reader.TokenType == JsonTokenType.String
                ? reader.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonNode TryParse(byte[] bytes)
    {
        try
        {
            // RFC 8259 §8.1: JSON text is UTF-8. System.Text.Json checks it only when a string is read, so check first.
            StrictUtf8.GetString(bytes);
            JsonNode node = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });

            // Unpaired surrogate escapes (\uD800 alone) pass the RFC 8259 grammar but are not text (§8.2, I-JSON RFC 7493
            // §2.1): our reader refuses them, System.Text.Json only when the string is read.
            node?.ToJsonString();
            return node;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string AnswerId(string reply) => JsonNode.Parse(reply)[1].GetValue<string>();

    private static string AnswerCode(string reply)
    {
        JsonArray frame = JsonNode.Parse(reply).AsArray();
        return frame[0].GetValue<int>() == 3 ? "result" : frame[2].GetValue<string>();
    }

    private static string AnswerDescription(string reply)
    {
        JsonArray frame = JsonNode.Parse(reply).AsArray();
        return frame[0].GetValue<int>() == 4 ? frame[3].GetValue<string>() : string.Empty;
    }

    private static List<string> CentralSystemActions()
    {
        var actions = new List<string>();
        for (int i = 0; i < OcppMessageCatalog.ActionCount; i++)
        {
            if (OcppMessageCatalog.DirectionAt(i) != OcppMessageDirection.ChargePointToCentralSystem)
            {
                actions.Add(OcppMessageCatalog.ActionAt(i));
            }
        }

        return actions;
    }

    private static string Clip(string text) => text.Length > 300 ? text.Substring(0, 300) + "…" : text;

    private sealed class Case
    {
        public Case(string kind, string frame, string expectedId, string expectedCode = null)
            : this(kind, Encoding.UTF8.GetBytes(frame), expectedId, expectedCode)
        {
        }

        public Case(string kind, byte[] bytes, string expectedId, string expectedCode = null)
        {
            Kind = kind;
            Bytes = bytes;
            ExpectedId = expectedId;
            ExpectedCode = expectedCode;
        }

        public string Kind { get; }

        public byte[] Bytes { get; }

        public string Frame => Encoding.UTF8.GetString(Bytes);

        public string ExpectedId { get; }

        public string ExpectedCode { get; }

        public List<string> Replies { get; set; }

        public string Outcome { get; set; }

        public string PayloadJson { get; set; }

        public string Failure { get; set; }
    }

    /// <summary>The RPC layer on a scripted WebSocket in virtual time, with a handler for every incoming action but one.</summary>
    private sealed class Bench
    {
        private readonly VirtualClock _clock = new VirtualClock();

        public Bench()
        {
            Socket = new SimulatedWebSocketClient(_clock, MaxMessageBytes, 4, 8) { MessageLatencyMs = 0, ConnectLatencyMs = 1 };
            Rpc = new OcppRpc(Socket, new Logger(new MemoryLogSink(100), _clock, LogLevel.Error), 4, "z-");
            foreach (string action in CentralSystemActions().Where(a => a != UnsupportedAction))
            {
                Assert.True(Rpc.RegisterHandler(new FilledHandler(action)));
            }

            Socket.TryConnect(new WebSocketConnectOptions { Url = "ws://csms/CP", SubProtocol = "ocpp1.6", ConnectTimeoutMs = 1000 });
            Step(5);
            Assert.Equal(WebSocketClientState.Open, Socket.State);
        }

        public SimulatedWebSocketClient Socket { get; }

        public OcppRpc Rpc { get; }

        public List<string> Exchange(byte[] frame, bool keep = true)
        {
            Socket.PeerSendBytes(frame);
            Step(3);
            List<string> replies = keep ? new List<string>() : null;
            while (Socket.TryPeerReceive(out string text))
            {
                replies?.Add(text);
            }

            return replies;
        }

        private void Step(int ms)
        {
            for (int i = 0; i < ms; i++)
            {
                _clock.AdvanceMs(1);
                Socket.Advance(_clock.NowUs);
                Rpc.Tick(_clock.NowMs);
            }
        }
    }

    /// <summary>Answers with a fully populated confirmation.</summary>
    private sealed class FilledHandler : IOcppRequestHandler
    {
        private readonly IOcppPayload _confirmation;

        public FilledHandler(string action)
        {
            Action = action;
            Request = OcppMessageCatalog.CreateRequest(action);
            _confirmation = PayloadFiller.Fill(OcppMessageCatalog.CreateConfirmation(action));
        }

        public string Action { get; }

        public IOcppPayload Request { get; }

        public IOcppPayload Handle(long nowMs, OcppDecodeError error) => _confirmation;
    }

    /// <summary>The top-level properties of each request schema (for mutations whose answer is known).</summary>
    private sealed class Schemas
    {
        private readonly Dictionary<string, Property[]> _properties = new Dictionary<string, Property[]>();

        public Schemas(string path)
        {
            foreach (JsonNode schema in JsonNode.Parse(File.ReadAllText(path)).AsArray())
            {
                string name = schema["$id"].GetValue<string>().Substring("urn:".Length);
                var required = (schema["required"] as JsonArray)?.Select(r => r.GetValue<string>()).ToHashSet() ?? new HashSet<string>();
                var list = new List<Property>();
                foreach (var (key, value) in (schema["properties"] as JsonObject) ?? new JsonObject())
                {
                    JsonNode definition = value["$ref"] is JsonValue reference
                        ? schema["definitions"][reference.GetValue<string>().Substring("#/definitions/".Length)]
                        : value;
                    list.Add(new Property(
                        key,
                        definition["type"]?.GetValue<string>(),
                        required.Contains(key),
                        definition["enum"] != null,
                        definition["maxLength"]?.GetValue<int>() ?? 0,
                        definition["format"]?.GetValue<string>() == "date-time"));
                }

                _properties[name] = list.ToArray();
            }
        }

        public Property[] PropertiesOf(string schema) => _properties[schema];

        public sealed record Property(string Name, string Type, bool Required, bool IsEnum, int MaxLength, bool IsDateTime);
    }
}

/// <summary>Tests that measure the process's retained memory run alone: parallel tests would allocate meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Memory measurement (not parallel)";
}
