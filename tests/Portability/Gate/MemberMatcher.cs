using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Portability;

/// <summary>
/// Decides whether a <see cref="MemberQuery"/> exists in a profile: same kind and name on the type or an
/// inherited type (<see cref="ApiLookup.Hierarchy"/>), same parameter types, same static-ness, same
/// return/property/field type, and the accessor used. Runtime-provided members are accepted on any delegate
/// type the profile has (<c>.ctor(System.Object, System.IntPtr)</c>, <c>Invoke</c> — checked against the
/// delegate's signature —, <c>BeginInvoke</c>, <c>EndInvoke</c>) and on enums (<c>value__</c>).
/// </summary>
public sealed class MemberMatcher
{
    private readonly ApiLookup _lookup;

    public MemberMatcher(ApiLookup lookup)
    {
        _lookup = lookup;
    }

    public MatchResult Match(MemberQuery query)
    {
        IReadOnlyList<ApiType> declared = _lookup.FindType(query.DeclaringType);
        if (declared.Count == 0)
        {
            return MatchResult.Missing(TypeAvailability.Explain(_lookup, query.DeclaringType));
        }

        ApiType delegateType = declared.FirstOrDefault(t => t.Kind == ApiTypeKind.Delegate);
        if (delegateType != null)
        {
            MatchResult runtimeMember = MatchDelegateMember(delegateType, query);
            if (runtimeMember != null)
            {
                return runtimeMember;
            }
        }

        if (query.Kind == ApiMemberKind.Field && query.Name == "value__" && declared.Any(t => t.Kind == ApiTypeKind.Enum))
        {
            return MatchResult.Found(declared.First(t => t.Kind == ApiTypeKind.Enum), null);
        }

        // Constructors are not inherited: they must be declared on the type itself.
        IEnumerable<ApiType> searched = query.Kind == ApiMemberKind.Constructor ? declared : _lookup.Hierarchy(query.DeclaringType);
        var named = new List<(ApiType Owner, ApiMember Member)>();
        foreach (ApiType type in searched)
        {
            named.AddRange(type.Members.Where(m => m.Kind == query.Kind && m.Name == query.Name).Select(m => (type, m)));
        }

        string typeName = declared[0].DisplayName;
        if (named.Count == 0)
        {
            string excluded = ExcludedHint(query);
            string what = query.Kind == ApiMemberKind.Constructor ? KindWord(query.Kind) : KindWord(query.Kind) + " named " + query.Name;
            return MatchResult.Missing(typeName + " has no " + what + excluded);
        }

        var sameParameters = named.Where(c => SameParameters(c.Member.Parameters, query.Parameters)).ToList();
        if (sameParameters.Count == 0)
        {
            return MatchResult.Missing("no such overload; nanoFramework has " + Candidates(named));
        }

        var sameStatic = query.IsStatic == null ? sameParameters : sameParameters.Where(c => c.Member.IsStatic == query.IsStatic.Value).ToList();
        if (sameStatic.Count == 0)
        {
            return MatchResult.Missing("static-ness differs; nanoFramework has " + Candidates(sameParameters));
        }

        var sameType = query.Type == null ? sameStatic : sameStatic.Where(c => c.Member.Type == null || c.Member.Type == query.Type).ToList();
        if (sameType.Count == 0)
        {
            return MatchResult.Missing("type differs (host: " + query.Type + "); nanoFramework has " + Candidates(sameStatic));
        }

        var withAccessor = sameType.Where(c => (!query.NeedsGetter || c.Member.HasGetter) && (!query.NeedsSetter || c.Member.HasSetter)).ToList();
        if (withAccessor.Count == 0)
        {
            return MatchResult.Missing("no " + (query.NeedsGetter ? "getter" : "setter") + "; nanoFramework has " + Candidates(sameType));
        }

        return MatchResult.Found(withAccessor[0].Owner, withAccessor[0].Member);
    }

    /// <summary>Null when the query is not one of the runtime-provided delegate members.</summary>
    private static MatchResult MatchDelegateMember(ApiType delegateType, MemberQuery query)
    {
        if (query.Kind == ApiMemberKind.Constructor
            && query.Parameters != null && query.Parameters.Count == 2
            && query.Parameters[0] == "System.Object" && query.Parameters[1] == "System.IntPtr")
        {
            return MatchResult.Found(delegateType, null);
        }

        if (query.Kind != ApiMemberKind.Method)
        {
            return null;
        }

        if (query.Name == "BeginInvoke" || query.Name == "EndInvoke")
        {
            return MatchResult.Found(delegateType, null);
        }

        if (query.Name != "Invoke")
        {
            return null;
        }

        bool sameSignature = delegateType.DelegateParameters == null
            || (SameParameters(delegateType.DelegateParameters, query.Parameters)
                && (query.Type == null || delegateType.DelegateReturnType == null || query.Type == delegateType.DelegateReturnType));
        return sameSignature
            ? MatchResult.Found(delegateType, null)
            : MatchResult.Missing("nanoFramework's " + delegateType.DisplayName + " is "
                + SignatureText.FormatParameterList(delegateType.DelegateParameters) + " : " + delegateType.DelegateReturnType);
    }

    public static bool SameParameters(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        int countA = a?.Count ?? 0;
        int countB = b?.Count ?? 0;
        if (countA != countB)
        {
            return false;
        }

        for (int i = 0; i < countA; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private string ExcludedHint(MemberQuery query)
    {
        string prefix = "." + query.Name;
        var excluded = _lookup.Catalog.ExcludedLines(query.DeclaringType)
            .Where(l => l.Contains(prefix + "(") || l.Contains(prefix + " ") || l.Contains(prefix + "["))
            .ToList();
        return excluded.Count == 0 ? "" : " (declared only under a preprocessor symbol nanoFramework 1.x is not built with: " + excluded[0] + ")";
    }

    private static string Candidates(List<(ApiType Owner, ApiMember Member)> candidates)
    {
        var shown = candidates.Take(4).Select(c => c.Member.Signature + (c.Member.IsStatic ? " static" : "")).ToList();
        string more = candidates.Count > shown.Count ? " (+" + (candidates.Count - shown.Count) + " more)" : "";
        return string.Join("; ", shown) + more;
    }

    private static string KindWord(ApiMemberKind kind) => kind switch
    {
        ApiMemberKind.Constructor => "public constructor",
        ApiMemberKind.Method => "method",
        ApiMemberKind.Property => "property",
        ApiMemberKind.Event => "event",
        _ => "field",
    };
}
