using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace Wallbox.Portability;

/// <summary>
/// The <c>facade</c> profile: the facade assembly declares, in nanoFramework's namespaces, the nanoFramework
/// APIs the ESP32 HAL uses, so that the HAL type-checks on the host. A declaration nanoFramework does not have
/// would let the HAL compile on the host and fail on the device, so every public/protected type and member
/// DECLARED in the facade must match a line of the esp32 profile's files:
/// <list type="bullet">
/// <item>types: same kind (class/struct/enum/interface/delegate) and base type (enums: underlying type;
///   delegates: Invoke signature); each declared interface implemented in nanoFramework too;</item>
/// <item>constructors/methods: same name, parameter types, return type and static-ness;</item>
/// <item>properties/indexers: same type, index parameters and static-ness, each public accessor present;</item>
/// <item>events and fields: same type and static-ness.</item>
/// </list>
/// The facade may declare less than nanoFramework has (that is the point). Runtime-provided delegate members,
/// enum <c>value__</c> and private/internal declarations (e.g. a private constructor) are not compared.
/// </summary>
public sealed class FacadeChecker
{
    private readonly ApiLookup _lookup;
    private readonly MemberQueryBuilder _queries;
    private readonly MemberMatcher _matcher;

    public FacadeChecker(ApiLookup lookup, MemberQueryBuilder queries)
    {
        _lookup = lookup;
        _queries = queries;
        _matcher = new MemberMatcher(lookup);
    }

    public IEnumerable<(Finding Finding, UseSite Site)> Check(AssemblyDefinition assembly)
    {
        foreach (TypeDefinition type in assembly.Modules.SelectMany(m => m.GetTypes()))
        {
            if (type.Name == "<Module>" || !IsVisible(type))
            {
                continue;
            }

            string name = SignatureFormatter.ElementName(type);
            IReadOnlyList<ApiType> declared = _lookup.FindType(name);
            var typeSite = new UseSite(type);
            string display = MemberQueryBuilder.Display(name, type.GenericParameters.Select(p => p.Name).ToList());
            if (declared.Count == 0)
            {
                yield return (new Finding(KindOf(type).ToString().ToLowerInvariant() + " " + display, TypeAvailability.Explain(_lookup, name), ViolationKind.Declares), typeSite);
                continue;
            }

            foreach (Finding finding in CompareType(type, declared[0], display))
            {
                yield return (finding, typeSite);
            }

            if (KindOf(type) == ApiTypeKind.Delegate)
            {
                continue;
            }

            foreach (var result in CheckMembers(type))
            {
                yield return result;
            }
        }
    }

    private IEnumerable<Finding> CompareType(TypeDefinition type, ApiType api, string display)
    {
        ApiTypeKind kind = KindOf(type);
        if (kind != api.Kind)
        {
            yield return Declared(kind.ToString().ToLowerInvariant() + " " + display, "nanoFramework declares " + api.Text.Substring(2));
            yield break;
        }

        var names = new GenericNames(type.GenericParameters.Select(p => p.Name).ToList(), null);
        switch (kind)
        {
            case ApiTypeKind.Class:
                string baseType = type.BaseType == null ? null : SignatureFormatter.Format(type.BaseType, names);
                if (baseType != api.BaseType)
                {
                    yield return Declared(display + " : " + baseType, "base type differs; nanoFramework declares " + api.Text.Substring(2));
                }

                break;
            case ApiTypeKind.Enum:
                FieldDefinition value = type.Fields.FirstOrDefault(f => f.Name == "value__");
                string underlying = value == null ? null : SignatureFormatter.Format(value.FieldType, names);
                if (underlying != api.EnumUnderlyingType)
                {
                    yield return Declared("enum " + display + " : " + underlying, "underlying type differs; nanoFramework declares " + api.Text.Substring(2));
                }

                break;
            case ApiTypeKind.Delegate:
                MethodDefinition invoke = type.Methods.FirstOrDefault(m => m.Name == "Invoke");
                if (invoke != null)
                {
                    var parameters = invoke.Parameters.Select(p => SignatureFormatter.Format(p.ParameterType, names)).ToList();
                    string returns = SignatureFormatter.Format(invoke.ReturnType, names);
                    if (!MemberMatcher.SameParameters(parameters, api.DelegateParameters) || returns != api.DelegateReturnType)
                    {
                        yield return Declared(
                            "delegate " + display + SignatureText.FormatParameterList(parameters) + " : " + returns,
                            "signature differs; nanoFramework declares " + api.Text.Substring(2));
                    }
                }

                break;
        }

        HashSet<string> implemented = _lookup.InterfaceClosure(api.FullName);
        foreach (InterfaceImplementation implementation in type.Interfaces)
        {
            string name = SignatureFormatter.Format(implementation.InterfaceType, names);
            if (!implemented.Contains(name))
            {
                yield return Declared(display + " : " + name, "nanoFramework's " + api.DisplayName + " does not implement " + name);
            }
        }
    }

