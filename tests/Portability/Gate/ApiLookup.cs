using System;
using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Portability;

/// <summary>
/// The catalog as one profile sees it: only declarations from the profile's API files count, and inherited
/// members are found by walking base classes (interfaces: base interfaces) within those files.
/// </summary>
public sealed class ApiLookup
{
    private readonly HashSet<string> _allowed;

    public ApiLookup(ApiCatalog catalog, IEnumerable<string> allowedFiles)
    {
        Catalog = catalog;
        _allowed = new HashSet<string>(allowedFiles, StringComparer.Ordinal);
    }

    public ApiCatalog Catalog { get; }

    public IReadOnlySet<string> AllowedFiles => _allowed;

    /// <summary>Declarations of <paramref name="fullName"/> in the allowed files.</summary>
    public IReadOnlyList<ApiType> FindType(string fullName)
    {
        return Catalog.TypesNamed(fullName).Where(t => _allowed.Contains(t.File)).ToList();
    }

    /// <summary>
    /// The type and everything it inherits members from, nearest first: the base-class chain for classes,
    /// structs, enums and delegates (System.Object last); the base interfaces for interfaces. Interfaces of
    /// classes are not walked: nanoFramework's API list omits explicit interface implementations, so a
    /// member reached through a class must be declared on the class (or a base class) to exist there.
    /// </summary>
    public IEnumerable<ApiType> Hierarchy(string fullName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(fullName);
        while (queue.Count > 0)
        {
            string name = queue.Dequeue();
            if (!seen.Add(name))
            {
                continue;
            }

            foreach (ApiType type in FindType(name))
            {
                yield return type;
                if (type.Kind == ApiTypeKind.Interface)
                {
                    foreach (string baseInterface in type.Interfaces)
                    {
                        queue.Enqueue(StripArguments(baseInterface));
                    }
                }
                else if (type.BaseType != null)
                {
                    queue.Enqueue(StripArguments(type.BaseType));
                }
            }
        }
    }

    /// <summary>All interfaces a type implements, through its base classes and base interfaces (for the facade check).</summary>
    public HashSet<string> InterfaceClosure(string fullName)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (ApiType type in Hierarchy(fullName))
        {
            foreach (string i in type.Interfaces)
            {
                queue.Enqueue(i);
            }
        }

        while (queue.Count > 0)
        {
            string name = queue.Dequeue();
            if (!result.Add(name))
            {
                continue;
            }

            foreach (ApiType type in FindType(StripArguments(name)))
            {
                foreach (string i in type.Interfaces)
                {
                    queue.Enqueue(i);
                }
            }
        }

        return result;
    }

    private static string StripArguments(string typeName) => SignatureText.SplitGenericParameters(typeName).Name;
}
