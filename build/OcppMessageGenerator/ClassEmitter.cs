using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>
/// Writes one class per object schema: a message payload (implementing IOcppPayload) or a nested type. Each class has
/// public fields, Reset, Write, Read (decoding with validation) and Validate (before sending). The code it writes is
/// portable (nanoFramework 1.x): no generics, no interpolation, arrays of exact length, fields passed as out arguments.
/// </summary>
internal static class ClassEmitter
{
    /// <summary>Members every generated class has; a property may not take one of these names.</summary>
    private static readonly string[] ReservedMembers = { "Reset", "Write", "Read", "Validate", "Action", "IsRequest", "ActionName", "ClearedPath", "_path" };

    public static string EmitMessage(string header, MessageModel message)
    {
        ObjectModel payload = message.Payload;
        var code = new CodeBuilder();
        Begin(code, header, payload);
        string sender = message.Info.Sender switch
        {
            Sender.ChargePoint => "the charge point",
            Sender.CentralSystem => "the central system",
            _ => "either side",
        };
        string requestSender = message.IsRequest ? sender : Answerer(message.Info.Sender);
        code.Line("/// <summary>");
        code.Comment(message.SchemaName + ": the " + (message.IsRequest ? "request" : "confirmation") + " of " + message.Action + ", sent by "
                     + requestSender + " (" + Source(message) + ").");
        code.Line("/// </summary>");
        code.Line("public sealed class " + payload.Name + " : IOcppPayload");
        code.Open();
        code.Summary("The action name on the wire.");
        code.Line("public const string ActionName = \"" + message.Action + "\";");
        code.Line();
        EmitFields(code, payload);
        code.Summary("Error path of the last Read or Validate; made on first use, then reused.");
        code.Line("private OcppPayloadPath _path;");
        code.Line();
        code.Summary("The action name on the wire, \"" + message.Action + "\".");
        code.Line("public string Action");
        code.Open().Line("get { return ActionName; }").Close();
        code.Line();
        code.Summary(message.IsRequest ? "True: this is the payload of a CALL." : "False: this is the payload of a CALLRESULT.");
        code.Line("public bool IsRequest");
        code.Open().Line("get { return " + (message.IsRequest ? "true" : "false") + "; }").Close();
        code.Line();
        code.Summary("Reads the payload the reader is positioned on (its StartObject) through its EndObject; false with <paramref name=\"error\"/> set when it is not valid.");
        code.Line("public bool Read(JsonReader r, OcppDecodeError error)");
        code.Open();
        code.Line("OcppPayloadPath path = ClearedPath();");
        code.Line("if (r.TokenType != JsonTokenType.StartObject)");
        code.Open().Line("Reset();").Line("return OcppPayloadErrors.NotAnObject(error);").Close();
        code.Line();
        code.Line("return Read(r, error, path);");
        code.Close();
        code.Line();
        code.Summary("Checks this instance before it is sent: required fields present, lengths, enum values, number constraints.");
        code.Line("public bool Validate(OcppDecodeError error)");
        code.Open().Line("return Validate(error, ClearedPath());").Close();
        code.Line();
        EmitReset(code, payload);
        EmitWrite(code, payload);
        EmitRead(code, payload, "private");
        EmitValidate(code, payload, "private");
        code.Line("private OcppPayloadPath ClearedPath()");
        code.Open();
        code.Line("if (_path == null)");
        code.Open().Line("_path = new OcppPayloadPath();").Close();
        code.Line();
        code.Line("_path.Clear();");
        code.Line("return _path;");
        code.Close();
        code.Close();
        code.Close();
        return code.ToString();
    }

    public static string EmitType(string header, ObjectModel type)
    {
        var code = new CodeBuilder();
        Begin(code, header, type);
        code.Line("/// <summary>");
        string origin = type.FromSecurityWhitepaper
            ? type.SpecName + " of the OCPP 1.6 security whitepaper"
            : type.Name + " (OCPP 1.6 §7)";
        code.Comment(origin + ". Used in " + Xml(string.Join("; ", type.UsedAt)) + ".");
        code.Line("/// </summary>");
        code.Line("public sealed class " + type.Name);
        code.Open();
        EmitFields(code, type);
        EmitReset(code, type);
        EmitWrite(code, type);
        EmitRead(code, type, "public");
        EmitValidate(code, type, "public");
        code.Close();
        code.Close();
        return code.ToString();
    }

