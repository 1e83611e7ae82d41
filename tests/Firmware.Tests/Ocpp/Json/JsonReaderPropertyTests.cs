using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Wallbox.Firmware.Ocpp.Json;
using Xunit.Abstractions;
using OwnTokenType = Wallbox.Firmware.Ocpp.Json.JsonTokenType;
using StjTokenType = System.Text.Json.JsonTokenType;

namespace Wallbox.Firmware.Tests.Ocpp.Json;

/// <summary>
/// Property test against System.Text.Json as the oracle: over 100,000 random and mutated documents the reader never
/// throws and always ends, accepts exactly the documents System.Text.Json accepts with its strict defaults (RFC 8259:
/// no comments, no trailing commas, one top-level value; every string convertible, i.e. well-formed UTF-8 and paired
/// surrogate escapes) and reports the same token stream — types, depths, unescaped strings, raw numbers, integer and
/// double values. System.Text.Json allows 64 levels, we allow 16: a document between the two must be refused with
/// "nesting deeper than 16". WALLBOX_JSON_FUZZ_SEED and WALLBOX_JSON_FUZZ_DOCUMENTS override the defaults.
/// </summary>
public sealed class JsonReaderPropertyTests
{
    private readonly ITestOutputHelper _output;

    public JsonReaderPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void The_reader_accepts_exactly_what_System_Text_Json_accepts_with_the_same_tokens_over_120000_documents()
    {
        int seed = int.Parse(Environment.GetEnvironmentVariable("WALLBOX_JSON_FUZZ_SEED") ?? "20261122", CultureInfo.InvariantCulture);
        int generated = int.Parse(Environment.GetEnvironmentVariable("WALLBOX_JSON_FUZZ_DOCUMENTS") ?? "30000", CultureInfo.InvariantCulture);
        const int MutantsPerDocument = 3;
        var random = new RandomJson(seed);
        var reader = new JsonReader();
        var skipper = new JsonReader();
        int documents = 0;
        int bothAccept = 0;
        int bothReject = 0;
        int tooDeep = 0;
        long tokens = 0;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);

        for (int g = 0; g < generated; g++)
        {
            // Mostly within our 16 levels; one in fifty 17 to 20 levels deep to see the depth limit apply.
            int maxDepth = random.Random.Next(50) == 0 ? random.Random.Next(JsonReader.MaxDepth + 1, 21) : random.Random.Next(1, JsonReader.MaxDepth + 1);
            byte[] original = Encoding.UTF8.GetBytes(random.Document(maxDepth));
            for (int m = 0; m <= MutantsPerDocument; m++)
            {
                byte[] document = m == 0 ? original : random.Mutate(original);
                documents++;
                Oracle expected = Oracle.Read(document);
                Outcome actual = Outcome.Read(reader, document);
                string where = "seed " + seed + ", document " + g + ", mutant " + m + ": " + Show(document);

                if (expected.Accepted && expected.MaxOpen > JsonReader.MaxDepth)
                {
                    Assert.True(actual.Error != null && actual.Error.StartsWith("nesting deeper than 16 at ", StringComparison.Ordinal), where + " -> " + actual.Error);
                    tooDeep++;
                    continue;
                }

                if (expected.Accepted != (actual.Error == null))
                {
                    Assert.Fail(where + (expected.Accepted ? " accepted by System.Text.Json, refused: " + actual.Error : " refused by System.Text.Json (" + expected.Error + "), accepted"));
                }

                if (expected.Accepted)
                {
                    bothAccept++;
                    tokens += actual.Tokens.Count;
                    if (!expected.Tokens.SequenceEqual(actual.Tokens))
                    {
                        Assert.Equal(string.Join("\n", expected.Tokens), string.Join("\n", actual.Tokens));
                    }

                    AssertSameDoubles(expected.Doubles, actual.Doubles, where);
                }
                else
                {
                    bothReject++;
                    string reason = actual.Error.Substring(0, actual.Error.LastIndexOf(" at ", StringComparison.Ordinal));
                    if (reason.StartsWith("unexpected '", StringComparison.Ordinal) || reason.StartsWith("unexpected byte", StringComparison.Ordinal))
                    {
                        reason = "unexpected <byte>";
                    }

                    reasons[reason] = reasons.TryGetValue(reason, out int n) ? n + 1 : 1;
                }

                // Skip over the whole document agrees: true and complete exactly for accepted documents.
                skipper.Reset(document, 0, document.Length);
                bool skipped = skipper.Read() && skipper.Skip() && !skipper.Read() && skipper.IsComplete;
                Assert.True(skipped == expected.Accepted, where + " Skip: " + skipper.Error);
            }
        }

