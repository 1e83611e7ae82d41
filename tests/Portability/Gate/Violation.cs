namespace Wallbox.Portability;

/// <summary>
/// One finding of the gate.
/// </summary>
/// <param name="SourceFile">Relative to the repository root (forward slashes); null when no source is known.</param>
/// <param name="Line">1-based line from the PDB (IL sequence point) or the declaration; null when unknown.</param>
/// <param name="Type">The user-facing type where it happens (compiler-generated nested types folded into their owner).</param>
/// <param name="Member">The user-facing member (e.g. <c>RunOnce()</c>, <c>Run (lambda)</c>); null for type-level findings.</param>
/// <param name="Api">What is used/defined/declared, in the API list's syntax: <c>System.Collections.Generic.List`1&lt;T&gt;.Add(T)</c>.</param>
/// <param name="Reason">Why it is a problem, ending with the profile (name and API files).</param>
/// <param name="Kind">Reference, own definition or facade declaration.</param>
/// <param name="Assembly">File name of the scanned assembly, shown when the source file is unknown.</param>
public sealed record Violation(
    string SourceFile,
    int? Line,
    string Type,
    string Member,
    string Api,
    string Reason,
    ViolationKind Kind = ViolationKind.Uses,
    string Assembly = null)
{
    /// <summary><c>firmware/Runtime/MainLoop.cs:123</c>, <c>firmware/Runtime/MainLoop.cs</c>, or the assembly file name.</summary>
    public string Location => SourceFile == null ? Assembly ?? "?" : Line == null ? SourceFile : SourceFile + ":" + Line;

    /// <summary><c>Wallbox.Firmware.Runtime.MainLoop.RunOnce()</c>.</summary>
    public string Where => Member == null ? Type ?? "<assembly>" : Type + "." + Member;

    public string Verb => Kind switch
    {
        ViolationKind.Defines => "defines",
        ViolationKind.Declares => "declares",
        _ => "uses",
    };

    /// <summary>The report line: <c>file:line: Type.Member(): uses Api — reason (profile ...)</c>.</summary>
    public override string ToString() => Location + ": " + Where + ": " + Verb + " " + Api + " — " + Reason;
}
