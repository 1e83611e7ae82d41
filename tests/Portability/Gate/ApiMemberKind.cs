namespace Wallbox.Portability;

/// <summary>Kind of a member line of the nanoFramework API list (the line's first letter).</summary>
public enum ApiMemberKind
{
    /// <summary><c>C</c>: constructor (name <c>.ctor</c>).</summary>
    Constructor,

    /// <summary><c>M</c>: method, operators included (<c>op_*</c>).</summary>
    Method,

    /// <summary><c>P</c>: property or indexer (<c>Item[...]</c>, <c>String.Chars[...]</c>).</summary>
    Property,

    /// <summary><c>E</c>: event.</summary>
    Event,

    /// <summary><c>F</c>: field or enum member.</summary>
    Field,
}
