using System.Collections.Generic;

namespace Wallbox.Portability;

/// <summary>One <c>C</c>/<c>M</c>/<c>P</c>/<c>E</c>/<c>F</c> line of an API file, parsed into comparable parts.</summary>
public sealed class ApiMember
{
    public ApiMemberKind Kind { get; init; }

    /// <summary>Full name of the declaring type, without generic parameters.</summary>
    public string DeclaringType { get; init; }

    /// <summary>
    /// <c>.ctor</c>, a method name (generic methods carry their arity: <c>Name``1</c>), a property name
    /// (indexers: <c>Item</c>, <c>Chars</c>), an event or a field name.
    /// </summary>
    public string Name { get; init; }

    /// <summary>Generic parameter names of a generic method (<c>Name``1&lt;T&gt;</c>); empty otherwise.</summary>
    public IReadOnlyList<string> GenericParameters { get; init; } = [];

    /// <summary>
    /// Normalized parameter types (see <see cref="SignatureText.NormalizeParameter"/>) of constructors, methods
    /// and indexers; null for fields, events and non-indexed properties.
    /// </summary>
    public IReadOnlyList<string> Parameters { get; init; }

    /// <summary>Return type (methods), property/field/event type; null for constructors.</summary>
    public string Type { get; init; }

    /// <summary>Property accessors written as <c>{get}</c>, <c>{set}</c> or <c>{get;set}</c>.</summary>
    public bool HasGetter { get; init; }

    public bool HasSetter { get; init; }

    /// <summary>Trailing words: <c>static virtual abstract override extern const readonly protected implicit obsolete</c>...</summary>
    public IReadOnlySet<string> Modifiers { get; init; } = new HashSet<string>();

    /// <summary><c>static</c>, or a <c>const</c> field (constants are static in metadata).</summary>
    public bool IsStatic => Modifiers.Contains("static") || Modifiers.Contains("const");

    public string File { get; init; }

    /// <summary>The line as written, for messages.</summary>
    public string Text { get; init; }

    /// <summary>The signature part of the line (without the kind letter and the trailing words), for messages.</summary>
    public string Signature { get; init; }

    public override string ToString() => Text ?? Signature;
}
