using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability;

/// <summary>
/// Where in the scanned assembly something was met: the type, the member (method, field, property, event)
/// and, inside a method body, the IL instruction. All null for assembly- and module-level attributes.
/// </summary>
public sealed record UseSite(TypeDefinition Type, IMemberDefinition Member = null, Instruction Instruction = null)
{
    public static readonly UseSite AssemblyLevel = new((TypeDefinition)null);

    public MethodDefinition Method => Member as MethodDefinition;
}
