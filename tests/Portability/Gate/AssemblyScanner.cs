using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability;

/// <summary>
/// Walks everything in an assembly that can name another type or member: assembly/module attributes; for
/// every type (nested and compiler-generated ones included) its base type, interface implementations,
/// generic constraints and attributes; every field, property, event and method signature with their
/// attributes (parameters and return value included) and explicit overrides; and every method body —
/// local variable types, exception-handler catch types and each IL instruction with its operand
/// (type, method, field, generic instance, method specification).
/// </summary>
public static class AssemblyScanner
{
    public static void Scan(AssemblyDefinition assembly, IAssemblyVisitor visitor)
    {
        Attributes(assembly, UseSite.AssemblyLevel, visitor);
        foreach (ModuleDefinition module in assembly.Modules)
        {
            Attributes(module, UseSite.AssemblyLevel, visitor);
            foreach (TypeDefinition type in module.GetTypes())
            {
                ScanType(type, visitor);
            }
        }
    }

    private static void ScanType(TypeDefinition type, IAssemblyVisitor visitor)
    {
        var site = new UseSite(type);
        visitor.TypeDefinition(type, site);
        if (type.BaseType != null)
        {
            visitor.TypeUse(type.BaseType, site);
        }

        foreach (InterfaceImplementation implementation in type.Interfaces)
        {
            visitor.TypeUse(implementation.InterfaceType, site);
            Attributes(implementation, site, visitor);
        }

        GenericParameters(type, site, visitor);
        Attributes(type, site, visitor);

        foreach (FieldDefinition field in type.Fields)
        {
            var fieldSite = new UseSite(type, field);
            visitor.TypeUse(field.FieldType, fieldSite);
            Attributes(field, fieldSite, visitor);
        }

        foreach (PropertyDefinition property in type.Properties)
        {
            var propertySite = new UseSite(type, property);
            visitor.TypeUse(property.PropertyType, propertySite);
            foreach (ParameterDefinition parameter in property.Parameters)
            {
                visitor.TypeUse(parameter.ParameterType, propertySite);
            }

            Attributes(property, propertySite, visitor);
        }

        foreach (EventDefinition @event in type.Events)
        {
            var eventSite = new UseSite(type, @event);
            visitor.TypeUse(@event.EventType, eventSite);
            Attributes(@event, eventSite, visitor);
        }

        foreach (MethodDefinition method in type.Methods)
        {
            ScanMethod(type, method, visitor);
        }
    }

    private static void ScanMethod(TypeDefinition type, MethodDefinition method, IAssemblyVisitor visitor)
    {
        var site = new UseSite(type, method);
        visitor.MethodDefinition(method, site);
        visitor.TypeUse(method.ReturnType, site);
        Attributes(method, site, visitor);
        Attributes(method.MethodReturnType, site, visitor);
        GenericParameters(method, site, visitor);
        foreach (ParameterDefinition parameter in method.Parameters)
        {
            visitor.TypeUse(parameter.ParameterType, site);
            Attributes(parameter, site, visitor);
        }

        foreach (MethodReference overridden in method.Overrides)
        {
            visitor.MemberUse(overridden, site);
        }

        if (!method.HasBody)
        {
            return;
        }

        MethodBody body = method.Body;
        foreach (VariableDefinition variable in body.Variables)
        {
            visitor.TypeUse(variable.VariableType, site);
        }

        foreach (ExceptionHandler handler in body.ExceptionHandlers)
        {
            if (handler.CatchType != null)
            {
                visitor.TypeUse(handler.CatchType, new UseSite(type, method, handler.HandlerStart));
            }
        }

        foreach (Instruction instruction in body.Instructions)
        {
            var instructionSite = new UseSite(type, method, instruction);
            visitor.Instruction(instruction, instructionSite);
            switch (instruction.Operand)
            {
                case TypeReference typeOperand:
                    visitor.TypeUse(typeOperand, instructionSite);
                    break;
                case MethodReference methodOperand:
                    visitor.MemberUse(methodOperand, instructionSite);
                    break;
                case FieldReference fieldOperand:
                    visitor.MemberUse(fieldOperand, instructionSite);
                    break;
                case CallSite callSite:
                    // calli: the opcode is reported by the instruction rule; its signature types are checked here.
                    visitor.TypeUse(callSite.ReturnType, instructionSite);
                    foreach (ParameterDefinition parameter in callSite.Parameters)
                    {
                        visitor.TypeUse(parameter.ParameterType, instructionSite);
                    }

                    break;
            }
        }
    }

    private static void GenericParameters(IGenericParameterProvider provider, UseSite site, IAssemblyVisitor visitor)
    {
        foreach (GenericParameter parameter in provider.GenericParameters)
        {
            foreach (GenericParameterConstraint constraint in parameter.Constraints)
            {
                visitor.TypeUse(constraint.ConstraintType, site);
                Attributes(constraint, site, visitor);
            }

            Attributes(parameter, site, visitor);
        }
    }

    private static void Attributes(ICustomAttributeProvider provider, UseSite site, IAssemblyVisitor visitor)
    {
        if (!provider.HasCustomAttributes)
        {
            return;
        }

        foreach (CustomAttribute attribute in provider.CustomAttributes)
        {
            visitor.Attribute(attribute, site);
        }
    }
}
