using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability;

/// <summary>
/// Definitions in the scanned assembly that nanoFramework 1.x cannot load or run, whatever they reference:
/// generic type and method definitions (no generics in 1.x), compiler-synthesized attribute types (they shift
/// native-method binding), P/Invoke, and the IL of stackalloc (<c>localloc</c>) and function-pointer calls
/// (<c>calli</c>). Pointer and function-pointer types are caught where they are referenced (<see cref="ReferenceChecker"/>).
/// </summary>
public static class OwnDefinitionRules
{
    private const string EmbeddedAttribute = "Microsoft.CodeAnalysis.EmbeddedAttribute";

    public static IEnumerable<Finding> ForType(TypeDefinition type)
    {
        if (type.Name == "<Module>")
        {
            yield break;
        }

        if (IsSynthesized(type))
        {
            yield return new Finding(
                "compiler-synthesized type " + type.FullName,
                CompilerSynthesizedAttributes.Explain(type.FullName, ownType: true),
                ViolationKind.Defines);
        }

        // Nested types of a generic type inherit its parameters; report only the type that introduces them.
        int inherited = type.DeclaringType?.GenericParameters.Count ?? 0;
        if (type.GenericParameters.Count > inherited)
        {
            string display = SignatureFormatter.ElementName(type) + "<" + string.Join(",", type.GenericParameters.Select(p => p.Name)) + ">";
            string reason = type.Name.StartsWith("<>f__AnonymousType", StringComparison.Ordinal)
                ? "anonymous types are generic classes; nanoFramework 1.x has no generics — use a small named class"
                : "nanoFramework 1.x has no generics: a generic type definition cannot be loaded (only mscorlib's generic delegates Action/Func/EventHandler exist); use object-typed members or a concrete type";
            yield return new Finding("generic type " + display, reason, ViolationKind.Defines);
        }
    }

    public static IEnumerable<Finding> ForMethod(MethodDefinition method)
    {
        if (method.HasGenericParameters)
        {
            yield return new Finding(
                "generic method " + method.Name + "``" + method.GenericParameters.Count + "<" + string.Join(",", method.GenericParameters.Select(p => p.Name)) + ">",
                "nanoFramework 1.x has no generics: generic methods cannot be loaded; use object-typed parameters or overloads",
                ViolationKind.Defines);
        }

        if (method.IsPInvokeImpl || method.HasPInvokeInfo)
        {
            yield return new Finding(
                "P/Invoke method " + method.Name,
                "nanoFramework has no P/Invoke (DllImport); native code is reached through the InternalCall methods of its libraries",
                ViolationKind.Defines);
        }
    }

    /// <summary>The finding for an IL instruction nanoFramework cannot execute; null for all others.</summary>
    public static Finding ForInstruction(Instruction instruction)
    {
        switch (instruction.OpCode.Code)
        {
            case Code.Localloc:
                return new Finding("stackalloc (IL localloc)", "nanoFramework cannot allocate on the stack; use an array", ViolationKind.Defines);
            case Code.Calli:
                return new Finding("indirect call (IL calli)", "function-pointer calls are not supported by nanoFramework; use a delegate", ViolationKind.Defines);
            default:
                return null;
        }
    }

    /// <summary>
    /// A type the compiler added or a polyfill of one: in namespace System.Runtime.CompilerServices or
    /// Microsoft.CodeAnalysis, or carrying Microsoft.CodeAnalysis.EmbeddedAttribute.
    /// </summary>
    public static bool IsSynthesized(TypeDefinition type)
    {
        TypeDefinition outer = type;
        while (outer.DeclaringType != null)
        {
            outer = outer.DeclaringType;
        }

        return outer.Namespace == "System.Runtime.CompilerServices"
            || outer.Namespace == "Microsoft.CodeAnalysis"
            || outer.Namespace.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal)
            || type.CustomAttributes.Any(a => a.AttributeType.FullName == EmbeddedAttribute);
    }
}
