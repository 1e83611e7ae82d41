using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// Turns Cecil member references into <see cref="MemberQuery"/>s in the API list's terms:
/// <list type="bullet">
/// <item><c>.ctor</c> → <c>C</c> lines;</item>
/// <item><c>get_X()</c>/<c>set_X(T)</c> → property <c>X</c>; <c>get_Item(System.Int32)</c> → indexer <c>Item[System.Int32]</c>
///   (String's indexer is <c>get_Chars</c> in IL and <c>Chars[...]</c> in the list, so the name carries over);</item>
/// <item><c>add_X</c>/<c>remove_X</c> → event <c>X</c>;</item>
/// <item>anything else, operators (<c>op_*</c>) included → <c>M</c> lines, generic methods as <c>Name``n</c>.</item>
/// </list>
/// Accessor-shaped names also get a plain-method query as a fallback. Generic parameters met by position
/// (<c>!0</c>) are written with the definition's names, taken from the API list when it has the type.
/// </summary>
public sealed class MemberQueryBuilder
{
    private readonly ApiCatalog _catalog;
    private readonly DefinitionNames _names;

    public MemberQueryBuilder(ApiCatalog catalog, DefinitionNames names)
    {
        _catalog = catalog;
        _names = names;
    }

    /// <summary>Queries to try in order; the member exists if any of them matches.</summary>
    public IReadOnlyList<MemberQuery> ForMethod(MethodReference method)
    {
        MethodReference element = method is GenericInstanceMethod instance ? instance.ElementMethod : method;
        string owner = SignatureFormatter.ElementName(method.DeclaringType);
        IReadOnlyList<string> typeParameters = TypeParameterNames(method.DeclaringType, owner);
        int arity = method is GenericInstanceMethod genericInstance ? genericInstance.GenericArguments.Count : element.GenericParameters.Count;
        IReadOnlyList<string> methodParameters = arity == 0 ? new List<string>() : _names.MethodParameters(element);
        var names = new GenericNames(typeParameters, methodParameters);
        string ownerDisplay = Display(owner, typeParameters);
        List<string> parameters = element.Parameters.Select(p => SignatureFormatter.Format(p.ParameterType, names)).ToList();
        string returnType = SignatureFormatter.Format(element.ReturnType, names);
        string name = element.Name;

        var queries = new List<MemberQuery>();
        if (name == ".ctor")
        {
            queries.Add(new MemberQuery
            {
                Kind = ApiMemberKind.Constructor,
                DeclaringType = owner,
                DeclaringTypeDisplay = ownerDisplay,
                Name = name,
                Parameters = parameters,
            });
            return queries;
        }

        if (arity == 0 && name.Length > 4 && (name.StartsWith("get_") || name.StartsWith("set_")))
        {
            bool getter = name[0] == 'g';
            if (getter || parameters.Count > 0)
            {
                queries.Add(new MemberQuery
                {
                    Kind = ApiMemberKind.Property,
                    DeclaringType = owner,
                    DeclaringTypeDisplay = ownerDisplay,
                    Name = name.Substring(4),
                    Parameters = getter ? parameters : parameters.Take(parameters.Count - 1).ToList(),
                    Type = getter ? returnType : parameters[^1],
                    IsStatic = !element.HasThis,
                    NeedsGetter = getter,
                    NeedsSetter = !getter,
                });
            }
        }
        else if (arity == 0 && parameters.Count == 1 && (name.StartsWith("add_") || name.StartsWith("remove_")))
        {
            queries.Add(new MemberQuery
            {
                Kind = ApiMemberKind.Event,
                DeclaringType = owner,
                DeclaringTypeDisplay = ownerDisplay,
                Name = name.Substring(name.IndexOf('_') + 1),
                Type = parameters[0],
                IsStatic = !element.HasThis,
            });
        }

        queries.Add(new MemberQuery
        {
            Kind = ApiMemberKind.Method,
            DeclaringType = owner,
            DeclaringTypeDisplay = ownerDisplay,
            Name = arity == 0 ? name : name + "``" + arity,
            GenericParameters = methodParameters,
            Parameters = parameters,
            Type = returnType,
            IsStatic = !element.HasThis,
        });
        return queries;
    }

    public MemberQuery ForField(FieldReference field)
    {
        string owner = SignatureFormatter.ElementName(field.DeclaringType);
        IReadOnlyList<string> typeParameters = TypeParameterNames(field.DeclaringType, owner);
        return new MemberQuery
        {
            Kind = ApiMemberKind.Field,
            DeclaringType = owner,
            DeclaringTypeDisplay = Display(owner, typeParameters),
            Name = field.Name,
            Type = SignatureFormatter.Format(field.FieldType, new GenericNames(typeParameters, null)),
        };
    }

    /// <summary><c>System.Action`1</c> with <c>[T]</c> to <c>System.Action`1&lt;T&gt;</c>.</summary>
    public static string Display(string fullName, IReadOnlyList<string> genericParameters)
    {
        return genericParameters == null || genericParameters.Count == 0 ? fullName : fullName + "<" + string.Join(",", genericParameters) + ">";
    }

    /// <summary>The API list's names when it has the type (they are what its member lines use), else the host definition's.</summary>
    public IReadOnlyList<string> TypeParameterNames(TypeReference type, string elementName)
    {
        ApiType known = _catalog.TypesNamed(elementName).FirstOrDefault(t => t.GenericParameters.Count > 0);
        if (known != null)
        {
            return known.GenericParameters;
        }

        TypeReference element = type is GenericInstanceType instance ? instance.ElementType : type;
        bool generic = type is GenericInstanceType || element.HasGenericParameters || DefinitionNames.Arity(element.Name) > 0
            || (element.DeclaringType != null && DefinitionNames.Arity(element.DeclaringType.Name) > 0);
        return generic ? _names.TypeParameters(element) : new List<string>();
    }
}
