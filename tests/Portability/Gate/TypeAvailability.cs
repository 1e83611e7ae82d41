using System.Linq;

namespace Wallbox.Portability;

/// <summary>Explains why a type is not usable in a profile: absent from nanoFramework 1.x, or only in a package the profile does not allow.</summary>
public static class TypeAvailability
{
    public static string Explain(ApiLookup lookup, string fullName)
    {
        var elsewhere = lookup.Catalog.TypesNamed(fullName);
        if (elsewhere.Count > 0)
        {
            var files = elsewhere.Select(t => lookup.Catalog.Files.TryGetValue(t.File, out var f) && f.NuGet != null ? f.NuGet + " (" + t.File + ")" : t.File).Distinct();
            return "only in nanoFramework package " + string.Join(", ", files) + ", which this profile does not allow";
        }

        var excluded = lookup.Catalog.ExcludedLines(fullName).FirstOrDefault(l => l.Contains(": T "));
        if (excluded != null)
        {
            return "not in nanoFramework 1.x (declared only under a preprocessor symbol it is not built with: " + excluded + ")";
        }

        return "not in nanoFramework 1.x";
    }
}
