using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// Checks references (types, members, attributes) from a scanned assembly against a profile's catalog.
/// <list type="bullet">
/// <item>Types: a <c>T</c> line must exist in the profile's files. Generic instances are split into the generic
///   definition and each type argument; arrays, by-refs and modifiers into their element (and modifier) types.</item>
/// <item>Members: see <see cref="MemberQueryBuilder"/> and <see cref="MemberMatcher"/>.</item>
/// <item>Skipped: the scanned assembly's own types and other Wallbox.* assemblies (scanned on their own),
///   except those in <see cref="GateProfile.CheckedWallboxAssemblies"/> (the facade, in the esp32 profile).</item>
/// </list>
/// Records which API files the matches came from (<see cref="UsedFiles"/>): the packages the device project needs.
/// </summary>
public sealed class ReferenceChecker
{
    private readonly ApiLookup _lookup;
    private readonly GateProfile _profile;
    private readonly MemberQueryBuilder _queries;
    private readonly MemberMatcher _matcher;
    private readonly CompilationFacts _compilation;
    private readonly HostHierarchy _hostHierarchy;

    public ReferenceChecker(ApiLookup lookup, GateProfile profile, MemberQueryBuilder queries, CompilationFacts compilation = null)
    {
        _compilation = compilation ?? CompilationFacts.Unknown;
        _lookup = lookup;
        _profile = profile;
        _queries = queries;
        _matcher = new MemberMatcher(lookup);
        _hostHierarchy = new HostHierarchy(lookup);
    }

    /// <summary>API file ids that references matched in.</summary>
    public SortedSet<string> UsedFiles { get; } = new(StringComparer.Ordinal);

    public void CheckType(TypeReference type, List<Finding> findings)
    {
        switch (type)
        {
            case null:
            case GenericParameter:
                return;
            case GenericInstanceType instance:
                CheckType(instance.ElementType, findings);
                foreach (TypeReference argument in instance.GenericArguments)
                {
                    CheckType(argument, findings);
                }

                return;
            case PointerType pointer:
                findings.Add(new Finding(
                    "pointer type " + SignatureFormatter.Format(pointer, null),
                    "unsafe pointers are not supported by nanoFramework",
                    ViolationKind.Defines));
                CheckType(pointer.ElementType, findings);
                return;
            case FunctionPointerType function:
                findings.Add(new Finding(
                    "function pointer " + SignatureFormatter.Format(function, null),
                    "function pointers (delegate*) are not supported by nanoFramework",
                    ViolationKind.Defines));
                CheckType(function.ReturnType, findings);
                foreach (ParameterDefinition parameter in function.Parameters)
                {
                    CheckType(parameter.ParameterType, findings);
                }

                return;
            case RequiredModifierType required:
                CheckType(required.ModifierType, findings);
                CheckType(required.ElementType, findings);
                return;
            case OptionalModifierType optional:
                CheckType(optional.ModifierType, findings);
                CheckType(optional.ElementType, findings);
                return;
            case ArrayType array when !array.IsVector:
                findings.Add(new Finding(
                    "multi-dimensional array " + SignatureFormatter.Format(array, null),
                    "nanoFramework supports only single-dimensional (and jagged) arrays"));
                CheckType(array.ElementType, findings);
                return;
            case TypeSpecification specification:
                CheckType(specification.ElementType, findings);
                return;
            default:
                CheckNamedType(type, findings);
                return;
        }
    }

    /// <summary>
    /// Checks a method or field reference. <paramref name="context"/> is the method whose body holds the
    /// reference (for <see cref="CompilerFallbacks"/>); null elsewhere.
    /// </summary>
    public void CheckMember(MemberReference member, List<Finding> findings, MethodDefinition context = null)
    {
        if (member is GenericInstanceMethod genericMethod)
        {
            foreach (TypeReference argument in genericMethod.GenericArguments)
            {
                CheckType(argument, findings);
            }
        }

        TypeReference declaring = member.DeclaringType;
        if (declaring is ArrayType array && !array.IsVector)
        {
            findings.Add(new Finding(
                SignatureFormatter.Format(array, null) + "::" + member.Name,
                "nanoFramework supports only single-dimensional (and jagged) arrays"));
            return;
        }

        if (declaring is GenericInstanceType instance)
        {
            foreach (TypeReference argument in instance.GenericArguments)
            {
                CheckType(argument, findings);
            }
        }

        if (declaring is TypeSpecification and not GenericInstanceType)
        {
            // E.g. a method on an array type other than multi-dimensional ones (none in practice): check the element.
            CheckType(declaring, findings);
            return;
        }

        if (IsExempt(declaring) || CompilerFallbacks.Accepts(context, member))
        {
            return;
        }

        IReadOnlyList<MemberQuery> queries = member switch
        {
            MethodReference method => _queries.ForMethod(method),
            FieldReference field => new[] { _queries.ForField(field) },
            _ => Array.Empty<MemberQuery>(),
        };
        if (queries.Count == 0)
        {
            return;
        }

        MatchResult first = null;
        foreach (MemberQuery query in queries)
        {
            MatchResult result = _matcher.Match(query);
            if (result.Success)
            {
                Record(result, query.DeclaringType);
                return;
            }

            first ??= result;
        }

        // Declared on a host base class that nanoFramework folds into the derived types (EventWaitHandle.Set()).
        if (member is MethodReference && !member.Name.Equals(".ctor", StringComparison.Ordinal))
        {
            foreach (string derived in _hostHierarchy.DerivedTypes(member.Module, queries[0].DeclaringType))
            {
                foreach (MemberQuery query in queries)
                {
                    MatchResult result = _matcher.Match(query.WithDeclaringType(derived));
                    if (result.Success)
                    {
                        Record(result, derived);
                        return;
                    }
                }
            }
        }

        string reason = CompilerSynthesizedAttributes.FeatureOf(queries[0].DeclaringType) != null
            ? CompilerSynthesizedAttributes.Explain(queries[0].DeclaringType, ownType: false)
            : WithHint(queries[0].Display, first.Failure);
        findings.Add(new Finding(queries[0].Display, reason));
    }

