using System;
using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Portability.Tests;

/// <summary>
/// Each Uses*.cs file of tests/Portability/Fixtures/NonPortableFixture uses one thing nanoFramework 1.x
/// cannot run; the gate must report it in that file, at a line that shows the construct, and nothing else there.
/// </summary>
public sealed class NonPortableFixtureTests
{
    private const string Fixture = "NonPortableFixture.dll";

    [SkippableFact]
    public void Gate_rejects_generic_List_with_file_and_line()
    {
        AssertRejected("UsesGenericList.cs", "new List<int>()", "System.Collections.Generic.List`1<T>");
    }

    [SkippableFact]
    public void Gate_names_the_List_member_with_its_generic_parameter()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        Violation add = report.Violations.SingleOrDefault(v => v.Api == "System.Collections.Generic.List`1<T>.Add(T)");
        Assert.True(add != null, report.Format());
        Assert.Contains("items.Add(1)", GateEnvironment.SourceLine(add));
        Assert.Equal("NonPortableFixture.UsesGenericList", add.Type);
        Assert.Equal("CountItems()", add.Member);
        Assert.Contains("not in nanoFramework 1.x", add.Reason);
        Assert.EndsWith("(profile portable: mscorlib, nanoFramework.System.Collections, nanoFramework.System.Text, System.Math)", add.Reason);
    }

    [SkippableFact]
    public void Gate_rejects_LINQ_with_file_and_line()
    {
        AssertRejected("UsesLinq.cs", ".Where(IsPositive)", "System.Linq.Enumerable.");
    }

    [SkippableFact]
    public void Gate_rejects_async_await_with_file_and_line()
    {
        AssertRejected(
            "UsesAsync.cs",
            "await Task.Delay(1)",
            "System.Threading.Tasks.",
            "System.Runtime.CompilerServices.AsyncTaskMethodBuilder`1",
            "System.Runtime.CompilerServices.IAsyncStateMachine",
            "System.Runtime.CompilerServices.TaskAwaiter",
            // The state machine's SetStateMachine copies the BCL interface's nullable annotation.
            "System.Runtime.CompilerServices.NullableAttribute");
    }

    [SkippableFact]
    public void Gate_rejects_string_interpolation_lowered_to_DefaultInterpolatedStringHandler()
    {
        AssertRejected("UsesStringInterpolation.cs", "$\"limit {amps} A\"", "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler");
    }

    [SkippableFact]
    public void Gate_rejects_lock_lowered_to_Monitor_Enter_with_ref_bool()
    {
        AssertRejected("UsesLock.cs", "lock (_gate)", "System.Threading.Monitor.Enter(System.Object, System.Boolean&)");
    }

    [SkippableFact]
    public void Gate_rejects_decimal_with_file_and_line()
    {
        AssertRejected("UsesDecimal.cs", "0.25m", "System.Decimal");
    }

    [SkippableFact]
    public void Gate_rejects_nullable_value_types_with_file_and_line()
    {
        AssertRejected("UsesNullable.cs", "int? length", "System.Nullable`1<T>");
    }

    [SkippableFact]
    public void Gate_rejects_tuples_with_file_and_line()
    {
        AssertRejected("UsesTuple.cs", "(1, 2)", "System.ValueTuple`2<T1,T2>");
    }

    [SkippableFact]
    public void Gate_rejects_an_own_generic_type_definition()
    {
        List<Violation> violations = AssertRejected("UsesOwnGenericType.cs", "class Box<T>", "generic type NonPortableFixture.Box`1<T>");
        Assert.All(violations, v => Assert.Equal(ViolationKind.Defines, v.Kind));
    }

    [SkippableFact]
    public void Gate_reports_each_forbidden_construct_in_its_own_file_and_nowhere_else()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        var files = report.Violations.Select(v => v.SourceFile == null ? "(no file)" : v.SourceFile.Substring(v.SourceFile.LastIndexOf('/') + 1)).Distinct().OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(
            new[] { "UsesAsync.cs", "UsesDecimal.cs", "UsesGenericList.cs", "UsesLinq.cs", "UsesLock.cs", "UsesNullable.cs", "UsesOwnGenericType.cs", "UsesStringInterpolation.cs", "UsesTuple.cs" },
            files);
        Assert.False(report.IsClean);
    }

    [SkippableFact]
    public void Gate_reports_each_source_location_and_api_once()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        var keys = report.Violations.Select(v => (v.SourceFile, v.Line, v.Api)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(report.Violations.OrderBy(v => v.SourceFile, StringComparer.Ordinal).ThenBy(v => v.Line).Select(v => v.Location), report.Violations.Select(v => v.Location));
    }

    [SkippableFact]
    public void Report_lines_read_file_line_member_api_and_reason()
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        Violation add = report.Violations.Single(v => v.Api == "System.Collections.Generic.List`1<T>.Add(T)");
        Assert.Equal(
            "tests/Portability/Fixtures/NonPortableFixture/UsesGenericList.cs:" + add.Line
            + ": NonPortableFixture.UsesGenericList.CountItems(): uses System.Collections.Generic.List`1<T>.Add(T) — not in nanoFramework 1.x",
            add.ToString().Substring(0, add.ToString().IndexOf(';')));
        Assert.Contains(add.ToString(), report.Format());
    }

    /// <summary>
    /// Every violation in <paramref name="fileName"/> concerns one of <paramref name="apis"/> (so constructs are
    /// reported separately), carries a line, and at least one of those lines shows <paramref name="construct"/>.
    /// </summary>
    private static List<Violation> AssertRejected(string fileName, string construct, params string[] apis)
    {
        GateReport report = GateEnvironment.Check(GateProfile.Portable, Fixture);
        var inFile = report.Violations
            .Where(v => v.SourceFile != null && v.SourceFile.EndsWith("/NonPortableFixture/" + fileName, StringComparison.Ordinal))
            .ToList();
        Assert.True(inFile.Count > 0, "no violation reported in " + fileName + ":\n" + report.Format());
        foreach (Violation violation in inFile)
        {
            Assert.True(apis.Any(a => violation.Api.Contains(a, StringComparison.Ordinal)), "unexpected violation in " + fileName + ": " + violation);
            Assert.True(violation.Line != null, "no line: " + violation);
        }

        Assert.True(
            inFile.Any(v => (GateEnvironment.SourceLine(v) ?? "").Contains(construct, StringComparison.Ordinal)),
            "no reported line of " + fileName + " shows '" + construct + "':\n" + string.Join("\n", inFile.Select(v => v + "\n    > " + GateEnvironment.SourceLine(v))));
        return inFile;
    }
}
