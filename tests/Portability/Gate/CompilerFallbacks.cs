using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// Compiler-generated code whose host lowering uses an API nanoFramework lacks, where the C# compiler has a
/// documented fallback it takes when that API is missing, so the device build is fine and the source has
/// nothing to change. Kept to one entry on purpose: source constructs (lock, $"...") are NOT excused — the
/// code must not depend on host-only lowerings it can avoid.
/// </summary>
public static class CompilerFallbacks
{
    /// <summary>
    /// Field-like events: the compiler-generated add/remove accessors use
    /// <c>Interlocked.CompareExchange&lt;T&gt;(ref T, T, T)</c> when the core library has it, and otherwise a plain
    /// <c>Delegate.Combine</c>/<c>Delegate.Remove</c> and store (nanoFramework's mscorlib has Combine and Remove).
    /// Accepted only inside a [CompilerGenerated] add_/remove_ accessor of an event of the same type.
    /// </summary>
    public static bool Accepts(MethodDefinition context, MemberReference reference)
    {
        if (context == null || reference is not GenericInstanceMethod method)
        {
            return false;
        }

        bool compareExchange = method.Name == "CompareExchange"
            && SignatureFormatter.ElementName(method.DeclaringType) == "System.Threading.Interlocked"
            && method.GenericArguments.Count == 1;
        bool eventAccessor = (context.IsAddOn || context.IsRemoveOn)
            && context.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.CompilerGeneratedAttribute");
        return compareExchange && eventAccessor;
    }
}
