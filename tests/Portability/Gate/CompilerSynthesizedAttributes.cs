using System;
using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// Attribute types the C# compiler synthesizes into the assembly (marked with
/// <c>Microsoft.CodeAnalysis.EmbeddedAttribute</c>) when the target's core library lacks them, and the language
/// feature that makes it do so. nanoFramework's mscorlib has none of them, so on the device build they become
/// extra types in the assembly, which shifts nanoFramework's native-method binding and breaks the firmware.
/// The host build either synthesizes them too (then the gate sees an own type in
/// System.Runtime.CompilerServices) or references the .NET one (then the gate sees the reference); both are
/// rejected with this explanation.
/// </summary>
public static class CompilerSynthesizedAttributes
{
    private static readonly Dictionary<string, string> Features = new(StringComparer.Ordinal)
    {
        ["Microsoft.CodeAnalysis.EmbeddedAttribute"] = "marks every synthesized type",
        ["System.Runtime.CompilerServices.NullableAttribute"] = "nullable reference type annotations (<Nullable>enable</Nullable> or #nullable enable)",
        ["System.Runtime.CompilerServices.NullableContextAttribute"] = "nullable reference type annotations (<Nullable>enable</Nullable> or #nullable enable)",
        ["System.Runtime.CompilerServices.NullablePublicOnlyAttribute"] = "nullable reference type annotations (<Nullable>enable</Nullable>)",
        ["System.Runtime.CompilerServices.RefSafetyRulesAttribute"] = "compiling with C# 11 or newer (LangVersion > 10)",
        ["System.Runtime.CompilerServices.ScopedRefAttribute"] = "'scoped' parameters (C# 11)",
        ["System.Runtime.CompilerServices.IsReadOnlyAttribute"] = "'readonly struct', readonly members, 'in' parameters or 'ref readonly' returns",
        ["System.Runtime.CompilerServices.IsByRefLikeAttribute"] = "'ref struct' declarations",
        ["System.Runtime.CompilerServices.IsUnmanagedAttribute"] = "the 'unmanaged' generic constraint",
        ["System.Runtime.CompilerServices.RequiresLocationAttribute"] = "'ref readonly' parameters (C# 12)",
        ["System.Runtime.CompilerServices.ParamCollectionAttribute"] = "params collections (C# 13)",
        ["System.Runtime.CompilerServices.NativeIntegerAttribute"] = "nint/nuint",
        ["System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"] = "required members or ref structs (C# 11)",
        ["System.Runtime.CompilerServices.RequiredMemberAttribute"] = "'required' members (C# 11)",
        ["System.Runtime.CompilerServices.ExtensionMarkerAttribute"] = "extension blocks (C# 14)",
    };

    /// <summary>The feature that makes the compiler synthesize <paramref name="fullName"/>; null if it is not one of them.</summary>
    public static string FeatureOf(string fullName) => Features.TryGetValue(fullName, out string feature) ? feature : null;

    /// <summary>Reason text for a violation about <paramref name="fullName"/> (an own synthesized type or a reference to one).</summary>
    public static string Explain(string fullName, bool ownType)
    {
        string feature = FeatureOf(fullName);
        string cause = feature != null
            ? "caused by " + feature
            : "comes from a C# version newer than 10 or from features like 'readonly struct', 'in' parameters or nullable annotations";
        string what = ownType
            ? "compiler-synthesized attribute type in the assembly"
            : "attribute nanoFramework's mscorlib lacks, so the nanoFramework build would synthesize it into the assembly";
        return what + "; such synthesized types shift nanoFramework's native-method binding and break the firmware on the device — "
            + cause + " (portable projects keep LangVersion 10 and Nullable disabled, see build/Portable.props)";
    }
}
