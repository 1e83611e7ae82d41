using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>
/// Writes an enum (value 0 = Unset, then the schema's values in order) and its names class, which maps values to wire
/// strings and parses the reader's current string without allocating (JsonReader.ValueEquals).
/// </summary>
internal static class EnumEmitter
{
    public static string EmitEnum(string header, EnumModel model)
    {
        string[] members = MemberNames(model);
        var code = new CodeBuilder();
        code.Line(header);
        code.Line("namespace " + OcppMessageGenerator.Namespace);
        code.Open();
        code.Line("/// <summary>");
        code.Comment(Origin(model) + ". Used in " + ClassEmitter.Xml(string.Join("; ", model.UsedAt)) + ". Wire names: <see cref=\"" + model.Name + "Names\"/>.");
        code.Line("/// </summary>");
        code.Line("public enum " + model.Name);
        code.Open();
        code.Summary("No value: an optional field that is absent, or a required one not set yet (Validate refuses it).");
        code.Line("Unset = 0,");
        for (int i = 0; i < members.Length; i++)
        {
            code.Line();
            code.Summary("\"" + ClassEmitter.Xml(model.WireNames[i]) + "\".");
            code.Line(members[i] + " = " + (i + 1) + ",");
        }

        code.Close();
        code.Close();
        return code.ToString();
    }

    public static string EmitNames(string header, EnumModel model)
    {
        MemberNames(model);
        string e = model.Name;
        var code = new CodeBuilder();
        code.Line(header);
        code.Line("using Wallbox.Firmware.Ocpp.Json;");
        code.Line("using Wallbox.Firmware.Ocpp.Rpc;");
        code.Line();
        code.Line("namespace " + OcppMessageGenerator.Namespace);
        code.Open();
        code.Summary("Wire names of <see cref=\"" + e + "\"/>, as the schemas spell them.");
        code.Line("public static class " + e + "Names");
        code.Open();
        code.Summary("The values a field of this type accepts, for error descriptions.");
        code.Line("public const string AllowedValues = \"" + string.Join(", ", model.WireNames) + "\";");
        code.Line();
        code.Summary("Wire names indexed by enum value; index 0 (Unset) has none.");
        code.Line("private static readonly string[] WireNames = new string[]");
        code.Open();
        code.Line("null,");
        foreach (string wire in model.WireNames)
        {
            code.Line("\"" + wire + "\",");
        }

        code.Close(";");
        code.Line();
        code.Summary("True for the values the schema defines (not Unset, not an undefined cast).");
        code.Line("public static bool IsDefined(" + e + " value)");
        code.Open();
        code.Line("int index = (int)value;");
        code.Line("return index > 0 && index < WireNames.Length;");
        code.Close();
        code.Line();
        code.Summary("The wire name; null for Unset or an undefined value.");
        code.Line("public static string ToWire(" + e + " value)");
        code.Open();
        code.Line("return IsDefined(value) ? WireNames[(int)value] : null;");
        code.Close();
        code.Line();
        code.Summary("Parses a wire name (case-sensitive, as JSON Schema's enum); false and Unset for any other text.");
        code.Line("public static bool TryParse(string text, out " + e + " value)");
        code.Open();
        code.Line("for (int i = 1; i < WireNames.Length; i++)");
        code.Open();
        code.Line("if (text == WireNames[i])");
        code.Open().Line("value = (" + e + ")i;").Line("return true;").Close();
        code.Close();
        code.Line();
        code.Line("value = " + e + ".Unset;");
        code.Line("return false;");
        code.Close();
        code.Line();
        code.Summary("Parses the reader's current string token without allocating; false and Unset for any other text.");
        code.Line("public static bool TryParse(JsonReader r, out " + e + " value)");
        code.Open();
        code.Line("for (int i = 1; i < WireNames.Length; i++)");
        code.Open();
        code.Line("if (r.ValueEquals(WireNames[i]))");
        code.Open().Line("value = (" + e + ")i;").Line("return true;").Close();
        code.Close();
        code.Line();
        code.Line("value = " + e + ".Unset;");
        code.Line("return false;");
        code.Close();
        code.Line();
        code.Summary("Reads the field <paramref name=\"name\"/> at the reader's current token: TypeConstraintViolation when it is not a string, PropertyConstraintViolation when it is not one of the values.");
        code.Line("public static bool Read(JsonReader r, OcppDecodeError error, OcppPayloadPath path, string name, out " + e + " value)");
        code.Open();
        code.Line("value = " + e + ".Unset;");
        code.Line("if (r.TokenType != JsonTokenType.String)");
        code.Open().Line("return OcppPayloadErrors.WrongType(r, error, path, name, \"string\");").Close();
        code.Line();
        code.Line("return TryParse(r, out value) || OcppPayloadErrors.NotOneOf(error, path, name, AllowedValues);");
        code.Close();
        code.Line();
        code.Summary("Checks a field before sending: a required field must be set (OccurenceConstraintViolation), any set value defined (PropertyConstraintViolation).");
        code.Line("public static bool Check(OcppDecodeError error, OcppPayloadPath path, string name, " + e + " value, bool required)");
        code.Open();
        code.Line("if (value == " + e + ".Unset)");
        code.Open().Line("return !required || OcppPayloadErrors.Missing(error, path, name);").Close();
        code.Line();
        code.Line("return IsDefined(value) || OcppPayloadErrors.NotOneOf(error, path, name, AllowedValues);");
        code.Close();
        code.Close();
        code.Close();
        return code.ToString();
    }

    /// <summary>
    /// C# member names from wire names: split at anything not a letter or digit, capitalise each part, join
    /// ("Energy.Active.Import.Register" -> EnergyActiveImportRegister, "L1-N" -> L1N, "kWh" -> KWh).
    /// </summary>
    internal static string[] MemberNames(EnumModel model)
    {
        var names = new string[model.WireNames.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal) { "Unset" };
        for (int i = 0; i < names.Length; i++)
        {
            string wire = model.WireNames[i];
            if (wire.Any(c => c < ' ' || c > '~' || c == '"' || c == '\\'))
            {
                throw new GeneratorException("enum " + model.Name + ": the value \"" + wire + "\" is not plain printable ASCII");
            }

            var name = new StringBuilder();
            bool startOfPart = true;
            foreach (char c in wire)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    startOfPart = true;
                    continue;
                }

                name.Append(startOfPart ? char.ToUpperInvariant(c) : c);
                startOfPart = false;
            }

            string member = name.ToString();
            if (member.Length == 0 || !char.IsAsciiLetter(member[0]))
            {
                throw new GeneratorException("enum " + model.Name + ": the value \"" + wire + "\" gives no C# identifier");
            }

            if (!seen.Add(member))
            {
                throw new GeneratorException("enum " + model.Name + ": the value \"" + wire + "\" gives the member name " + member + " twice (or Unset)");
            }

            names[i] = member;
        }

        return names;
    }

    private static string Origin(EnumModel model)
    {
        return model.FromSecurityWhitepaper
            ? model.SpecName + " of the OCPP 1.6 security whitepaper"
            : model.Name + " (OCPP 1.6 §7)";
    }
}