    private IEnumerable<(Finding Finding, UseSite Site)> CheckMembers(TypeDefinition type)
    {
        foreach (MethodDefinition method in type.Methods)
        {
            bool accessor = method.IsGetter || method.IsSetter || method.IsAddOn || method.IsRemoveOn || method.IsOther;
            if (accessor || !IsVisible(method) || method.Name == ".cctor")
            {
                continue;
            }

            MemberQuery query = _queries.ForMethod(method).Last();
            Finding finding = Compare(query);
            if (finding != null)
            {
                yield return (finding, new UseSite(type, method));
            }
        }

        foreach (PropertyDefinition property in type.Properties)
        {
            bool getter = IsVisible(property.GetMethod);
            bool setter = IsVisible(property.SetMethod);
            if (!getter && !setter)
            {
                continue;
            }

            MethodDefinition accessor = getter ? property.GetMethod : property.SetMethod;
            var names = new GenericNames(type.GenericParameters.Select(p => p.Name).ToList(), null);
            foreach (bool checkGetter in getter && setter ? new[] { true, false } : new[] { getter })
            {
                var query = new MemberQuery
                {
                    Kind = ApiMemberKind.Property,
                    DeclaringType = SignatureFormatter.ElementName(type),
                    Name = property.Name,
                    Parameters = property.Parameters.Select(p => SignatureFormatter.Format(p.ParameterType, names)).ToList(),
                    Type = SignatureFormatter.Format(property.PropertyType, names),
                    IsStatic = accessor.IsStatic,
                    NeedsGetter = checkGetter,
                    NeedsSetter = !checkGetter,
                };
                Finding finding = Compare(query);
                if (finding != null)
                {
                    yield return (finding, new UseSite(type, property));
                }
            }
        }

        foreach (EventDefinition @event in type.Events)
        {
            if (!IsVisible(@event.AddMethod))
            {
                continue;
            }

            var query = new MemberQuery
            {
                Kind = ApiMemberKind.Event,
                DeclaringType = SignatureFormatter.ElementName(type),
                Name = @event.Name,
                Type = SignatureFormatter.Format(@event.EventType, null),
                IsStatic = @event.AddMethod.IsStatic,
            };
            Finding finding = Compare(query);
            if (finding != null)
            {
                yield return (finding, new UseSite(type, @event));
            }
        }

        foreach (FieldDefinition field in type.Fields)
        {
            if (field.IsSpecialName || field.IsRuntimeSpecialName || !(field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly))
            {
                continue;
            }

            var query = new MemberQuery
            {
                Kind = ApiMemberKind.Field,
                DeclaringType = SignatureFormatter.ElementName(type),
                Name = field.Name,
                Type = SignatureFormatter.Format(field.FieldType, null),
                IsStatic = field.IsStatic,
            };
            Finding finding = Compare(query);
            if (finding != null)
            {
                yield return (finding, new UseSite(type, field));
            }
        }
    }

    private Finding Compare(MemberQuery query)
    {
        MatchResult result = _matcher.Match(query);
        return result.Success ? null : Declared(query.Display + (query.IsStatic == true ? " static" : ""), result.Failure);
    }

    private static Finding Declared(string api, string reason) => new(api, reason, ViolationKind.Declares);

    public static ApiTypeKind KindOf(TypeDefinition type)
    {
        if (type.IsInterface)
        {
            return ApiTypeKind.Interface;
        }

        if (type.IsEnum)
        {
            return ApiTypeKind.Enum;
        }

        if (type.IsValueType)
        {
            return ApiTypeKind.Struct;
        }

        return type.BaseType != null && type.BaseType.FullName == "System.MulticastDelegate" ? ApiTypeKind.Delegate : ApiTypeKind.Class;
    }

    private static bool IsVisible(TypeDefinition type)
    {
        if (!type.IsNested)
        {
            return type.IsPublic;
        }

        return (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamilyOrAssembly) && IsVisible(type.DeclaringType);
    }

    private static bool IsVisible(MethodDefinition method)
    {
        return method != null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);
    }
}