    private static void Begin(CodeBuilder code, string header, ObjectModel type)
    {
        CheckMemberNames(type);
        code.Line(header);
        code.Line("using Wallbox.Firmware.Ocpp.Json;");
        code.Line("using Wallbox.Firmware.Ocpp.Rpc;");
        code.Line();
        code.Line("namespace " + OcppMessageGenerator.Namespace);
        code.Open();
    }

    private static string Answerer(Sender sender)
    {
        return sender switch
        {
            Sender.ChargePoint => "the central system",
            Sender.CentralSystem => "the charge point",
            _ => "the receiver of the request",
        };
    }

    private static string Source(MessageModel message)
    {
        if (message.Info.Security)
        {
            return "OCPP 1.6 security whitepaper";
        }

        return message.Info.Sender switch
        {
            Sender.ChargePoint => "OCPP 1.6 §4, §6",
            Sender.CentralSystem => "OCPP 1.6 §5, §6",
            _ => "OCPP 1.6 §4.3, §5.6, §6",
        };
    }

    private static void CheckMemberNames(ObjectModel type)
    {
        var names = new HashSet<string>(ReservedMembers, StringComparer.Ordinal) { type.Name };
        foreach (PropertyModel p in type.Properties)
        {
            foreach (string member in MemberNames(p))
            {
                if (!names.Add(member))
                {
                    throw new GeneratorException(type.Name + ": the member name " + member + " (from property \"" + p.JsonName + "\") is taken");
                }
            }
        }
    }

    private static IEnumerable<string> MemberNames(PropertyModel p)
    {
        yield return p.CsName;
        if (HasFlag(p))
        {
            yield return "Has" + p.CsName;
        }

        if (MaxLengthOf(p.Type) != null)
        {
            yield return p.CsName + "MaxLength";
        }

        if (p.Type is NumberType { MultipleOf: not null })
        {
            yield return p.CsName + "MultipleOf";
        }
    }

    /// <summary>Optional value-type fields carry a presence flag (no int? in nanoFramework); enums use Unset instead.</summary>
    private static bool HasFlag(PropertyModel p)
    {
        return !p.Required && p.Type is IntegerType or NumberType or BooleanType or TimestampType;
    }

    private static int? MaxLengthOf(FieldType type)
    {
        return type switch
        {
            StringType s => s.MaxLength,
            ArrayType { Items: StringType s } => s.MaxLength,
            _ => null,
        };
    }

    private static string CsType(FieldType type)
    {
        return type switch
        {
            IntegerType => "int",
            NumberType => "double",
            BooleanType => "bool",
            TimestampType => "long",
            StringType => "string",
            EnumFieldType e => e.Enum.Name,
            ObjectFieldType o => o.Object.Name,
            ArrayType a => CsType(a.Items) + "[]",
            _ => throw new GeneratorException("no C# type for " + type.Signature),
        };
    }

    private static string Describe(FieldType type)
    {
        switch (type)
        {
            case IntegerType:
                return "integer";
            case NumberType n:
                return n.MultipleOf == null ? "number" : "number, a multiple of " + n.MultipleOfText;
            case BooleanType:
                return "boolean";
            case TimestampType:
                return "date-time, as Unix milliseconds (UTC)";
            case StringType s:
                return (s.IsUri ? "URI" : "string") + (s.MaxLength == null ? string.Empty : " of at most " + s.MaxLength + " characters");
            case EnumFieldType e:
                return "<see cref=\"" + e.Enum.Name + "\"/>";
            case ObjectFieldType o:
                return "<see cref=\"" + o.Object.Name + "\"/>";
            case ArrayType a:
                return "array of " + Describe(a.Items) + (a.MinItems > 0 ? ", at least " + a.MinItems + " item" + (a.MinItems == 1 ? string.Empty : "s") : string.Empty);
            default:
                throw new GeneratorException("cannot describe " + type.Signature);
        }
    }

