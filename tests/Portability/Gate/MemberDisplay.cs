using System;
using System.Linq;
using System.Text.RegularExpressions;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// User-facing names for the "where" part of a report line. Compiler-generated types and methods are folded
/// into the source member they come from: a lambda <c>&lt;RunOnce&gt;b__5_0</c> in <c>&lt;&gt;c</c> shows as
/// <c>MainLoop.RunOnce (lambda)</c>, an async state machine <c>&lt;RunAsync&gt;d__3</c> as <c>RunAsync (state machine)</c>.
/// </summary>
public static class MemberDisplay
{
    private static readonly Regex Mangled = new(@"^<(?<name>[^>]*)>(?<kind>[a-z])__(?:(?<local>[^|]+)\|)?", RegexOptions.CultureInvariant);

    /// <summary>The source type: compiler-generated nested types are replaced by their declaring type. Dots for nesting.</summary>
    public static string TypeName(TypeDefinition type)
    {
        if (type == null)
        {
            return null;
        }

        TypeDefinition user = UserType(type);
        string name = StripArity(user.Name);
        for (TypeDefinition outer = user.DeclaringType; outer != null; outer = outer.DeclaringType)
        {
            name = StripArity(outer.Name) + "." + name;
            user = outer;
        }

        return string.IsNullOrEmpty(user.Namespace) ? name : user.Namespace + "." + name;
    }

    /// <summary>The nearest type that is not compiler-generated (names starting with '&lt;'), or the type itself.</summary>
    public static TypeDefinition UserType(TypeDefinition type)
    {
        TypeDefinition user = type;
        while (user.DeclaringType != null && IsGenerated(user.Name))
        {
            user = user.DeclaringType;
        }

        return user;
    }

    /// <summary>The source member for a site; null for type-level sites outside compiler-generated types.</summary>
    public static string MemberName(UseSite site)
    {
        string stateMachine = StateMachineOwner(site.Type);
        switch (site.Member)
        {
            case MethodDefinition method:
                return MethodName(method, stateMachine);
            case FieldDefinition field:
                if (stateMachine != null)
                {
                    return stateMachine + " (state machine)";
                }

                if (field.Name.StartsWith("<>9", StringComparison.Ordinal))
                {
                    return "(cached lambda)";
                }

                Match backing = Mangled.Match(field.Name);
                return backing.Success && backing.Groups["kind"].Value == "k" ? backing.Groups["name"].Value : field.Name;
            case IMemberDefinition other:
                return other.Name;
            default:
                return stateMachine != null ? stateMachine + " (state machine)" : null;
        }
    }

    /// <summary>For an iterator/async state machine type <c>&lt;X&gt;d__N</c> (or a type nested in one), X; else null.</summary>
    public static string StateMachineOwner(TypeDefinition type)
    {
        for (TypeDefinition t = type; t != null; t = t.DeclaringType)
        {
            Match match = Mangled.Match(t.Name);
            if (match.Success && match.Groups["kind"].Value == "d")
            {
                return match.Groups["name"].Value;
            }
        }

        return null;
    }

    /// <summary>The source name of a (possibly generated) method: <c>Run</c> for <c>&lt;Run&gt;b__0_0</c>, the property for accessors.</summary>
    public static string SourceName(MethodDefinition method)
    {
        Match match = Mangled.Match(method.Name);
        if (match.Success)
        {
            return match.Groups["name"].Value;
        }

        string owner = StateMachineOwner(method.DeclaringType);
        if (owner != null)
        {
            return owner;
        }

        if (method.IsConstructor)
        {
            return StripArity(UserType(method.DeclaringType).Name);
        }

        if (method.IsGetter || method.IsSetter || method.IsAddOn || method.IsRemoveOn)
        {
            return method.Name.Substring(method.Name.IndexOf('_') + 1);
        }

        return method.Name;
    }

    private static string MethodName(MethodDefinition method, string stateMachine)
    {
        if (stateMachine != null)
        {
            return stateMachine + " (state machine)";
        }

        Match match = Mangled.Match(method.Name);
        if (match.Success)
        {
            string name = match.Groups["name"].Value;
            return match.Groups["kind"].Value switch
            {
                "b" => name + " (lambda)",
                "g" => name + "." + match.Groups["local"].Value + " (local function)",
                _ => name + " (compiler-generated)",
            };
        }

        if (method.IsGetter || method.IsSetter)
        {
            return method.Name.Substring(4) + (method.IsGetter ? " {get}" : " {set}");
        }

        if (method.IsAddOn || method.IsRemoveOn)
        {
            return method.Name.Substring(method.Name.IndexOf('_') + 1) + " (event)";
        }

        string parameters = string.Join(", ", method.Parameters.Select(p => ShortName(SignatureFormatter.Format(p.ParameterType, null))));
        return (method.IsConstructor ? (method.IsStatic ? ".cctor" : ".ctor") : method.Name) + "(" + parameters + ")";
    }

    /// <summary><c>System.Collections.ArrayList</c> to <c>ArrayList</c>, inside generic arguments too.</summary>
    public static string ShortName(string typeName) => Regex.Replace(typeName, @"(?:[A-Za-z_][\w]*\.)+", "");

    private static bool IsGenerated(string name) => name.StartsWith('<');

    private static string StripArity(string name)
    {
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name.Substring(0, tick);
    }
}
