using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// Generic parameter names of referenced (host) definitions, for the report: a reference to
/// <c>List&lt;int&gt;.Add</c> carries only <c>!0</c>; resolving <c>List`1</c> gives <c>T</c>, so the report can say
/// <c>List`1&lt;T&gt;.Add(T)</c> like the API list does. Resolution is best effort (cached, failures ignored):
/// when a definition cannot be found, names fall back to <c>T</c>, <c>T1</c>, <c>T2</c>...
/// </summary>
public sealed class DefinitionNames
{
    private readonly Dictionary<string, IReadOnlyList<string>> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _methods = new(StringComparer.Ordinal);

    public IReadOnlyList<string> TypeParameters(TypeReference type)
    {
        type = type is GenericInstanceType instance ? instance.ElementType : type;
        string key = type.FullName;
        if (_types.TryGetValue(key, out var cached))
        {
            return cached;
        }

        int arity = Arity(type.Name);
        IReadOnlyList<string> names = null;
        TypeDefinition definition = TryResolve(type);
        if (definition != null)
        {
            // Nested types of generic types repeat the outer parameters; the API list does the same.
            names = definition.GenericParameters.Select(p => p.Name).ToList();
        }
        else if (type.HasGenericParameters && type.GenericParameters.All(p => !p.Name.StartsWith('!')))
        {
            names = type.GenericParameters.Select(p => p.Name).ToList();
        }

        names ??= Placeholders(arity);
        _types[key] = names;
        return names;
    }

    public IReadOnlyList<string> MethodParameters(MethodReference method)
    {
        method = method is GenericInstanceMethod instance ? instance.ElementMethod : method;
        if (!method.HasGenericParameters)
        {
            return Array.Empty<string>();
        }

        string key = method.FullName;
        if (_methods.TryGetValue(key, out var cached))
        {
            return cached;
        }

        IReadOnlyList<string> names = null;
        MethodDefinition definition = TryResolve(method);
        if (definition != null && definition.GenericParameters.Count == method.GenericParameters.Count)
        {
            names = definition.GenericParameters.Select(p => p.Name).ToList();
        }
        else if (method.GenericParameters.All(p => !p.Name.StartsWith('!')))
        {
            names = method.GenericParameters.Select(p => p.Name).ToList();
        }

        names ??= Placeholders(method.GenericParameters.Count);
        _methods[key] = names;
        return names;
    }

    /// <summary><c>List`1</c> to 1; names without a backtick to 0.</summary>
    public static int Arity(string name)
    {
        int tick = name.LastIndexOf('`');
        return tick >= 0 && int.TryParse(name.AsSpan(tick + 1), out int arity) ? arity : 0;
    }

    private static IReadOnlyList<string> Placeholders(int count)
    {
        if (count == 1)
        {
            return new[] { "T" };
        }

        return Enumerable.Range(1, count).Select(i => "T" + i).ToList();
    }

    private static TypeDefinition TryResolve(TypeReference type)
    {
        try
        {
            return type.Resolve();
        }
        catch (Exception e) when (e is AssemblyResolutionException || e is ResolutionException || e is NotSupportedException || e is System.IO.IOException || e is BadImageFormatException)
        {
            return null;
        }
    }

    private static MethodDefinition TryResolve(MethodReference method)
    {
        try
        {
            return method.Resolve();
        }
        catch (Exception e) when (e is AssemblyResolutionException || e is ResolutionException || e is NotSupportedException || e is System.IO.IOException || e is BadImageFormatException)
        {
            return null;
        }
    }
}
