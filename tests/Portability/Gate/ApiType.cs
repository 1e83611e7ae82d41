using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>
/// One <c>T</c> line of one API file, with the member lines declared under it in the same file.
/// The same full name can appear in several files (e.g. <c>mscorlib</c> and <c>mscorlib@NoReflection</c>,
/// or the <c>System.Net.Http</c> variants); each file gets its own <see cref="ApiType"/>, because the member
/// sets differ and a profile allows only some of the files.
/// </summary>
public sealed class ApiType
{
    /// <summary>CLR full name without generic parameters: <c>System.Action`1</c>, nested <c>Outer+Inner</c>.</summary>
    public string FullName { get; init; }

    public ApiTypeKind Kind { get; init; }

    /// <summary>Generic parameter names of the definition (<c>T</c>, <c>TResult</c>); empty if not generic.</summary>
    public IReadOnlyList<string> GenericParameters { get; init; } = [];

    /// <summary>Words before the kind (<c>abstract sealed static readonly ref</c>) and trailing flags (<c>flags obsolete</c>).</summary>
    public IReadOnlySet<string> Modifiers { get; init; } = new HashSet<string>();

    /// <summary>
    /// Base class as the runtime sees it: the written base for classes, <c>System.ValueType</c> for structs,
    /// <c>System.Enum</c> for enums, <c>System.MulticastDelegate</c> for delegates; null for interfaces
    /// and for <c>System.Object</c>.
    /// </summary>
    public string BaseType { get; init; }

    /// <summary>Implemented (or, for interfaces, inherited) interfaces as written.</summary>
    public IReadOnlyList<string> Interfaces { get; init; } = [];

    /// <summary>Underlying type of an enum (<c>System.Int32</c>); null otherwise.</summary>
    public string EnumUnderlyingType { get; init; }

    /// <summary>Normalized parameter types of a delegate's Invoke; null for other kinds.</summary>
    public IReadOnlyList<string> DelegateParameters { get; init; }

    /// <summary>Return type of a delegate's Invoke; null for other kinds.</summary>
    public string DelegateReturnType { get; init; }

    /// <summary>API file id (file name without <c>.txt</c>, e.g. <c>System.Net.Http@Server</c>).</summary>
    public string File { get; init; }

    /// <summary>The line as written, for messages.</summary>
    public string Text { get; init; }

    public List<ApiMember> Members { get; } = [];

    /// <summary><c>System.Action`1&lt;T&gt;</c>: the name as the report shows it.</summary>
    public string DisplayName => GenericParameters.Count == 0
        ? FullName
        : FullName + "<" + string.Join(",", GenericParameters) + ">";

    public override string ToString() => Text ?? DisplayName;
}