    private static void EmitFields(CodeBuilder code, ObjectModel type)
    {
        foreach (PropertyModel p in type.Properties)
        {
            int? maxLength = MaxLengthOf(p.Type);
            if (maxLength != null)
            {
                code.Summary("Schema maxLength of " + (p.Type is ArrayType ? "each item of " : string.Empty) + "<see cref=\"" + p.CsName + "\"/>, in characters (Unicode code points).");
                code.Line("public const int " + p.CsName + "MaxLength = " + maxLength.Value.ToString(CultureInfo.InvariantCulture) + ";");
                code.Line();
            }

            if (p.Type is NumberType { MultipleOf: not null } number)
            {
                code.Summary("Schema multipleOf of <see cref=\"" + p.CsName + "\"/>.");
                code.Line("public const double " + p.CsName + "MultipleOf = " + number.MultipleOfText + ";");
                code.Line();
            }

            string presence;
            if (p.Required)
            {
                presence = "required";
            }
            else if (HasFlag(p))
            {
                presence = "optional, present when <see cref=\"Has" + p.CsName + "\"/>";
            }
            else if (p.Type is EnumFieldType e)
            {
                presence = "optional, <see cref=\"" + e.Enum.Name + ".Unset\"/> when absent";
            }
            else
            {
                presence = "optional, null when absent";
            }

            code.Summary("\"" + p.JsonName + "\" (" + presence + "): " + Describe(p.Type) + ".");
            code.Line("public " + CsType(p.Type) + " " + p.CsName + ";");
            code.Line();
            if (HasFlag(p))
            {
                code.Summary("True when <see cref=\"" + p.CsName + "\"/> is present.");
                code.Line("public bool Has" + p.CsName + ";");
                code.Line();
            }
        }
    }

    private static void EmitReset(CodeBuilder code, ObjectModel type)
    {
        code.Summary("Clears every field: optional fields absent, enums Unset, numbers zero, references null.");
        code.Line("public void Reset()");
        code.Open();
        foreach (PropertyModel p in type.Properties)
        {
            code.Line(p.CsName + " = " + DefaultValue(p.Type) + ";");
            if (HasFlag(p))
            {
                code.Line("Has" + p.CsName + " = false;");
            }
        }

        code.Close();
        code.Line();
    }

    private static string DefaultValue(FieldType type)
    {
        return type switch
        {
            IntegerType or TimestampType => "0",
            NumberType => "0.0",
            BooleanType => "false",
            EnumFieldType e => e.Enum.Name + ".Unset",
            _ => "null",
        };
    }

    private static void EmitWrite(CodeBuilder code, ObjectModel type)
    {
        code.Summary("Writes the object, braces included; absent optional fields are left out, a missing required reference is written as null (the receiver refuses it; <c>Validate</c> catches it before).");
        code.Line("public void Write(JsonWriter w)");
        code.Open();
        code.Line("w.BeginObject();");
        foreach (PropertyModel p in type.Properties)
        {
            string? condition = p.Required
                ? null
                : HasFlag(p)
                    ? "Has" + p.CsName
                    : p.Type is EnumFieldType e
                        ? p.CsName + " != " + e.Enum.Name + ".Unset"
                        : p.CsName + " != null";
            if (condition != null)
            {
                code.Line("if (" + condition + ")");
                code.Open();
            }

            code.Line("w.Name(\"" + p.JsonName + "\");");
            EmitWriteValue(code, p.Type, p.CsName);
            if (condition != null)
            {
                code.Close();
            }
        }

        code.Line("w.EndObject();");
        code.Close();
        code.Line();
    }

    private static void EmitWriteValue(CodeBuilder code, FieldType type, string value)
    {
        switch (type)
        {
            case IntegerType:
                code.Line("w.Int(" + value + ");");
                break;
            case NumberType:
                code.Line("w.Number(" + value + ");");
                break;
            case BooleanType:
                code.Line("w.Bool(" + value + ");");
                break;
            case TimestampType:
                code.Line("w.Timestamp(" + value + ");");
                break;
            case StringType:
                code.Line("w.String(" + value + ");");
                break;
            case EnumFieldType e:
                code.Line("w.String(" + e.Enum.Name + "Names.ToWire(" + value + "));");
                break;
            case ObjectFieldType:
                code.Line("if (" + value + " != null)");
                code.Open().Line(value + ".Write(w);").Close();
                code.Line("else");
                code.Open().Line("w.Null();").Close();
                break;
            case ArrayType a:
                code.Line("if (" + value + " != null)");
                code.Open();
                code.Line("w.BeginArray();");
                code.Line("for (int i = 0; i < " + value + ".Length; i++)");
                code.Open();
                EmitWriteValue(code, a.Items, value + "[i]");
                code.Close();
                code.Line("w.EndArray();");
                code.Close();
                code.Line("else");
                code.Open().Line("w.Null();").Close();
                break;
            default:
                throw new GeneratorException("cannot write " + type.Signature);
        }
    }

