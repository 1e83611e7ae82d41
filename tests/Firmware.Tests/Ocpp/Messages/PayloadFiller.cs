using System;
using System.Reflection;
using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>
/// Fills every field of a generated payload (and of its nested objects, recursively) with a valid value, found by
/// reflection over the generated fields and constants: all optional fields present, strings at exactly their maxLength
/// in code points (with a 2-byte and a 4-byte UTF-8 character, so UTF-16 length and code points differ), arrays of two
/// items, the last value of every enum.
/// </summary>
internal static class PayloadFiller
{
    /// <summary>2023-11-14T22:13:20.123Z.</summary>
    public const long TimestampMs = 1_700_000_000_123L;

    /// <summary>A string without maxLength: escapes, non-ASCII and a surrogate pair.</summary>
    public const string FreeText = "Grüße \"aus\" der Wallbox \\ 😀\nline 2";

    /// <summary>Fills <paramref name="target"/> and returns it.</summary>
    public static T Fill<T>(T target)
    {
        Type type = target.GetType();
        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            bool isPresenceFlag = field.FieldType == typeof(bool) && field.Name.StartsWith("Has", StringComparison.Ordinal)
                                  && type.GetField(field.Name.Substring(3), BindingFlags.Public | BindingFlags.Instance) != null;
            field.SetValue(target, isPresenceFlag ? true : ValueFor(type, field.Name, field.FieldType));
        }

        return target;
    }

    private static object ValueFor(Type owner, string fieldName, Type type)
    {
        if (type == typeof(int))
        {
            return 42;
        }

        if (type == typeof(double))
        {
            // A multiple of 0.1 where the schema says multipleOf (every OCPP 1.6 number does), three decimals otherwise.
            return owner.GetField(fieldName + "MultipleOf") != null ? 16.1 : 230.125;
        }

        if (type == typeof(bool))
        {
            return true;
        }

        if (type == typeof(long))
        {
            return TimestampMs;
        }

        if (type == typeof(string))
        {
            return Text(owner, fieldName);
        }

        if (type.IsEnum)
        {
            Array values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsArray)
        {
            Type itemType = type.GetElementType();
            Array items = Array.CreateInstance(itemType, 2);
            for (int i = 0; i < items.Length; i++)
            {
                items.SetValue(ValueFor(owner, fieldName, itemType), i);
            }

            return items;
        }

        return Fill(Activator.CreateInstance(type));
    }

    private static string Text(Type owner, string fieldName)
    {
        FieldInfo max = owner.GetField(fieldName + "MaxLength", BindingFlags.Public | BindingFlags.Static);
        int maxLength = max == null ? -1 : (int)max.GetRawConstantValue();
        if (fieldName.EndsWith("Location", StringComparison.Ordinal))
        {
            // GetDiagnostics.req and UpdateFirmware.req say "format": "uri"; the other locations are plain strings.
            const string uri = "https://example.org/wallbox/diagnostics?from=2023-11-14&to=now#part%201";
            return maxLength < 0 ? uri : (uri + new string('x', maxLength)).Substring(0, maxLength);
        }

        if (maxLength < 0)
        {
            return FreeText;
        }

        // maxLength code points, one more UTF-16 unit ("😀" is a surrogate pair).
        return maxLength >= 2 ? "é😀" + new string('x', maxLength - 2) : new string('x', maxLength);
    }
}