    /// <summary>
    /// Checks an attribute: its constructor (and so its type), the types in its arguments (typeof, enum values)
    /// and the properties/fields it sets — unless <see cref="IgnoredAttributes"/> lists it.
    /// </summary>
    public void CheckAttribute(CustomAttribute attribute, List<Finding> findings)
    {
        string attributeName = SignatureFormatter.ElementName(attribute.AttributeType);
        if (IgnoredAttributes.IsIgnored(attributeName, _compilation))
        {
            return;
        }

        CheckMember(attribute.Constructor, findings);
        try
        {
            foreach (CustomAttributeArgument argument in attribute.ConstructorArguments)
            {
                CheckArgument(argument, findings);
            }

            foreach (CustomAttributeNamedArgument named in attribute.Properties)
            {
                CheckArgument(named.Argument, findings);
                CheckNamedArgument(attribute, named, ApiMemberKind.Property, findings);
            }

            foreach (CustomAttributeNamedArgument named in attribute.Fields)
            {
                CheckArgument(named.Argument, findings);
                CheckNamedArgument(attribute, named, ApiMemberKind.Field, findings);
            }
        }
        catch (Exception e) when (e is AssemblyResolutionException || e is ResolutionException || e is NotSupportedException)
        {
            // The blob needs an enum's underlying type from an assembly that is not at hand; the constructor
            // (and so every argument type) has been checked already.
        }
    }

    /// <summary>Own types and other Wallbox.* assemblies are not checked here (see class remarks).</summary>
    public bool IsExempt(TypeReference type)
    {
        while (type is TypeSpecification specification)
        {
            type = specification.ElementType;
        }

        IMetadataScope scope = type.Scope;
        if (type is TypeDefinition || scope == null || scope.MetadataScopeType == MetadataScopeType.ModuleDefinition)
        {
            return true;
        }

        string assembly = scope is AssemblyNameReference reference ? reference.Name : scope.Name;
        return assembly.StartsWith("Wallbox.", StringComparison.Ordinal) && !_profile.CheckedWallboxAssemblies.Contains(assembly);
    }

    private void CheckNamedType(TypeReference type, List<Finding> findings)
    {
        if (IsExempt(type))
        {
            return;
        }

        string name = SignatureFormatter.ElementName(type);
        IReadOnlyList<ApiType> found = _lookup.FindType(name);
        if (found.Count > 0)
        {
            UsedFiles.Add(found[0].File);
            return;
        }

        string display = MemberQueryBuilder.Display(name, _queries.TypeParameterNames(type, name));
        string reason = CompilerSynthesizedAttributes.FeatureOf(name) != null
            ? CompilerSynthesizedAttributes.Explain(name, ownType: false)
            : WithHint(display, TypeAvailability.Explain(_lookup, name));
        findings.Add(new Finding(display, reason));
    }

    private void CheckArgument(CustomAttributeArgument argument, List<Finding> findings)
    {
        CheckType(argument.Type, findings);
        switch (argument.Value)
        {
            case TypeReference typeOf:
                CheckType(typeOf, findings);
                break;
            case CustomAttributeArgument boxed:
                CheckArgument(boxed, findings);
                break;
            case CustomAttributeArgument[] array:
                foreach (CustomAttributeArgument element in array)
                {
                    CheckArgument(element, findings);
                }

                break;
        }
    }

    private void CheckNamedArgument(CustomAttribute attribute, CustomAttributeNamedArgument named, ApiMemberKind kind, List<Finding> findings)
    {
        if (IsExempt(attribute.AttributeType))
        {
            return;
        }

        string owner = SignatureFormatter.ElementName(attribute.AttributeType);
        var query = new MemberQuery
        {
            Kind = kind,
            DeclaringType = owner,
            DeclaringTypeDisplay = owner,
            Name = named.Name,
            Type = SignatureFormatter.Format(named.Argument.Type, null),
            NeedsSetter = kind == ApiMemberKind.Property,
        };
        MatchResult result = _matcher.Match(query);
        if (result.Success)
        {
            Record(result);
        }
        else
        {
            findings.Add(new Finding(query.Display, result.Failure));
        }
    }

    private void Record(MatchResult result, string declaringType = null)
    {
        if (declaringType != null)
        {
            foreach (ApiType declared in _lookup.FindType(declaringType).Take(1))
            {
                UsedFiles.Add(declared.File);
            }
        }

        if (result.Owner != null)
        {
            UsedFiles.Add(result.Owner.File);
        }

        if (result.Member != null)
        {
            UsedFiles.Add(result.Member.File);
        }
    }

    private static string WithHint(string api, string reason)
    {
        string hint = HostLoweringHints.For(api);
        return hint == null ? reason : reason + "; " + hint;
    }
}
