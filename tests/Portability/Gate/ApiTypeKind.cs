namespace Wallbox.Portability;

/// <summary>Kind of a type, as written in a <c>T</c> line of the nanoFramework API list.</summary>
public enum ApiTypeKind
{
    Class,
    Struct,
    Enum,
    Interface,
    Delegate,
}
