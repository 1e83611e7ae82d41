namespace Wallbox.Portability;

/// <summary>
/// Whether the nanoFramework API list is at hand, and what to do if not: skip the gate (developer machines
/// without the steering repository) or fail (CI, where <c>WALLBOX_REQUIRE_PORTABILITY_GATE=1</c>).
/// </summary>
/// <param name="Path">Where the list was looked for.</param>
/// <param name="IsAvailable">The folder exists and holds mscorlib.txt.</param>
/// <param name="MustFail">Missing, and the environment requires the gate.</param>
/// <param name="Message">Skip or failure message; null when available.</param>
public sealed record ApiFolderStatus(string Path, bool IsAvailable, bool MustFail, string Message)
{
    /// <summary>Missing, and the gate may be skipped.</summary>
    public bool ShouldSkip => !IsAvailable && !MustFail;
}
