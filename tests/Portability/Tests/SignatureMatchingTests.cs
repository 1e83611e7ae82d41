using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Mono.Cecil;

namespace Wallbox.Portability.Tests;

/// <summary>
/// Matching references against handwritten API lines: hand-built queries, and real .NET members imported with
/// Cecil (so the IL-side formatting is exercised too: by-ref, params arrays, generic '!0', indexer names).
/// </summary>
public sealed class SignatureMatchingTests
{
    private readonly ApiCatalog _catalog = SampleApi.Catalog();
    private readonly ApiLookup _lookup;
    private readonly MemberMatcher _matcher;
    private readonly ModuleDefinition _module = ModuleDefinition.CreateModule("Probe", ModuleKind.Dll);

    public SignatureMatchingTests()
    {
        _lookup = new ApiLookup(_catalog, GateProfile.Portable.ApiFiles);
        _matcher = new MemberMatcher(_lookup);
    }

    [Fact]
    public void Inherited_members_are_found_through_base_classes()
    {
        MatchResult message = _matcher.Match(Query(ApiMemberKind.Property, "System.ArgumentException", "Message", type: "System.String", getter: true));
        Assert.True(message.Success, message.Failure);
        Assert.Equal("System.Exception", message.Owner.FullName);

        MatchResult toString = _matcher.Match(Query(ApiMemberKind.Method, "System.ArgumentException", "ToString", new string[0], "System.String", false));
        Assert.True(toString.Success, toString.Failure);
        Assert.Equal("System.Object", toString.Owner.FullName);
    }

    [Fact]
    public void Interface_members_are_found_through_base_interfaces()
    {
        MatchResult count = _matcher.Match(Query(ApiMemberKind.Property, "System.Collections.IList", "Count", type: "System.Int32", getter: true));
        Assert.True(count.Success, count.Failure);
        Assert.Equal("System.Collections.ICollection", count.Owner.FullName);
    }

    [Fact]
    public void Constructors_are_not_inherited()
    {
        MatchResult result = _matcher.Match(Query(ApiMemberKind.Constructor, "System.SystemException", ".ctor", new[] { "System.String" }));
        Assert.False(result.Success);
        Assert.Contains("no public constructor", result.Failure);
    }

    [Fact]
    public void Missing_overloads_name_what_nanoFramework_has()
    {
        MatchResult result = _matcher.Match(Query(ApiMemberKind.Method, "System.Threading.Monitor", "Enter", new[] { "System.Object", "System.Boolean&" }, "System.Void", true));
        Assert.False(result.Success);
        Assert.Contains("System.Threading.Monitor.Enter(System.Object) : System.Void", result.Failure);
    }

    [Fact]
    public void Static_ness_and_return_type_must_match()
    {
        Assert.False(_matcher.Match(Query(ApiMemberKind.Method, "System.Int32", "TryParse", new[] { "System.String", "System.Int32&" }, "System.Boolean", false)).Success);
        Assert.False(_matcher.Match(Query(ApiMemberKind.Method, "System.Int32", "TryParse", new[] { "System.String", "System.Int32&" }, "System.Int32", true)).Success);
        Assert.True(_matcher.Match(Query(ApiMemberKind.Method, "System.Int32", "TryParse", new[] { "System.String", "System.Int32&" }, "System.Boolean", true)).Success);
    }

    [Fact]
    public void String_indexer_get_Chars_maps_to_the_Chars_property()
    {
        AssertExists(typeof(string).GetMethod("get_Chars"));
    }

    [Fact]
    public void Out_parameters_match_by_ref()
    {
        AssertExists(typeof(int).GetMethod("TryParse", new[] { typeof(string), typeof(int).MakeByRefType() }));
    }

    [Fact]
    public void Params_arrays_match_plain_arrays()
    {
        AssertExists(typeof(string).GetMethod("Concat", new[] { typeof(object[]) }));
        AssertExists(typeof(string).GetMethod("Split", new[] { typeof(char[]) }));
    }

