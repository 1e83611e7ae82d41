namespace Wallbox.Portability;

/// <summary>Outcome of looking a reference up in a profile: what matched, or why nothing did.</summary>
public sealed class MatchResult
{
    private MatchResult(bool success, ApiType owner, ApiMember member, string failure)
    {
        Success = success;
        Owner = owner;
        Member = member;
        Failure = failure;
    }

    public bool Success { get; }

    /// <summary>The type whose line matched (for inherited members: the base class that declares it).</summary>
    public ApiType Owner { get; }

    /// <summary>The member line that matched; null for runtime-provided members (delegate Invoke, enum value__).</summary>
    public ApiMember Member { get; }

    /// <summary>Why nothing matched, without the profile suffix (the report adds it).</summary>
    public string Failure { get; }

    public static MatchResult Found(ApiType owner, ApiMember member) => new(true, owner, member, null);

    public static MatchResult Missing(string failure) => new(false, null, null, failure);
}
