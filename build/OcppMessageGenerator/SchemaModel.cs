using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>What a property holds, as far as the code generator needs to know it.</summary>
internal abstract record FieldType
{
    /// <summary>A canonical text of the type, used to prove that two uses of one named type are identical.</summary>
    public abstract string Signature { get; }
}

/// <summary>JSON Schema "integer": an int (OCPP 1.6 integers are 32-bit).</summary>
internal sealed record IntegerType : FieldType
{
    public override string Signature => "integer";
}

/// <summary>JSON Schema "number", optionally with "multipleOf".</summary>
internal sealed record NumberType(double? MultipleOf) : FieldType
{
    public string? MultipleOfText => MultipleOf?.ToString("R", CultureInfo.InvariantCulture);

    public override string Signature => MultipleOf == null ? "number" : "number(multipleOf " + MultipleOfText + ")";
}

/// <summary>JSON Schema "boolean".</summary>
internal sealed record BooleanType : FieldType
{
    public override string Signature => "boolean";
}

/// <summary>JSON Schema "string" with "format": "date-time": Unix milliseconds UTC in the model.</summary>
internal sealed record TimestampType : FieldType
{
    public override string Signature => "date-time";
}

/// <summary>JSON Schema "string", optionally with "maxLength" and "format": "uri".</summary>
internal sealed record StringType(int? MaxLength, bool IsUri) : FieldType
{
    public override string Signature =>
        "string" + (MaxLength == null ? string.Empty : "(maxLength " + MaxLength + ")") + (IsUri ? "(uri)" : string.Empty);
}

/// <summary>JSON Schema "string" with "enum": a C# enum.</summary>
internal sealed record EnumFieldType(EnumModel Enum) : FieldType
{
    public override string Signature => "enum " + Enum.Name;
}

/// <summary>JSON Schema "object" below the payload: a nested class.</summary>
internal sealed record ObjectFieldType(ObjectModel Object) : FieldType
{
    public override string Signature => "object " + Object.Name;
}

/// <summary>JSON Schema "array" with "items" and optionally "minItems".</summary>
internal sealed record ArrayType(FieldType Items, int MinItems) : FieldType
{
    public override string Signature => "array(minItems " + MinItems + ") of " + Items.Signature;
}

/// <summary>One property of an object schema.</summary>
internal sealed record PropertyModel(string JsonName, string CsName, FieldType Type, bool Required)
{
    public string Signature => JsonName + ":" + Type.Signature + (Required ? " required" : " optional");
}

/// <summary>An enumeration, named after the OCPP type it is (see <see cref="SpecNames"/>).</summary>
internal sealed class EnumModel
{
    public EnumModel(string name, IReadOnlyList<string> wireNames)
    {
        Name = name;
        WireNames = wireNames;
    }

    /// <summary>The C# name.</summary>
    public string Name { get; }

    /// <summary>The values as sent on the wire, in schema order (C# value = index + 1; 0 is Unset).</summary>
    public IReadOnlyList<string> WireNames { get; }

    /// <summary>Where the schemas use it ("MeterValues.req meterValue[].sampledValue[].unit").</summary>
    public SortedSet<string> UsedAt { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The type comes from the security whitepaper's "definitions".</summary>
    public bool FromSecurityWhitepaper { get; init; }

    /// <summary>The specification's name ("HashAlgorithmEnumType"); the C# name without the whitepaper's suffix.</summary>
    public string? SpecName { get; init; }

    public string Signature => string.Join("|", WireNames);
}

/// <summary>An object schema: a message payload or a nested type.</summary>
internal sealed class ObjectModel
{
    public ObjectModel(string name, IReadOnlyList<PropertyModel> properties, bool additionalProperties)
    {
        Name = name;
        Properties = properties;
        AdditionalProperties = additionalProperties;
    }

    /// <summary>The C# class name.</summary>
    public string Name { get; }

    public IReadOnlyList<PropertyModel> Properties { get; }

    /// <summary>False when the schema says "additionalProperties": false (every OCPP 1.6 schema does).</summary>
    public bool AdditionalProperties { get; }

    /// <summary>Where the schemas use it.</summary>
    public SortedSet<string> UsedAt { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The type comes from the security whitepaper's "definitions".</summary>
    public bool FromSecurityWhitepaper { get; init; }

    /// <summary>The specification's name ("CertificateHashDataType"); the C# name without the whitepaper's suffix.</summary>
    public string? SpecName { get; init; }

    public string Signature =>
        string.Join(", ", Properties.Select(p => p.Signature)) + (AdditionalProperties ? " +additional" : string.Empty);
}

/// <summary>One schema of the file: the payload of Action.req or Action.conf.</summary>
internal sealed class MessageModel
{
    public MessageModel(string action, bool isRequest, ObjectModel payload, ActionInfo info)
    {
        Action = action;
        IsRequest = isRequest;
        Payload = payload;
        Info = info;
    }

    public string Action { get; }

    public bool IsRequest { get; }

    public ObjectModel Payload { get; }

    public ActionInfo Info { get; }

    /// <summary>"BootNotification.req".</summary>
    public string SchemaName => Action + (IsRequest ? ".req" : ".conf");
}

/// <summary>Everything read from the schema file.</summary>
internal sealed class SchemaSet
{
    public SchemaSet(IReadOnlyList<MessageModel> messages, IReadOnlyList<ObjectModel> types, IReadOnlyList<EnumModel> enums)
    {
        Messages = messages;
        Types = types;
        Enums = enums;
    }

    /// <summary>Payloads, ordered by action then request before confirmation.</summary>
    public IReadOnlyList<MessageModel> Messages { get; }

    /// <summary>Nested types, ordered by name.</summary>
    public IReadOnlyList<ObjectModel> Types { get; }

    /// <summary>Enums, ordered by name.</summary>
    public IReadOnlyList<EnumModel> Enums { get; }
}
