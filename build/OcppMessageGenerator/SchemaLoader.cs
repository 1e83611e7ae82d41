using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>Thrown when the schema file holds something the generator does not understand; the message says where.</summary>
public sealed class GeneratorException : Exception
{
    public GeneratorException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Reads the OCPP 1.6 schema file (a JSON array of draft-07 schemas with "$id" "urn:&lt;Action&gt;.req|conf") into the
/// model. It accepts exactly the keywords it turns into code and fails on any other, naming the schema and the path.
/// </summary>
internal sealed class SchemaLoader
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema";

    private static readonly string[] RootKeywords = { "$id", "$schema", "type", "properties", "required", "additionalProperties", "definitions" };
    private static readonly string[] ObjectKeywords = { "type", "properties", "required", "additionalProperties" };
    private static readonly string[] StringKeywords = { "type", "maxLength", "format", "enum" };
    private static readonly string[] NumberKeywords = { "type", "multipleOf" };
    private static readonly string[] ArrayKeywords = { "type", "items", "minItems" };
    private static readonly string[] TypeOnly = { "type" };

    /// <summary>The generated reader records which properties it has seen in one int, one bit each.</summary>
    private const int MaxPropertiesPerObject = 31;

    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectModel> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedInlineNames = new(StringComparer.Ordinal);

    /// <summary>Parses the schema file.</summary>
    public static SchemaSet Load(byte[] schemaJson)
    {
        return new SchemaLoader().LoadAll(schemaJson);
    }

    private SchemaSet LoadAll(byte[] schemaJson)
    {
        using JsonDocument document = JsonDocument.Parse(schemaJson);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new GeneratorException("the schema file is not a JSON array of schemas");
        }

