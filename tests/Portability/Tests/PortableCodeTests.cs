using System;
using System.Linq;

namespace Wallbox.Portability.Tests;

/// <summary>No false positives: code that only uses what nanoFramework 1.x has passes the gate.</summary>
public sealed class PortableCodeTests
{
    private const string Fixture = "NonPortableFixture.dll";

    [SkippableFact]
    public void Gate_accepts_PortableCode_without_false_positives()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        var portable = report.Violations.Where(v => v.SourceFile != null && v.SourceFile.EndsWith("/PortableCode.cs", StringComparison.Ordinal)).ToList();
        Assert.True(portable.Count == 0, string.Join("\n", portable));
    }

    [SkippableFact]
    public void Gate_accepts_the_attributes_the_compiler_adds_to_a_LangVersion_10_assembly()
    {
        // Assembly/module level: CompilationRelaxations, RuntimeCompatibility, Debuggable, RefSafetyRules(11)
        // on a C# 10 compilation. Those without a source file would be reported against the dll.
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        var assemblyLevel = report.Violations.Where(v => v.SourceFile == null).ToList();
        Assert.True(assemblyLevel.Count == 0, string.Join("\n", assemblyLevel));
    }

    [SkippableFact]
    public void Gate_lists_the_nanoFramework_packages_a_clean_assembly_uses()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        Assert.Equal(new[] { "System.Math", "mscorlib", "nanoFramework.System.Text" }, report.ApiFilesUsed["NonPortableFixture"]);
        Assert.Equal(
            new[] { "nanoFramework.CoreLibrary", "nanoFramework.System.Math", "nanoFramework.System.Text" },
            report.PackagesUsed("NonPortableFixture"));
        Assert.Contains("nanoFramework packages used by NonPortableFixture: ", report.Format());
    }
}
