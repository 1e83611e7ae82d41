using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// Names for generic parameters met by position in a signature. Member references carry <c>!0</c> (type
/// parameter 0) and <c>!!0</c> (method parameter 0); the API list writes the definition's names
/// (<c>Invoke(T)</c>), so positions are mapped through the definition's parameter names.
/// </summary>
public sealed class GenericNames
{
    public static readonly GenericNames None = new(null, null);

    private readonly IReadOnlyList<string> _typeParameters;
    private readonly IReadOnlyList<string> _methodParameters;

    public GenericNames(IReadOnlyList<string> typeParameters, IReadOnlyList<string> methodParameters)
    {
        _typeParameters = typeParameters;
        _methodParameters = methodParameters;
    }

    /// <summary>Name of type parameter <paramref name="position"/>; <paramref name="fallback"/> when unknown.</summary>
    public string Type(int position, string fallback) => Pick(_typeParameters, position, fallback);

    /// <summary>Name of method parameter <paramref name="position"/>; <paramref name="fallback"/> when unknown.</summary>
    public string Method(int position, string fallback) => Pick(_methodParameters, position, fallback);

    private static string Pick(IReadOnlyList<string> names, int position, string fallback)
    {
        return names != null && position < names.Count ? names[position] : fallback;
    }
}