    private static void EmitRead(CodeBuilder code, ObjectModel type, string access)
    {
        code.Summary(
            "Reads the object the reader is positioned on (its StartObject) through its EndObject, after <see cref=\"Reset\"/>; false with "
            + "<paramref name=\"error\"/> set (the description names the JSON path below <paramref name=\"path\"/>) when it is not valid.");
        code.Line(access + " bool Read(JsonReader r, OcppDecodeError error, OcppPayloadPath path)");
        code.Open();
        code.Line("Reset();");
        IReadOnlyList<PropertyModel> properties = type.Properties;
        if (properties.Count > 0)
        {
            code.Line("int seen = 0;");
        }

        code.Line("while (true)");
        code.Open();
        code.Line("if (!r.Read())");
        code.Open().Line("return OcppPayloadErrors.Malformed(r, error);").Close();
        code.Line();
        code.Line("if (r.TokenType == JsonTokenType.EndObject)");
        code.Open().Line("break;").Close();
        code.Line();
        if (properties.Count == 0)
        {
            EmitUnknownProperty(code, type);
            code.Close();
        }
        else
        {
            code.Line("int bit;");
            for (int i = 0; i < properties.Count; i++)
            {
                code.Line((i == 0 ? "if" : "else if") + " (r.ValueEquals(\"" + properties[i].JsonName + "\"))");
                code.Open().Line("bit = " + i + ";").Close();
            }

            code.Line("else");
            code.Open();
            EmitUnknownProperty(code, type);
            code.Close();
            code.Line();
            code.Line("if ((seen & (1 << bit)) != 0)");
            code.Open().Line("return OcppPayloadErrors.DuplicateProperty(r, error, path);").Close();
            code.Line();
            code.Line("seen |= 1 << bit;");
            code.Line("if (!r.Read())");
            code.Open().Line("return OcppPayloadErrors.Malformed(r, error);").Close();
            code.Line();
            code.Line("switch (bit)");
            code.Open();
            for (int i = 0; i < properties.Count; i++)
            {
                code.Line("case " + i + ":");
                code.Open();
                EmitReadProperty(code, properties[i]);
                code.Line("break;");
                code.Close();
            }

            code.Close();
            code.Close();
            code.Line();
            for (int i = 0; i < properties.Count; i++)
            {
                if (properties[i].Required)
                {
                    code.Line("if ((seen & " + (1 << i).ToString(CultureInfo.InvariantCulture) + ") == 0)");
                    code.Open().Line("return OcppPayloadErrors.Missing(error, path, \"" + properties[i].JsonName + "\");").Close();
                    code.Line();
                }
            }
        }

        if (properties.Count == 0)
        {
            code.Line();
        }

        code.Line("return true;");
        code.Close();
        code.Line();
        foreach (PropertyModel p in properties.Where(p => p.Type is ArrayType))
        {
            EmitReadArray(code, p);
        }
    }

    private static void EmitUnknownProperty(CodeBuilder code, ObjectModel type)
    {
        if (type.AdditionalProperties)
        {
            // Without "additionalProperties": false the schema allows other properties: skip them.
            code.Line("if (!r.Skip())");
            code.Open().Line("return OcppPayloadErrors.Malformed(r, error);").Close();
            code.Line();
            code.Line("continue;");
        }
        else
        {
            code.Line("return OcppPayloadErrors.UnknownProperty(r, error, path);");
        }
    }

