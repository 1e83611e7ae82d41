using System;
using System.Collections.Generic;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// Host base classes that nanoFramework folds into derived types. .NET declares e.g. <c>Set()</c> on
/// <c>EventWaitHandle</c>, the base of <c>AutoResetEvent</c>; nanoFramework has no EventWaitHandle and declares
/// <c>Set()</c> on AutoResetEvent itself. The compiler writes the declaring type into the IL
/// (<c>EventWaitHandle::Set()</c>), not the receiver's type, so the gate maps such a reference back to the
/// nanoFramework types the assembly references that derive (on the host) from that declaring type.
/// This is sound: a value whose static type is the host-only base can only come from a field, local,
/// parameter, cast or member result of that type, and each of those is itself a reference the gate checks.
/// </summary>
public sealed class HostHierarchy
{
    private readonly ApiLookup _lookup;
    private readonly Dictionary<ModuleDefinition, Dictionary<string, List<string>>> _derivedByBase = new();

    public HostHierarchy(ApiLookup lookup)
    {
        _lookup = lookup;
    }

    /// <summary>
    /// Types referenced by <paramref name="module"/> that the profile has and whose host base-class chain
    /// contains <paramref name="baseTypeName"/> (nearest references first, in metadata order).
    /// </summary>
    public IReadOnlyList<string> DerivedTypes(ModuleDefinition module, string baseTypeName)
    {
        if (module == null)
        {
            return Array.Empty<string>();
        }

        if (!_derivedByBase.TryGetValue(module, out var map))
        {
            map = Build(module);
            _derivedByBase[module] = map;
        }

        return map.TryGetValue(baseTypeName, out var derived) ? derived : Array.Empty<string>();
    }

    private Dictionary<string, List<string>> Build(ModuleDefinition module)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (TypeReference reference in module.GetTypeReferences())
        {
            string name = SignatureFormatter.ElementName(reference);
            if (_lookup.FindType(name).Count == 0)
            {
                continue;
            }

            TypeDefinition definition = TryResolve(reference);
            for (int depth = 0; definition?.BaseType != null && depth < 16; depth++)
            {
                string baseName = SignatureFormatter.ElementName(definition.BaseType);
                if (!map.TryGetValue(baseName, out var list))
                {
                    map[baseName] = list = new List<string>();
                }

                if (!list.Contains(name))
                {
                    list.Add(name);
                }

                definition = TryResolve(definition.BaseType);
            }
        }

        return map;
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
}
