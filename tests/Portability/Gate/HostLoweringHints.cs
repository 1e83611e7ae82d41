using System;
using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Portability;

/// <summary>
/// Advice appended to a reason when the missing API is one the host compiler emitted for a source construct
/// (so the source line does not name it). The gate checks the host IL: the code must not rely on lowerings
/// that only exist with .NET's core library.
/// </summary>
public static class HostLoweringHints
{
    private static readonly (string Prefix, string Hint)[] Hints =
    [
        ("System.Runtime.CompilerServices.DefaultInterpolatedStringHandler", "string interpolation ($\"...\") is lowered to DefaultInterpolatedStringHandler on the host; use string.Concat, String.Format or StringBuilder"),
        ("System.Threading.Monitor.Enter(System.Object, System.Boolean&)", "'lock' is lowered to Monitor.Enter(object, ref bool) on the host; use Monitor.Enter(obj) and Monitor.Exit(obj) in try/finally"),
        ("System.String.Concat(System.ReadOnlySpan`1", "concatenating a char is lowered to a span-based String.Concat on the host; concatenate c.ToString() instead"),
        ("System.ReadOnlySpan`1", "span-based code (or a lowering to it, e.g. string + char, collection expressions, u8 literals); nanoFramework 1.x has only SpanByte"),
        ("System.Span`1", "Span<T> is not in nanoFramework 1.x; use arrays or SpanByte"),
        ("System.Nullable`1", "nullable value types (int?) need generics; use a flag or a sentinel value"),
        ("System.ValueTuple", "tuples need generics; return a small class or use out parameters"),
        ("System.Decimal", "decimal is not supported by nanoFramework; use double or scaled integers"),
        ("System.Threading.Tasks.", "async/await and Tasks are not available; use threads, timers or the cooperative main loop"),
        ("System.Runtime.CompilerServices.AsyncTaskMethodBuilder", "async/await is not available; use threads, timers or the cooperative main loop"),
        ("System.Runtime.CompilerServices.AsyncVoidMethodBuilder", "async/await is not available; use threads, timers or the cooperative main loop"),
        ("System.Runtime.CompilerServices.IAsyncStateMachine", "async/await is not available; use threads, timers or the cooperative main loop"),
        ("System.Runtime.CompilerServices.TaskAwaiter", "async/await is not available; use threads, timers or the cooperative main loop"),
        ("System.Linq.", "LINQ is not available; write the loop"),
        ("System.Collections.Generic.IEnumerable`1<System.Object>", "an iterator (yield) implements IEnumerable<object> on the host; write an explicit IEnumerator class"),
        ("System.Collections.Generic.IEnumerator`1<System.Object>", "an iterator (yield) implements IEnumerator<object> on the host; write an explicit IEnumerator class"),
        ("System.Collections.Generic.", "generic collections are not in nanoFramework 1.x; use ArrayList, Hashtable, Queue, Stack or arrays"),
        ("System.Runtime.CompilerServices.IsVolatile", "a 'volatile' field: nanoFramework's mscorlib has no IsVolatile, so the device build fails (CS0518); use Interlocked or Monitor"),
        ("System.Object.Finalize()", "a finalizer (~T()) overrides Object.Finalize, which nanoFramework's mscorlib does not declare; release resources in Dispose()"),
        ("System.Threading.Interlocked.CompareExchange``1", "generic Interlocked is not in nanoFramework 1.x (only Int32 overloads)"),
    ];

    /// <summary>The hint for <paramref name="api"/>, or null.</summary>
    public static string For(string api)
    {
        return Hints.Where(h => api.StartsWith(h.Prefix, StringComparison.Ordinal)).Select(h => h.Hint).FirstOrDefault();
    }

    public static IReadOnlyList<string> Prefixes => Hints.Select(h => h.Prefix).ToList();
}