    [Fact]
    public void Default_values_do_not_change_the_signature()
    {
        AssertExists(typeof(string).GetMethod("PadLeft", new[] { typeof(int), typeof(char) }));
    }

    [Fact]
    public void Indexers_of_collections_map_to_Item_with_accessor()
    {
        AssertExists(typeof(System.Collections.ArrayList).GetMethod("get_Item"));
        AssertExists(typeof(System.Collections.ArrayList).GetMethod("set_Item"));
    }

    [Fact]
    public void Generic_delegate_Invoke_maps_type_parameter_positions_to_the_definitions_names()
    {
        MethodReference invoke = _module.ImportReference(typeof(Action<int>).GetMethod("Invoke"));
        MemberQuery query = Builder().ForMethod(invoke).Last();
        Assert.Equal("System.Action`1<T>.Invoke(T)", query.Display);
        AssertExists(typeof(Action<int>).GetMethod("Invoke"));
        AssertExists(typeof(Action<int>).GetConstructors().Single());
        AssertExists(typeof(Func<string, int>).GetMethod("Invoke"));
    }

    [Fact]
    public void Missing_generic_types_are_named_with_their_generic_parameters()
    {
        List<Finding> findings = Check(typeof(List<int>).GetMethod("Add"));
        Finding finding = Assert.Single(findings);
        Assert.Equal("System.Collections.Generic.List`1<T>.Add(T)", finding.Api);
        Assert.Contains("not in nanoFramework 1.x", finding.Reason);
    }

    [Fact]
    public void Members_absent_from_nanoFramework_are_reported()
    {
        List<Finding> findings = Check(typeof(string).GetMethod("Replace", new[] { typeof(string), typeof(string) }));
        Assert.Equal("System.String.Replace(System.String, System.String)", Assert.Single(findings).Api);
        Assert.Contains("has no method named Replace", findings[0].Reason);
    }

    [Fact]
    public void Enum_value_field_and_constants_are_accepted()
    {
        FieldReference value = _module.ImportReference(typeof(DayOfWeek).GetField("value__"));
        var findings = new List<Finding>();
        Checker().CheckMember(value, findings);
        Assert.Empty(findings);
    }

    [Fact]
    public void Parameter_text_normalization()
    {
        Assert.Equal("System.Int32&", SignatureText.NormalizeParameter("ref System.Int32"));
        Assert.Equal("System.Int32&", SignatureText.NormalizeParameter("out System.Int32"));
        Assert.Equal("System.Int32&", SignatureText.NormalizeParameter("in System.Int32"));
        Assert.Equal("System.Object[]", SignatureText.NormalizeParameter("params System.Object[]"));
        Assert.Equal("System.String", SignatureText.NormalizeParameter("this System.String"));
        Assert.Equal("System.String", SignatureText.NormalizeParameter("System.String = \", \""));
        Assert.Equal("System.Func`2<T,TResult>", SignatureText.NormalizeParameter("System.Func`2<T, TResult>"));
        Assert.Equal(new[] { "System.Int32", "System.String" }, SignatureText.NormalizeParameterList("System.Int32 = 400, System.String = \"a, (b)\""));
    }

    private void AssertExists(MethodBase method)
    {
        List<Finding> findings = Check(method);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private List<Finding> Check(MethodBase method)
    {
        var findings = new List<Finding>();
        Checker().CheckMember(_module.ImportReference(method), findings);
        return findings;
    }

    private ReferenceChecker Checker() => new(_lookup, GateProfile.Portable, Builder());

    private MemberQueryBuilder Builder() => new(_catalog, new DefinitionNames());

    private static MemberQuery Query(ApiMemberKind kind, string declaringType, string name, string[] parameters = null, string type = null, bool? isStatic = null, bool getter = false)
    {
        return new MemberQuery
        {
            Kind = kind,
            DeclaringType = declaringType,
            Name = name,
            Parameters = parameters,
            Type = type,
            IsStatic = isStatic,
            NeedsGetter = getter,
        };
    }
}