        _output.WriteLine(
            "report: JSON reader vs System.Text.Json: " + documents + " documents (seed " + seed + ", " + generated + " generated, "
            + MutantsPerDocument + " mutants each): " + bothAccept + " accepted by both (" + tokens + " tokens, same streams), "
            + bothReject + " refused by both, " + tooDeep + " deeper than 16 refused; 0 disagreements");
        _output.WriteLine("report: JSON reader refusals by reason: " + string.Join(", ", reasons.Select(r => r.Key + " " + r.Value)));
        Assert.True(documents >= 100000);
        Assert.True(bothAccept > documents / 5, "too few valid documents: " + bothAccept);
        Assert.True(bothReject > documents / 5, "too few invalid documents: " + bothReject);
        Assert.True(tooDeep > 0);
    }

    private static string Show(byte[] document)
    {
        var text = new StringBuilder();
        foreach (byte b in document.Take(400))
        {
            text.Append(b >= 0x20 && b < 0x7F ? ((char)b).ToString() : "\\x" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Token(string type, int depth, string value) => type + "@" + depth + (value == null ? string.Empty : " " + value);

    private static string NumberValues(string raw, bool isInt32, int int32, bool isInt64, long int64)
    {
        return raw + (isInt32 ? " i32=" + int32 : string.Empty) + (isInt64 ? " i64=" + int64 : string.Empty);
    }

    /// <summary>
    /// Double values agree within 1e-14 relative (ours is correctly rounded only up to 15 digits within 10^±22;
    /// subnormals within 1e-300); beyond ±1e307 one side may overflow where the other does not.
    /// </summary>
    private static void AssertSameDoubles(List<double> expected, List<double> actual, string where)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            double e = expected[i];
            double a = actual[i];
            if (double.IsNaN(e) || double.IsNaN(a))
            {
                double other = double.IsNaN(e) ? a : e;
                Assert.True(double.IsNaN(other) || Math.Abs(other) > 1e307, where + ": double " + e.ToString("R", CultureInfo.InvariantCulture) + " vs " + a.ToString("R", CultureInfo.InvariantCulture));
                continue;
            }

            Assert.True(Math.Abs(e - a) <= Math.Max(Math.Abs(e) * 1e-14, 1e-300), where + ": double " + e.ToString("R", CultureInfo.InvariantCulture) + " vs " + a.ToString("R", CultureInfo.InvariantCulture));
            Assert.Equal(double.IsNegative(e), double.IsNegative(a));
        }
    }

    /// <summary>
    /// System.Text.Json's verdict: JsonDocument.Parse with default options accepts the document, and Utf8JsonReader
    /// (default options too) converts every string of it. A JsonException from the reader after JsonDocument accepted
    /// would be System.Text.Json disagreeing with itself and fails the test.
    /// </summary>
    private sealed class Oracle
    {
        public bool Accepted { get; private set; }

        public string Error { get; private set; }

        public int MaxOpen { get; private set; }

        public List<string> Tokens { get; } = new List<string>();

        public List<double> Doubles { get; } = new List<double>();

        public static Oracle Read(byte[] document)
        {
            var oracle = new Oracle();
            try
            {
                // The structure: JsonDocument.Parse with default options is strict RFC 8259 (depth up to 64).
                using (JsonDocument.Parse(document))
                {
                }
            }
            catch (JsonException e)
            {
                oracle.Error = e.Message;
                return oracle;
            }

            try
            {
                // The tokens, with every string converted: GetString throws InvalidOperationException for ill-formed
                // UTF-8 or a lone surrogate escape, which JsonDocument.Parse alone lets through.
                var reader = new Utf8JsonReader(document, new JsonReaderOptions());
                while (reader.Read())
                {
                    string value = null;
                    switch (reader.TokenType)
                    {
                        case StjTokenType.StartObject:
                        case StjTokenType.StartArray:
                            oracle.MaxOpen = Math.Max(oracle.MaxOpen, reader.CurrentDepth + 1);
                            break;
                        case StjTokenType.PropertyName:
                        case StjTokenType.String:
                            value = reader.GetString();
                            break;
                        case StjTokenType.Number:
                            oracle.Doubles.Add(reader.TryGetDouble(out double number) ? number : double.NaN);
                            value = NumberValues(
                                Encoding.ASCII.GetString(reader.ValueSpan),
                                reader.TryGetInt32(out int int32),
                                int32,
                                reader.TryGetInt64(out long int64),
                                int64);
                            break;
                    }

                    oracle.Tokens.Add(Token(reader.TokenType.ToString(), reader.CurrentDepth, value));
                }

                oracle.Accepted = true;
            }
            catch (InvalidOperationException e)
            {
                oracle.Error = e.Message;
            }

            return oracle;
        }
    }

    /// <summary>Our reader's verdict, with every accessor exercised on every token.</summary>
    private sealed class Outcome
    {
        public string Error { get; private set; }

        public List<string> Tokens { get; } = new List<string>();

        public List<double> Doubles { get; } = new List<double>();

        public static Outcome Read(JsonReader reader, byte[] document)
        {
            var outcome = new Outcome();
            reader.Reset(document, 0, document.Length);
            int reads = 0;
            while (reader.Read())
            {
                Assert.True(++reads <= document.Length, "more tokens than bytes");
                string value = null;
                switch (reader.TokenType)
                {
                    case OwnTokenType.PropertyName:
                    case OwnTokenType.String:
                        value = reader.GetString();
                        Assert.Equal(value.Length, reader.GetStringLength());
                        Assert.True(reader.ValueEquals(value));
                        Assert.False(reader.ValueEquals(value + "x"));
                        reader.TryGetTimestamp(out long _);
                        break;
                    case OwnTokenType.Number:
                        outcome.Doubles.Add(reader.TryGetDouble(out double number) ? number : double.NaN);
                        value = NumberValues(
                            Encoding.ASCII.GetString(document, reader.TokenStart, reader.TokenLength),
                            reader.TryGetInt32(out int int32),
                            int32,
                            reader.TryGetInt64(out long int64),
                            int64);
                        break;
                }

                outcome.Tokens.Add(Token(reader.TokenType.ToString(), reader.Depth, value));
            }

            Assert.Equal(OwnTokenType.None, reader.TokenType);
            if (reader.HasError)
            {
                outcome.Error = reader.Error;
                Assert.False(reader.IsComplete);
                Assert.InRange(reader.ErrorOffset, 0, document.Length);
            }
            else
            {
                Assert.True(reader.IsComplete);
            }

            return outcome;
        }
    }
}