    private static void EmitReadProperty(CodeBuilder code, PropertyModel p)
    {
        string name = "\"" + p.JsonName + "\"";
        switch (p.Type)
        {
            case ArrayType:
                code.Line("if (!Read" + p.CsName + "(r, error, path))");
                code.Open().Line("return false;").Close();
                break;
            case ObjectFieldType o:
                code.Line("if (r.TokenType != JsonTokenType.StartObject)");
                code.Open().Line("return OcppPayloadErrors.WrongType(r, error, path, " + name + ", \"object\");").Close();
                code.Line();
                code.Line(p.CsName + " = new " + o.Object.Name + "();");
                code.Line("path.Push(" + name + ");");
                code.Line("if (!" + p.CsName + ".Read(r, error, path))");
                code.Open().Line("return false;").Close();
                code.Line();
                code.Line("path.Pop();");
                break;
            default:
                code.Line("if (!" + ReadScalarCall(p.Type, name, p.CsName, p.CsName) + ")");
                code.Open().Line("return false;").Close();
                if (HasFlag(p))
                {
                    code.Line();
                    code.Line("Has" + p.CsName + " = true;");
                }

                break;
        }
    }

    /// <summary>The call that reads a scalar at the reader's current token into <paramref name="target"/> (an out argument).</summary>
    private static string ReadScalarCall(FieldType type, string name, string target, string csName)
    {
        return type switch
        {
            IntegerType => "OcppFieldReader.ReadInt32(r, error, path, " + name + ", out " + target + ")",
            NumberType { MultipleOf: null } => "OcppFieldReader.ReadNumber(r, error, path, " + name + ", out " + target + ")",
            NumberType n => "OcppFieldReader.ReadNumber(r, error, path, " + name + ", " + csName + "MultipleOf, \"" + n.MultipleOfText + "\", out " + target + ")",
            BooleanType => "OcppFieldReader.ReadBoolean(r, error, path, " + name + ", out " + target + ")",
            TimestampType => "OcppFieldReader.ReadTimestamp(r, error, path, " + name + ", out " + target + ")",
            StringType s => "OcppFieldReader." + (s.IsUri ? "ReadUri" : "ReadString") + "(r, error, path, " + name + ", " + MaxLengthArgument(s, csName) + ", out " + target + ")",
            EnumFieldType e => e.Enum.Name + "Names.Read(r, error, path, " + name + ", out " + target + ")",
            _ => throw new GeneratorException("cannot read " + type.Signature),
        };
    }

    private static string MaxLengthArgument(StringType s, string csName)
    {
        return s.MaxLength == null ? "OcppFieldReader.NoMaxLength" : csName + "MaxLength";
    }

    private static void EmitReadArray(CodeBuilder code, PropertyModel p)
    {
        var array = (ArrayType)p.Type;
        string name = "\"" + p.JsonName + "\"";
        code.Line("private bool Read" + p.CsName + "(JsonReader r, OcppDecodeError error, OcppPayloadPath path)");
        code.Open();
        code.Line("int count;");
        code.Line("if (!OcppFieldReader.BeginArray(r, error, path, " + name + ", " + array.MinItems + ", out count))");
        code.Open().Line("return false;").Close();
        code.Line();
        code.Line(p.CsName + " = new " + CsType(array.Items) + "[count];");
        code.Line("path.Push(" + name + ");");
        code.Line("for (int i = 0; i < count; i++)");
        code.Open();
        code.Line("path.SetIndex(i);");
        code.Line("if (!r.Read())");
        code.Open().Line("return OcppPayloadErrors.Malformed(r, error);").Close();
        code.Line();
        switch (array.Items)
        {
            case ObjectFieldType o:
                code.Line("if (r.TokenType != JsonTokenType.StartObject)");
                code.Open().Line("return OcppPayloadErrors.WrongType(r, error, path, null, \"object\");").Close();
                code.Line();
                code.Line(o.Object.Name + " item = new " + o.Object.Name + "();");
                code.Line(p.CsName + "[i] = item;");
                code.Line("if (!item.Read(r, error, path))");
                code.Open().Line("return false;").Close();
                break;
            case StringType s:
                code.Line("if (!" + ReadScalarCall(s, "null", p.CsName + "[i]", p.CsName) + ")");
                code.Open().Line("return false;").Close();
                break;
            default:
                throw new GeneratorException("cannot read arrays of " + array.Items.Signature);
        }

        code.Close();
        code.Line();
        code.Line("path.Pop();");
        code.Line("return OcppFieldReader.EndArray(r, error);");
        code.Close();
        code.Line();
    }

