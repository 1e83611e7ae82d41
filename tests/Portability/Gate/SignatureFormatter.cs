using System.Linq;
using System.Text;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// Writes Cecil type references in the API list's syntax so that they compare as plain strings with
/// <see cref="SignatureText.NormalizeParameter"/>'s output: <c>System.Int32</c>, <c>Outer+Inner</c>,
/// <c>System.Byte[]</c>, <c>System.Int32&amp;</c>, <c>System.Action`1&lt;System.Int32&gt;</c>, generic parameters by name.
/// Custom modifiers (<c>modreq</c>/<c>modopt</c>) and <c>pinned</c> are dropped: the API list does not record them.
/// </summary>
public static class SignatureFormatter
{
    /// <summary>Full name without generic arguments: namespace-qualified, nested types joined with <c>+</c>.</summary>
    public static string ElementName(TypeReference type)
    {
        while (type is TypeSpecification specification)
        {
            type = specification.ElementType;
        }

        if (type.DeclaringType != null)
        {
            return ElementName(type.DeclaringType) + "+" + type.Name;
        }

        return string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;
    }

    public static string Format(TypeReference type, GenericNames names)
    {
        names ??= GenericNames.None;
        switch (type)
        {
            case GenericParameter parameter:
                string fallback = parameter.Name.StartsWith('!') || string.IsNullOrEmpty(parameter.Name)
                    ? (parameter.Type == GenericParameterType.Method ? "!!" : "!") + parameter.Position
                    : parameter.Name;
                return parameter.Type == GenericParameterType.Method
                    ? names.Method(parameter.Position, fallback)
                    : names.Type(parameter.Position, fallback);
            case ArrayType array:
                return Format(array.ElementType, names) + (array.IsVector ? "[]" : "[" + new string(',', array.Rank - 1) + "]");
            case ByReferenceType byReference:
                return Format(byReference.ElementType, names) + "&";
            case PointerType pointer:
                return Format(pointer.ElementType, names) + "*";
            case PinnedType pinned:
                return Format(pinned.ElementType, names);
            case RequiredModifierType required:
                return Format(required.ElementType, names);
            case OptionalModifierType optional:
                return Format(optional.ElementType, names);
            case SentinelType sentinel:
                return Format(sentinel.ElementType, names);
            case FunctionPointerType function:
                return "method " + Format(function.ReturnType, names) + " *("
                    + string.Join(",", function.Parameters.Select(p => Format(p.ParameterType, names))) + ")";
            case GenericInstanceType instance:
                var sb = new StringBuilder(ElementName(instance.ElementType)).Append('<');
                for (int i = 0; i < instance.GenericArguments.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ",").Append(Format(instance.GenericArguments[i], names));
                }

                return sb.Append('>').ToString();
            default:
                return ElementName(type);
        }
    }
}
