using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// A member reference in the API list's terms, ready to be compared with <see cref="ApiMember"/> lines:
/// IL <c>get_Item(System.Int32)</c> becomes the property query <c>Item[System.Int32] {get}</c>, <c>add_X</c> the
/// event <c>X</c>, and so on (<see cref="MemberQueryBuilder"/>). Null fields are not compared.
/// </summary>
public sealed class MemberQuery
{
    public ApiMemberKind Kind { get; init; }

    /// <summary>Full name of the generic definition (<c>System.Action`1</c>) the member is looked up on.</summary>
    public string DeclaringType { get; init; }

    /// <summary>How the report shows the declaring type: <c>System.Collections.Generic.List`1&lt;T&gt;</c>.</summary>
    public string DeclaringTypeDisplay { get; init; }

    /// <summary><c>.ctor</c>, method name (generic: <c>Name``1</c>), property/event/field name.</summary>
    public string Name { get; init; }

    /// <summary>For generic methods, the parameter names shown in the report.</summary>
    public IReadOnlyList<string> GenericParameters { get; init; } = [];

    /// <summary>Parameter types (constructors, methods, indexers); null or empty for none.</summary>
    public IReadOnlyList<string> Parameters { get; init; }

    /// <summary>Return / property / event / field type; null = do not compare.</summary>
    public string Type { get; init; }

    /// <summary>null = do not compare.</summary>
    public bool? IsStatic { get; init; }

    public bool NeedsGetter { get; init; }

    public bool NeedsSetter { get; init; }

    /// <summary>The API as the report names it: <c>System.Collections.Generic.List`1&lt;T&gt;.Add(T)</c>.</summary>
    public string Display
    {
        get
        {
            string owner = DeclaringTypeDisplay ?? DeclaringType;
            string generic = GenericParameters.Count == 0 ? "" : "<" + string.Join(",", GenericParameters) + ">";
            switch (Kind)
            {
                case ApiMemberKind.Constructor:
                    return owner + "." + Name + SignatureText.FormatParameterList(Parameters);
                case ApiMemberKind.Method:
                    // Conversion operators differ only by return type, so it belongs to their name.
                    string returns = Name == "op_Implicit" || Name == "op_Explicit" ? " : " + Type : "";
                    return owner + "." + Name + generic + SignatureText.FormatParameterList(Parameters) + returns;
                case ApiMemberKind.Property:
                    string index = Parameters == null || Parameters.Count == 0 ? "" : SignatureText.FormatParameterList(Parameters, '[', ']');
                    string accessor = NeedsGetter ? " {get}" : NeedsSetter ? " {set}" : "";
                    return owner + "." + Name + index + accessor;
                case ApiMemberKind.Event:
                    return owner + "." + Name + " (event)";
                default:
                    return owner + "." + Name;
            }
        }
    }

    /// <summary>The same query on another type (see <see cref="HostHierarchy"/>).</summary>
    public MemberQuery WithDeclaringType(string fullName) => new()
    {
        Kind = Kind,
        DeclaringType = fullName,
        DeclaringTypeDisplay = fullName,
        Name = Name,
        GenericParameters = GenericParameters,
        Parameters = Parameters,
        Type = Type,
        IsStatic = IsStatic,
        NeedsGetter = NeedsGetter,
        NeedsSetter = NeedsSetter,
    };

    public override string ToString() => Display;
}
