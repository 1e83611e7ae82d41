using System.Linq;

namespace Wallbox.Portability.Tests;

/// <summary>Parsing of api/*.txt lines (format: shared/nanoframework/README.md).</summary>
public sealed class ApiCatalogTests
{
    private readonly ApiCatalog _catalog = SampleApi.Catalog();

    [Fact]
    public void Type_lines_give_kind_base_interfaces_and_generic_parameters()
    {
        ApiType text = _catalog.TypesNamed("System.String").Single();
        Assert.Equal(ApiTypeKind.Class, text.Kind);
        Assert.Equal("System.Object", text.BaseType);
        Assert.Equal(new[] { "System.IComparable", "System.Collections.IEnumerable" }, text.Interfaces);
        Assert.Contains("sealed", text.Modifiers);

        ApiType list = _catalog.TypesNamed("System.Collections.IList").Single();
        Assert.Equal(ApiTypeKind.Interface, list.Kind);
        Assert.Null(list.BaseType);
        Assert.Equal(new[] { "System.Collections.ICollection" }, list.Interfaces);

        ApiType func = _catalog.TypesNamed("System.Func`2").Single();
        Assert.Equal(ApiTypeKind.Delegate, func.Kind);
        Assert.Equal(new[] { "T", "TResult" }, func.GenericParameters);
        Assert.Equal(new[] { "T" }, func.DelegateParameters);
        Assert.Equal("TResult", func.DelegateReturnType);
        Assert.Equal("System.Func`2<T,TResult>", func.DisplayName);

        ApiType day = _catalog.TypesNamed("System.DayOfWeek").Single();
        Assert.Equal(ApiTypeKind.Enum, day.Kind);
        Assert.Equal("System.Int32", day.EnumUnderlyingType);
        Assert.Equal("System.Enum", day.BaseType);
    }

    [Fact]
    public void Member_lines_are_normalized_for_comparison()
    {
        ApiType text = _catalog.TypesNamed("System.String").Single();
        ApiMember chars = text.Members.Single(m => m.Name == "Chars");
        Assert.Equal(ApiMemberKind.Property, chars.Kind);
        Assert.Equal(new[] { "System.Int32" }, chars.Parameters);
        Assert.Equal("System.Char", chars.Type);
        Assert.True(chars.HasGetter);
        Assert.False(chars.HasSetter);
        Assert.Contains("extern", chars.Modifiers);

        // params dropped, default values dropped (even one holding a comma), by-ref as '&'.
        Assert.Equal(new[] { "System.Object[]" }, text.Members.First(m => m.Name == "Concat").Parameters);
        Assert.Equal(new[] { "System.Int32", "System.Char" }, text.Members.Single(m => m.Name == "PadLeft").Parameters);
        ApiMember argument = _catalog.TypesNamed("System.ArgumentException").Single().Members.Single();
        Assert.Equal(ApiMemberKind.Constructor, argument.Kind);
        Assert.Equal(".ctor", argument.Name);
        Assert.Equal(new[] { "System.String", "System.String" }, argument.Parameters);
        ApiMember tryParse = _catalog.TypesNamed("System.Int32").Single().Members.Single(m => m.Name == "TryParse");
        Assert.Equal(new[] { "System.String", "System.Int32&" }, tryParse.Parameters);
        Assert.True(tryParse.IsStatic);

        ApiMember monday = _catalog.TypesNamed("System.DayOfWeek").Single().Members.Single();
        Assert.Equal(ApiMemberKind.Field, monday.Kind);
        Assert.True(monday.IsStatic);
    }

    [Fact]
    public void Members_under_NANOCLR_APPDOMAINS_are_absent_and_NANOCLR_REFLECTION_ones_present_in_mscorlib()
    {
        Assert.Empty(_catalog.TypesNamed("System.AppDomain"));
        ApiType obj = _catalog.TypesNamed("System.Object").Single();
        Assert.DoesNotContain(obj.Members, m => m.Name == "CreateDomain");
        Assert.Contains(obj.Members, m => m.Name == "GetType");
        Assert.NotEmpty(_catalog.ExcludedLines("System.AppDomain"));
    }

    [Fact]
    public void NANOCLR_REFLECTION_members_are_absent_when_the_header_does_not_define_it()
    {
        ApiCatalog noReflection = ApiCatalog.Parse(new[] { ("mscorlib@NoReflection", SampleApi.Mscorlib.Replace("defines: NANOCLR_REFLECTION", "defines: (none)")) });
        Assert.DoesNotContain(noReflection.TypesNamed("System.Object").Single().Members, m => m.Name == "GetType");
    }

    [Fact]
    public void Preprocessor_conditions_evaluate_against_the_defined_symbols()
    {
        var defined = new System.Collections.Generic.HashSet<string> { "A", "NANOCLR_APPDOMAINS" };
        Assert.True(PreprocessorCondition.Evaluate("A", defined));
        Assert.False(PreprocessorCondition.Evaluate("B", defined));
        Assert.True(PreprocessorCondition.Evaluate("A && !B", defined));
        Assert.True(PreprocessorCondition.Evaluate("(B || A)", defined));
        // Never defined in a shipped build, whatever a header says.
        Assert.False(PreprocessorCondition.Evaluate("NANOCLR_APPDOMAINS", defined));
    }

    [Fact]
    public void File_header_gives_nuget_package_and_defines()
    {
        ApiFile file = _catalog.Files["mscorlib"];
        Assert.Equal("nanoFramework.CoreLibrary", file.NuGet);
        Assert.Equal("mscorlib", file.Assembly);
        Assert.Contains("NANOCLR_REFLECTION", file.Defines);
        Assert.Equal(0, _catalog.OrphanMemberLines);
    }

    [SkippableFact]
    public void The_real_api_list_parses_completely()
    {
        ApiCatalog catalog = GateEnvironment.RequireCatalog();
        Assert.Equal(0, catalog.OrphanMemberLines);
        foreach (GateProfile profile in GateProfile.All)
        {
            foreach (string file in profile.ApiFiles)
            {
                Assert.True(catalog.Files.ContainsKey(file), file + " of profile " + profile + " is missing");
                Assert.NotNull(catalog.Files[file].NuGet);
            }
        }

        Assert.DoesNotContain(catalog.Files.Keys, k => k.Contains('/'));
        Assert.Empty(catalog.TypesNamed("System.Collections.Generic.List`1"));
        Assert.NotEmpty(catalog.TypesNamed("System.Action`1"));
    }
}
