using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability;

/// <summary>Receives everything <see cref="AssemblyScanner"/> meets, with where it was met.</summary>
public interface IAssemblyVisitor
{
    void TypeDefinition(TypeDefinition type, UseSite site);

    void MethodDefinition(MethodDefinition method, UseSite site);

    void TypeUse(TypeReference type, UseSite site);

    void MemberUse(MemberReference member, UseSite site);

    void Attribute(CustomAttribute attribute, UseSite site);

    void Instruction(Instruction instruction, UseSite site);
}
