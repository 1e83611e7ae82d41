using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Build.OcppMessageGenerator;

/// <summary>Writes OcppMessageCatalog (actions, who sends them, payload factories) and OcppMessageDirection.</summary>
internal static class CatalogEmitter
{
    public static string EmitDirection(string header)
    {
        var code = new CodeBuilder();
        code.Line(header);
        code.Line("namespace " + OcppMessageGenerator.Namespace);
        code.Open();
        code.Summary("Who sends the request of an action (OCPP 1.6 §4, §5); the confirmation goes the other way.");
        code.Line("public enum OcppMessageDirection");
        code.Open();
        code.Summary("Not an OCPP 1.6 action.");
        code.Line("Unknown = 0,");
        code.Line();
        code.Summary("The charge point sends the request (OCPP 1.6 §4).");
        code.Line("ChargePointToCentralSystem = 1,");
        code.Line();
        code.Summary("The central system sends the request (OCPP 1.6 §5).");
        code.Line("CentralSystemToChargePoint = 2,");
        code.Line();
        code.Summary("Either side may send the request (DataTransfer, OCPP 1.6 §4.3 and §5.6).");
        code.Line("Both = 3,");
        code.Close();
        code.Close();
        return code.ToString();
    }

    public static string EmitCatalog(string header, SchemaSet schemas)
    {
        MessageModel[] requests = schemas.Messages.Where(m => m.IsRequest).ToArray();
        MessageModel[] confirmations = schemas.Messages.Where(m => !m.IsRequest).ToArray();
        int core = requests.Count(m => !m.Info.Security);
        var code = new CodeBuilder();
        code.Line(header);
        code.Line("using Wallbox.Firmware.Ocpp.Json;");
        code.Line();
        code.Line("namespace " + OcppMessageGenerator.Namespace);
        code.Open();
        code.Line("/// <summary>");
        code.Comment("The " + requests.Length + " OCPP 1.6 actions this model encodes and decodes (" + core + " core, " + (requests.Length - core)
                     + " of the security whitepaper), who sends each, and a payload class per request and confirmation.");
        code.Line("/// </summary>");
        code.Line("/// <remarks>");
        code.Line("/// <para>Decoding (<see cref=\"IOcppPayload.Read\"/>) validates against the schema and reports the first problem as a");
        code.Line("/// CALLERROR code of OCPP-J 1.6 §4.2.3, with a description that starts with the JSON path");
        code.Line("/// (\"idTagInfo.status: not one of Accepted, Blocked, Expired, Invalid, ConcurrentTx\"):</para>");
        code.Line("/// <list type=\"bullet\">");
        code.Line("/// <item>FormationViolation: the payload is not a JSON object, is not well-formed JSON, or has an unknown property");
        code.Line("/// (\"additionalProperties\": false) or a property twice: it does not conform to the PDU structure.</item>");
        code.Line("/// <item>OccurenceConstraintViolation: a required property is missing.</item>");
        code.Line("/// <item>TypeConstraintViolation: a property has the wrong JSON type (a string where an integer is expected, a fraction");
        code.Line("/// in an integer, an array for an object, null).</item>");
        code.Line("/// <item>PropertyConstraintViolation: the type is right but the value is not allowed (an unknown enum value, a string");
        code.Line("/// longer than maxLength, a date-time that is not ISO 8601 with a time zone, a URI that is not one, a number that");
        code.Line("/// is not a multiple of multipleOf, an array shorter than minItems, an integer outside 32 bits).</item>");
        code.Line("/// </list>");
        code.Line("/// <para>The rationale, and how ocpp-rpc maps the same cases differently: docs/ocpp-conformance.md.</para>");
        code.Line("/// </remarks>");
        code.Line("public static class OcppMessageCatalog");
        code.Open();
        code.Summary("Number of actions: indexes 0 to ActionCount - 1, in ordinal order of the action names.");
        code.Line("public const int ActionCount = " + requests.Length + ";");
        code.Line();
        code.Summary("Action names, ordinal order.");
        code.Line("private static readonly string[] Actions = new string[]");
        code.Open();
        foreach (MessageModel m in requests)
        {
            code.Line("\"" + m.Action + "\",");
        }

        code.Close(";");
        code.Line();
        code.Summary("Who sends the request of each action, in the order of the action names.");
        code.Line("private static readonly OcppMessageDirection[] Directions = new OcppMessageDirection[]");
        code.Open();
        foreach (MessageModel m in requests)
        {
            code.Line("OcppMessageDirection." + Direction(m.Info.Sender) + ",");
        }

        code.Close(";");
        code.Line();
        code.Summary("The action name at <paramref name=\"index\"/>; null outside 0 to ActionCount - 1.");
        code.Line("public static string ActionAt(int index)");
        code.Open().Line("return index >= 0 && index < Actions.Length ? Actions[index] : null;").Close();
        code.Line();
        code.Summary("The index of an action name (case-sensitive); -1 when it is not an OCPP 1.6 action.");
        code.Line("public static int IndexOf(string action)");
        code.Open();
        code.Line("for (int i = 0; i < Actions.Length; i++)");
        code.Open();
        code.Line("if (action == Actions[i])");
        code.Open().Line("return i;").Close();
        code.Close();
        code.Line();
        code.Line("return -1;");
        code.Close();
        code.Line();
        code.Summary("The index of the action named by the reader's current string token, without allocating; -1 when unknown.");
        code.Line("public static int IndexOf(JsonReader r)");
        code.Open();
        code.Line("for (int i = 0; i < Actions.Length; i++)");
        code.Open();
        code.Line("if (r.ValueEquals(Actions[i]))");
        code.Open().Line("return i;").Close();
        code.Close();
        code.Line();
        code.Line("return -1;");
        code.Close();
        code.Line();
        code.Summary("True for the names of the " + requests.Length + " actions.");
        code.Line("public static bool IsKnownAction(string action)");
        code.Open().Line("return IndexOf(action) >= 0;").Close();
        code.Line();
        code.Summary("Who sends the request of the action at <paramref name=\"index\"/>; Unknown outside the range.");
        code.Line("public static OcppMessageDirection DirectionAt(int index)");
        code.Open().Line("return index >= 0 && index < Directions.Length ? Directions[index] : OcppMessageDirection.Unknown;").Close();
        code.Line();
        code.Summary("Who sends the request of <paramref name=\"action\"/>; Unknown for an unknown action.");
        code.Line("public static OcppMessageDirection DirectionOf(string action)");
        code.Open().Line("return DirectionAt(IndexOf(action));").Close();
        code.Line();
        code.Summary("A new, empty request payload for <paramref name=\"action\"/>; null when the action is unknown.");
        code.Line("public static IOcppPayload CreateRequest(string action)");
        code.Open().Line("return CreateRequest(IndexOf(action));").Close();
        code.Line();
        code.Summary("A new, empty confirmation payload for <paramref name=\"action\"/>; null when the action is unknown.");
        code.Line("public static IOcppPayload CreateConfirmation(string action)");
        code.Open().Line("return CreateConfirmation(IndexOf(action));").Close();
        code.Line();
        EmitFactory(code, "CreateRequest", "request", requests);
        code.Line();
        EmitFactory(code, "CreateConfirmation", "confirmation", confirmations);
        code.Close();
        code.Close();
        return code.ToString();
    }

    private static void EmitFactory(CodeBuilder code, string method, string what, IReadOnlyList<MessageModel> messages)
    {
        code.Summary("A new, empty " + what + " payload for the action at <paramref name=\"index\"/>; null outside the range.");
        code.Line("public static IOcppPayload " + method + "(int index)");
        code.Open();
        code.Line("switch (index)");
        code.Open();
        for (int i = 0; i < messages.Count; i++)
        {
            code.Line("case " + i + ":");
            code.Line("    return new " + messages[i].Payload.Name + "();");
        }

        code.Line("default:");
        code.Line("    return null;");
        code.Close();
        code.Close();
    }

    private static string Direction(Sender sender)
    {
        return sender switch
        {
            Sender.ChargePoint => "ChargePointToCentralSystem",
            Sender.CentralSystem => "CentralSystemToChargePoint",
            _ => "Both",
        };
    }
}
