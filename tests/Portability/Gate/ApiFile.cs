using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// One API file (<c>api/&lt;Id&gt;.txt</c>): the public surface of one nanoFramework assembly as built by one NuGet package.
/// </summary>
public sealed class ApiFile
{
    /// <summary>File name without <c>.txt</c>: <c>mscorlib</c>, <c>System.Net.Http@Server</c>.</summary>
    public string Id { get; init; }

    /// <summary>Assembly name (from <c>_summary.tsv</c>, else the id without its <c>@Variant</c>).</summary>
    public string Assembly { get; init; }

    /// <summary>NuGet package id (from <c>_summary.tsv</c> or the file header); null if unknown.</summary>
    public string NuGet { get; init; }

    /// <summary>Preprocessor symbols the package is built with (header <c>defines:</c>).</summary>
    public IReadOnlySet<string> Defines { get; init; } = new HashSet<string>();

    public override string ToString() => Id;
}
