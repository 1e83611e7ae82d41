using System;
using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// The ONLY attributes the gate does not check. Each is an attribute the C# compiler adds on its own and only
/// when the attribute type exists in the target's core library; nanoFramework's mscorlib does not have it
/// (checked against api/mscorlib.txt), so the nanoFramework build simply leaves it out and it never reaches
/// the device. Everything a developer writes, and every synthesized attribute whose absence changes the
/// compiled assembly, is checked like any other reference.
/// One entry is conditional: <c>RefSafetyRulesAttribute</c> (see <see cref="ConditionalReasons"/>).
/// </summary>
/// <remarks>
/// Deliberately NOT here:
/// <list type="bullet">
/// <item><c>DebuggableAttribute</c>, <c>DebuggerBrowsableAttribute</c>, <c>DebuggerHiddenAttribute</c>,
///   <c>DebuggerStepThroughAttribute</c>, <c>TargetFrameworkAttribute</c>: nanoFramework's mscorlib has them,
///   so they are checked normally (and pass).</item>
/// <item><c>NullableAttribute</c>, <c>NullableContextAttribute</c>, <c>ScopedRefAttribute</c>, <c>IsReadOnlyAttribute</c>,
///   <c>RefSafetyRulesAttribute</c>, <c>IsByRefLikeAttribute</c> and the like: when nanoFramework's mscorlib lacks
///   them the compiler does not drop them, it SYNTHESIZES them into the assembly, and those extra types shift
///   nanoFramework's native-method binding. A reference to one of them is a violation
///   (<see cref="CompilerSynthesizedAttributes"/> explains which language feature caused it).</item>
/// <item><c>AssemblyMetadataAttribute</c>: only the SDK's generated AssemblyInfo writes it, which portable
///   projects turn off (GenerateAssemblyInfo=false); written by hand it would not compile for nanoFramework.</item>
/// </list>
/// </remarks>
public static class IgnoredAttributes
{
    /// <summary>Full name to the reason it is safe to ignore.</summary>
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Runtime.CompilerServices.CompilerGeneratedAttribute"] =
            "put on compiler-generated members (backing fields, closures, state machines) only when the type exists; absent in nanoFramework's mscorlib, so omitted there",
        ["System.Runtime.CompilerServices.CompilationRelaxationsAttribute"] =
            "assembly attribute the compiler adds only when the type exists; absent in nanoFramework's mscorlib, so omitted there",
        ["System.Runtime.CompilerServices.RuntimeCompatibilityAttribute"] =
            "assembly attribute (WrapNonExceptionThrows) the compiler adds only when the type exists; absent in nanoFramework's mscorlib, so omitted there",
        ["System.Runtime.CompilerServices.IteratorStateMachineAttribute"] =
            "marks iterator methods when the type exists; absent in nanoFramework's mscorlib, so omitted there (the iterator's own types are still checked)",
        ["System.Runtime.CompilerServices.AsyncStateMachineAttribute"] =
            "marks async methods when the type exists; omitted by the nanoFramework build — async itself is still caught through Task and the method builder types",
    };

    /// <summary>
    /// Ignored only under a condition on the compilation. <c>[module: RefSafetyRules(11)]</c> is emitted when the
    /// language version is 11 or newer OR when the core library supports ref fields (.NET 7+). With LangVersion 10
    /// (build/Portable.props) the host build gets it only because of .NET's core library; nanoFramework's mscorlib
    /// has no ref fields, so the device build does not emit it. With C# 11+ the device build WOULD synthesize it,
    /// so it is ignored only when the PDB records language version 10 or older.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ConditionalReasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["System.Runtime.CompilerServices.RefSafetyRulesAttribute"] =
            "emitted on the host only because .NET's core library supports ref fields; ignored when the PDB records C# 10 or older",
    };

    public static bool IsIgnored(string attributeFullName, CompilationFacts compilation)
    {
        if (Reasons.ContainsKey(attributeFullName))
        {
            return true;
        }

        if (attributeFullName == "System.Runtime.CompilerServices.RefSafetyRulesAttribute")
        {
            Version language = compilation?.LanguageVersion;
            return language != null && language.Major <= 10;
        }

        return false;
    }
}
