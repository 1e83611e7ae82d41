using System.Text.Json.Nodes;

namespace Wallbox.Tests.Peers;

/// <summary>One line a peer wrote to its stdout: a JSON object with an <c>event</c> member.</summary>
public sealed class PeerEvent
{
    /// <summary>Wraps one line; <paramref name="json"/> is null when the line is not a JSON object.</summary>
    public PeerEvent(int index, string line, JsonObject json)
    {
        Index = index;
        Line = line;
        Json = json;
    }

    /// <summary>Position in the peer's output (0 for its first line); a mark for "events after this one".</summary>
    public int Index { get; }

    /// <summary>The line as written.</summary>
    public string Line { get; }

    /// <summary>The parsed line, or null when it is not a JSON object.</summary>
    public JsonObject Json { get; }

    /// <summary>The <c>event</c> member (e.g. <c>connected</c>), or null.</summary>
    public string Name => GetString("event");

    /// <summary>A member of the object, or null when absent.</summary>
    public JsonNode this[string property] => Json?[property];

    /// <summary>A string member, or null when absent or not a string.</summary>
    public string GetString(string property)
    {
        JsonNode node = Json?[property];
        return node is JsonValue value && value.TryGetValue(out string text) ? text : null;
    }

    /// <summary>A numeric member as an integer, or null when absent or not an integer.</summary>
    public long? GetInteger(string property)
    {
        JsonNode node = Json?[property];
        return node is JsonValue value && value.TryGetValue(out long number) ? number : null;
    }

    /// <summary>A boolean member, or null when absent or not a boolean.</summary>
    public bool? GetBoolean(string property)
    {
        JsonNode node = Json?[property];
        return node is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;
    }

    /// <summary>True when this is the event <paramref name="name"/> and, if given, of the identity <paramref name="identity"/>.</summary>
    public bool Is(string name, string identity = null) => Name == name && (identity == null || GetString("identity") == identity);

    /// <inheritdoc />
    public override string ToString() => Line;
}