        var messages = new List<MessageModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement schema in document.RootElement.EnumerateArray())
        {
            MessageModel message = LoadMessage(schema);
            if (!seen.Add(message.SchemaName))
            {
                throw new GeneratorException(message.SchemaName + ": two schemas with this $id");
            }

            messages.Add(message);
        }

        foreach (ActionInfo action in SpecNames.Actions)
        {
            foreach (string kind in new[] { ".req", ".conf" })
            {
                if (!seen.Contains(action.Action + kind))
                {
                    throw new GeneratorException("the schema file has no schema for " + action.Action + kind);
                }
            }
        }

        string[] unused = SpecNames.InlineTypes.Keys.Where(k => !_usedInlineNames.Contains(k)).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        if (unused.Length > 0)
        {
            throw new GeneratorException("SpecNames.InlineTypes names places the schemas do not have: " + string.Join(", ", unused));
        }

        return new SchemaSet(
            messages.OrderBy(m => m.Action, StringComparer.Ordinal).ThenBy(m => m.IsRequest ? 0 : 1).ToArray(),
            _types.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToArray(),
            _enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToArray());
    }

    private MessageModel LoadMessage(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new GeneratorException("an entry of the schema file is not a JSON object");
        }

        string id = RequireString(schema, "$id", "(schema without $id)");
        const string prefix = "urn:";
        string name = id.StartsWith(prefix, StringComparison.Ordinal) ? id.Substring(prefix.Length) : id;
        bool isRequest;
        string action;
        if (name.EndsWith(".req", StringComparison.Ordinal))
        {
            isRequest = true;
            action = name.Substring(0, name.Length - ".req".Length);
        }
        else if (name.EndsWith(".conf", StringComparison.Ordinal))
        {
            isRequest = false;
            action = name.Substring(0, name.Length - ".conf".Length);
        }
        else
        {
            throw new GeneratorException(id + ": $id is not urn:<Action>.req or urn:<Action>.conf");
        }

        CheckKeywords(schema, RootKeywords, name, string.Empty);
        string draft = RequireString(schema, "$schema", name);
        if (draft != Draft07)
        {
            throw new GeneratorException(name + ": $schema is \"" + draft + "\", the generator knows " + Draft07);
        }

        ActionInfo info = SpecNames.Action(action);
        var file = new SchemaFile(name, schema, info.Security);
        string className = action + (isRequest ? "Request" : "Confirmation");
        ObjectModel payload = LoadObject(file, schema, string.Empty, className, RootKeywords);
        payload.UsedAt.Add(name);
        if (schema.TryGetProperty("definitions", out JsonElement definitions))
        {
            foreach (JsonProperty definition in definitions.EnumerateObject())
            {
                if (!file.Referenced.Contains(definition.Name))
                {
                    throw new GeneratorException(name + ": definition \"" + definition.Name + "\" is not used; the generator would not check it");
                }
            }
        }

        return new MessageModel(action, isRequest, payload, info);
    }

    private ObjectModel LoadObject(SchemaFile file, JsonElement node, string path, string className, string[] keywords, string? specName = null)
    {
        CheckKeywords(node, keywords, file.Name, path);
        string type = RequireString(node, "type", file.Name + " " + path);
        if (type != "object")
        {
            throw new GeneratorException(Where(file, path) + ": expected \"type\": \"object\", found \"" + type + "\"");
        }

        bool additional = true;
        if (node.TryGetProperty("additionalProperties", out JsonElement additionalElement))
        {
            if (additionalElement.ValueKind != JsonValueKind.False && additionalElement.ValueKind != JsonValueKind.True)
            {
                throw new GeneratorException(Where(file, path) + ": additionalProperties other than true/false is not supported");
            }

            additional = additionalElement.ValueKind == JsonValueKind.True;
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (node.TryGetProperty("required", out JsonElement requiredElement))
        {
            if (requiredElement.ValueKind != JsonValueKind.Array)
            {
                throw new GeneratorException(Where(file, path) + ": \"required\" is not an array");
            }

            foreach (JsonElement r in requiredElement.EnumerateArray())
            {
                if (r.ValueKind != JsonValueKind.String || !required.Add(r.GetString()!))
                {
                    throw new GeneratorException(Where(file, path) + ": \"required\" holds a non-string or a duplicate");
                }
            }
        }

        var properties = new List<PropertyModel>();
        if (node.TryGetProperty("properties", out JsonElement propertiesElement))
        {
            if (propertiesElement.ValueKind != JsonValueKind.Object)
            {
                throw new GeneratorException(Where(file, path) + ": \"properties\" is not an object");
            }

            foreach (JsonProperty property in propertiesElement.EnumerateObject())
            {
                string childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
                FieldType fieldType = LoadField(file, property.Value, childPath);
                properties.Add(new PropertyModel(property.Name, PascalCase(property.Name, Where(file, childPath)), fieldType, required.Contains(property.Name)));
            }
        }

        foreach (string r in required)
        {
            if (properties.All(p => p.JsonName != r))
            {
                throw new GeneratorException(Where(file, path) + ": required property \"" + r + "\" is not declared");
            }
        }

        if (properties.Count > MaxPropertiesPerObject)
        {
            throw new GeneratorException(Where(file, path) + ": more than " + MaxPropertiesPerObject + " properties");
        }

        return new ObjectModel(className, properties, additional) { FromSecurityWhitepaper = file.Security, SpecName = specName ?? className };
    }

    private FieldType LoadField(SchemaFile file, JsonElement node, string path)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw new GeneratorException(Where(file, path) + ": the schema is not an object");
        }

        if (node.TryGetProperty("$ref", out JsonElement reference))
        {
            CheckKeywords(node, new[] { "$ref" }, file.Name, path);
            return LoadDefinition(file, reference.GetString() ?? string.Empty, path);
        }

        string type = RequireString(node, "type", Where(file, path));
        switch (type)
        {
            case "integer":
                CheckKeywords(node, TypeOnly, file.Name, path);
                return new IntegerType();
            case "boolean":
                CheckKeywords(node, TypeOnly, file.Name, path);
                return new BooleanType();
            case "number":
                CheckKeywords(node, NumberKeywords, file.Name, path);
                double? multipleOf = null;
                if (node.TryGetProperty("multipleOf", out JsonElement m))
                {
                    multipleOf = m.GetDouble();
                    if (!(multipleOf > 0))
                    {
                        throw new GeneratorException(Where(file, path) + ": multipleOf must be positive");
                    }
                }

                return new NumberType(multipleOf);
            case "string":
                return LoadString(file, node, path, null);
            case "object":
                return new ObjectFieldType(Register(file, path, InlineName(file, path), LoadObject(file, node, path, InlineName(file, path), ObjectKeywords)));
            case "array":
                CheckKeywords(node, ArrayKeywords, file.Name, path);
                if (!node.TryGetProperty("items", out JsonElement items))
                {
                    throw new GeneratorException(Where(file, path) + ": an array without \"items\"");
                }

                int minItems = 0;
                if (node.TryGetProperty("minItems", out JsonElement min))
                {
                    minItems = min.GetInt32();
                }

                FieldType itemType = LoadField(file, items, path + "[]");
                if (itemType is not ObjectFieldType && itemType is not StringType)
                {
                    throw new GeneratorException(Where(file, path) + ": arrays of " + itemType.Signature + " are not supported (only objects and strings)");
                }

                return new ArrayType(itemType, minItems);
            default:
                throw new GeneratorException(Where(file, path) + ": type \"" + type + "\" is not supported");
        }
    }

    private FieldType LoadString(SchemaFile file, JsonElement node, string path, string? definitionName)
    {
        CheckKeywords(node, StringKeywords, file.Name, path);
        int? maxLength = null;
        if (node.TryGetProperty("maxLength", out JsonElement max))
        {
            maxLength = max.GetInt32();
        }

        string? format = null;
        if (node.TryGetProperty("format", out JsonElement formatElement))
        {
            format = formatElement.GetString();
        }

        if (node.TryGetProperty("enum", out JsonElement values))
        {
            if (maxLength != null || format != null)
            {
                throw new GeneratorException(Where(file, path) + ": an enum with maxLength or format is not supported");
            }

            var wireNames = new List<string>();
            foreach (JsonElement value in values.EnumerateArray())
            {
                if (value.ValueKind != JsonValueKind.String || wireNames.Contains(value.GetString()!))
                {
                    throw new GeneratorException(Where(file, path) + ": enum values must be distinct strings");
                }

                wireNames.Add(value.GetString()!);
            }

            string name = definitionName != null ? SpecNames.FromDefinition(definitionName) : InlineName(file, path);
            var model = new EnumModel(name, wireNames) { FromSecurityWhitepaper = definitionName != null, SpecName = definitionName ?? name };
            return new EnumFieldType(RegisterEnum(file, path, model));
        }

        switch (format)
        {
            case null:
                return new StringType(maxLength, false);
            case "uri":
                return new StringType(maxLength, true);
            case "date-time":
                if (maxLength != null)
                {
                    throw new GeneratorException(Where(file, path) + ": a date-time with maxLength is not supported");
                }

                return new TimestampType();
            default:
                throw new GeneratorException(Where(file, path) + ": format \"" + format + "\" is not supported");
        }
    }

    private FieldType LoadDefinition(SchemaFile file, string reference, string path)
    {
        const string prefix = "#/definitions/";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new GeneratorException(Where(file, path) + ": $ref \"" + reference + "\" is not a local definition");
        }

        string definitionName = reference.Substring(prefix.Length);
        file.Referenced.Add(definitionName);
        if (!file.Root.TryGetProperty("definitions", out JsonElement definitions)
            || !definitions.TryGetProperty(definitionName, out JsonElement definition))
        {
            throw new GeneratorException(Where(file, path) + ": $ref \"" + reference + "\" names no definition");
        }

        string type = RequireString(definition, "type", Where(file, path));
        switch (type)
        {
            case "string":
                if (!definition.TryGetProperty("enum", out _))
                {
                    throw new GeneratorException(Where(file, path) + ": definitions other than enums and objects are not supported");
                }

                return LoadString(file, definition, path, definitionName);
            case "object":
                string name = SpecNames.FromDefinition(definitionName);
                return new ObjectFieldType(Register(file, path, name, LoadObject(file, definition, path, name, ObjectKeywords, definitionName)));
            default:
                throw new GeneratorException(Where(file, path) + ": a definition of type \"" + type + "\" is not supported");
        }
    }

    private string InlineName(SchemaFile file, string path)
    {
        string place = file.Name + " " + path;
        if (!SpecNames.InlineTypes.TryGetValue(place, out string? name))
        {
            throw new GeneratorException(place + ": an inline enum or object without a name; add its OCPP type name to SpecNames.InlineTypes");
        }

        _usedInlineNames.Add(place);
        return name;
    }

    private ObjectModel Register(SchemaFile file, string path, string name, ObjectModel model)
    {
        SpecNames.CheckTypeName(name, Where(file, path));
        if (_types.TryGetValue(name, out ObjectModel? existing))
        {
            if (existing.Signature != model.Signature)
            {
                throw new GeneratorException(
                    Where(file, path) + ": type " + name + " differs from its use at " + existing.UsedAt.First() + "\n  here:  " + model.Signature
                    + "\n  there: " + existing.Signature);
            }

            existing.UsedAt.Add(file.Name + " " + path);
            return existing;
        }

        if (_enums.ContainsKey(name))
        {
            throw new GeneratorException(Where(file, path) + ": " + name + " is already an enum");
        }

        model.UsedAt.Add(file.Name + " " + path);
        _types.Add(name, model);
        return model;
    }

    private EnumModel RegisterEnum(SchemaFile file, string path, EnumModel model)
    {
        SpecNames.CheckTypeName(model.Name, Where(file, path));
        if (_enums.TryGetValue(model.Name, out EnumModel? existing))
        {
            if (existing.Signature != model.Signature)
            {
                throw new GeneratorException(
                    Where(file, path) + ": enum " + model.Name + " differs from its use at " + existing.UsedAt.First() + " (" + model.Signature + " vs "
                    + existing.Signature + ")");
            }

            existing.UsedAt.Add(file.Name + " " + path);
            return existing;
        }

        if (_types.ContainsKey(model.Name))
        {
            throw new GeneratorException(Where(file, path) + ": " + model.Name + " is already a class");
        }

        model.UsedAt.Add(file.Name + " " + path);
        _enums.Add(model.Name, model);
        return model;
    }

    private static void CheckKeywords(JsonElement node, string[] allowed, string schemaName, string path)
    {
        foreach (JsonProperty property in node.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new GeneratorException(
                    schemaName + (path.Length == 0 ? string.Empty : " " + path) + ": keyword \"" + property.Name
                    + "\" is not understood by the generator here (it knows " + string.Join(", ", allowed) + ")");
            }
        }
    }

    private static string RequireString(JsonElement node, string keyword, string where)
    {
        if (!node.TryGetProperty(keyword, out JsonElement value) || value.ValueKind != JsonValueKind.String)
        {
            throw new GeneratorException(where + ": \"" + keyword + "\" missing or not a string");
        }

        return value.GetString()!;
    }

    private static string Where(SchemaFile file, string path)
    {
        return path.Length == 0 ? file.Name : file.Name + " " + path;
    }

    /// <summary>camelCase JSON name to a PascalCase C# name ("chargePointVendor" -> "ChargePointVendor").</summary>
    internal static string PascalCase(string jsonName, string where)
    {
        if (jsonName.Length == 0 || !char.IsAsciiLetter(jsonName[0]) || !jsonName.All(char.IsAsciiLetterOrDigit))
        {
            throw new GeneratorException(where + ": property name \"" + jsonName + "\" is not a plain identifier");
        }

        return char.ToUpperInvariant(jsonName[0]) + jsonName.Substring(1);
    }

    private sealed record SchemaFile(string Name, JsonElement Root, bool Security)
    {
        /// <summary>Definitions some $ref of this schema names.</summary>
        public HashSet<string> Referenced { get; } = new(StringComparer.Ordinal);
    }
}
