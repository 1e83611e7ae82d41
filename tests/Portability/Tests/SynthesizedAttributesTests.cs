using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability.Tests;

/// <summary>
/// Newer C#, nullable annotations, readonly structs and 'in' parameters make the compiler add attribute types
/// nanoFramework's mscorlib lacks; on the device build they would be synthesized into the assembly and shift
/// native-method binding. The gate must reject them by name.
/// </summary>
public sealed class SynthesizedAttributesTests
{
    [SkippableFact]
    public void Gate_rejects_compiler_synthesized_attributes_naming_them()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, "SynthesizedAttributesFixture.dll");
        Assert.False(report.IsClean);
        foreach (string name in new[] { "NullableAttribute", "NullableContextAttribute", "IsReadOnlyAttribute", "RefSafetyRulesAttribute" })
        {
            Violation violation = report.Violations.FirstOrDefault(v => v.Api.StartsWith("System.Runtime.CompilerServices." + name + ".", System.StringComparison.Ordinal));
            Assert.True(violation != null, name + " not named in:\n" + report.Format());
            Assert.Contains("native-method binding", violation.Reason);
        }
    }

    [SkippableFact]
    public void Gate_points_the_in_parameter_at_its_declaration()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, "SynthesizedAttributesFixture.dll");
        Violation inParameter = report.Violations.Single(v => v.Member == "Double(Reading&)");
        Assert.Contains("in Reading reading", GateEnvironment.SourceLine(inParameter));
        Assert.Contains("'in' parameters", inParameter.Reason);
    }

    [Fact]
    public void Own_types_in_CompilerServices_or_marked_Embedded_are_synthesized_definitions()
    {
        var module = ModuleDefinition.CreateModule("Probe", ModuleKind.Dll);
        TypeReference attribute = module.ImportReference(typeof(System.Attribute));
        var inCompilerServices = new TypeDefinition("System.Runtime.CompilerServices", "NullableAttribute", TypeAttributes.NotPublic | TypeAttributes.Sealed, attribute);
        var embedded = new TypeDefinition("Microsoft.CodeAnalysis", "EmbeddedAttribute", TypeAttributes.NotPublic | TypeAttributes.Sealed, attribute);
        var marked = new TypeDefinition("Elsewhere", "Polyfill", TypeAttributes.NotPublic, attribute);
        marked.CustomAttributes.Add(new CustomAttribute(embedded.Methods.FirstOrDefault() ?? AddConstructor(module, embedded)));
        var ordinary = new TypeDefinition("Wallbox.Sample", "Ordinary", TypeAttributes.Public, module.TypeSystem.Object);
        foreach (TypeDefinition type in new[] { inCompilerServices, embedded, marked, ordinary })
        {
            module.Types.Add(type);
        }

        Assert.True(OwnDefinitionRules.IsSynthesized(inCompilerServices));
        Assert.True(OwnDefinitionRules.IsSynthesized(embedded));
        Assert.True(OwnDefinitionRules.IsSynthesized(marked));
        Assert.False(OwnDefinitionRules.IsSynthesized(ordinary));
        Finding finding = OwnDefinitionRules.ForType(inCompilerServices).Single();
        Assert.Equal("compiler-synthesized type System.Runtime.CompilerServices.NullableAttribute", finding.Api);
        Assert.Contains("native-method binding", finding.Reason);
        Assert.Contains("nullable", finding.Reason);
    }

    private static MethodDefinition AddConstructor(ModuleDefinition module, TypeDefinition type)
    {
        var constructor = new MethodDefinition(".ctor", MethodAttributes.Public | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName | MethodAttributes.HideBySig, module.TypeSystem.Void);
        type.Methods.Add(constructor);
        return constructor;
    }
}