    private static void EmitValidate(CodeBuilder code, ObjectModel type, string access)
    {
        code.Summary("Checks this instance: required fields present, lengths, enum values, number constraints; false with <paramref name=\"error\"/> set at the first problem.");
        code.Line(access + " bool Validate(OcppDecodeError error, OcppPayloadPath path)");
        code.Open();
        foreach (PropertyModel p in type.Properties)
        {
            EmitValidateProperty(code, p);
        }

        code.Line("return true;");
        code.Close();
        code.Line();
    }

    private static void EmitValidateProperty(CodeBuilder code, PropertyModel p)
    {
        string name = "\"" + p.JsonName + "\"";
        string required = p.Required ? "true" : "false";
        switch (p.Type)
        {
            case IntegerType or BooleanType:
                // Every int and bool value is valid; presence of a required one cannot be lost.
                return;
            case TimestampType:
                code.Line("if (" + (p.Required ? string.Empty : "Has" + p.CsName + " && ") + "!OcppFieldCheck.Timestamp(error, path, " + name + ", " + p.CsName + "))");
                code.Open().Line("return false;").Close();
                break;
            case NumberType n:
                code.Line("if (" + (p.Required ? string.Empty : "Has" + p.CsName + " && ") + "!OcppFieldCheck.Number(error, path, " + name + ", " + p.CsName + ", "
                          + (n.MultipleOf == null ? "0.0, null" : p.CsName + "MultipleOf, \"" + n.MultipleOfText + "\"") + "))");
                code.Open().Line("return false;").Close();
                break;
            case StringType s:
                code.Line("if (!OcppFieldCheck." + (s.IsUri ? "Uri" : "String") + "(error, path, " + name + ", " + p.CsName + ", " + required + ", " + MaxLengthArgument(s, p.CsName) + "))");
                code.Open().Line("return false;").Close();
                break;
            case EnumFieldType e:
                code.Line("if (!" + e.Enum.Name + "Names.Check(error, path, " + name + ", " + p.CsName + ", " + required + "))");
                code.Open().Line("return false;").Close();
                break;
            case ObjectFieldType:
                code.Line("if (" + p.CsName + " != null)");
                code.Open();
                code.Line("path.Push(" + name + ");");
                code.Line("if (!" + p.CsName + ".Validate(error, path))");
                code.Open().Line("return false;").Close();
                code.Line();
                code.Line("path.Pop();");
                code.Close();
                if (p.Required)
                {
                    code.Line("else");
                    code.Open().Line("return OcppPayloadErrors.Missing(error, path, " + name + ");").Close();
                }

                break;
            case ArrayType a:
                code.Line("if (" + p.CsName + " != null)");
                code.Open();
                if (a.MinItems > 0)
                {
                    code.Line("if (" + p.CsName + ".Length < " + a.MinItems + ")");
                    code.Open().Line("return OcppPayloadErrors.TooFewItems(error, path, " + name + ", " + a.MinItems + ");").Close();
                    code.Line();
                }

                code.Line("path.Push(" + name + ");");
                code.Line("for (int i = 0; i < " + p.CsName + ".Length; i++)");
                code.Open();
                code.Line("path.SetIndex(i);");
                switch (a.Items)
                {
                    case ObjectFieldType:
                        code.Line("if (" + p.CsName + "[i] == null)");
                        code.Open().Line("return OcppPayloadErrors.MissingItem(error, path);").Close();
                        code.Line();
                        code.Line("if (!" + p.CsName + "[i].Validate(error, path))");
                        code.Open().Line("return false;").Close();
                        break;
                    case StringType s:
                        code.Line("if (!OcppFieldCheck." + (s.IsUri ? "Uri" : "String") + "(error, path, null, " + p.CsName + "[i], true, " + MaxLengthArgument(s, p.CsName) + "))");
                        code.Open().Line("return false;").Close();
                        break;
                    default:
                        throw new GeneratorException("cannot validate arrays of " + a.Items.Signature);
                }

                code.Close();
                code.Line();
                code.Line("path.Pop();");
                code.Close();
                if (p.Required)
                {
                    code.Line("else");
                    code.Open().Line("return OcppPayloadErrors.Missing(error, path, " + name + ");").Close();
                }

                break;
            default:
                throw new GeneratorException("cannot validate " + p.Type.Signature);
        }

        code.Line();
    }

    /// <summary>Escapes text from the schemas for an XML doc comment.</summary>
    internal static string Xml(string text)
    {
        return SecurityElement.Escape(text) ?? string.Empty;
    }
}
