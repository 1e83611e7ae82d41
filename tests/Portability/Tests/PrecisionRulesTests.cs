using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability.Tests;

/// <summary>
/// The two places where the host IL names an API nanoFramework lacks although the source is fine on the
/// device, and how narrowly the gate accepts them (CompilerFallbacks, HostHierarchy).
/// </summary>
public sealed class PrecisionRulesTests
{
    private readonly ApiCatalog _catalog = SampleApi.Catalog();

    [Fact]
    public void Field_like_event_accessors_may_use_generic_CompareExchange_and_nothing_else_may()
    {
        var module = ModuleDefinition.CreateModule("Probe", ModuleKind.Dll);
        MethodReference compareExchange = module.ImportReference(
            typeof(Interlocked).GetMethods().Single(m => m.Name == "CompareExchange" && m.IsGenericMethodDefinition).MakeGenericMethod(typeof(EventHandler)));
        var type = new TypeDefinition("Probe", "Sample", TypeAttributes.Public, module.TypeSystem.Object);
        module.Types.Add(type);
        var accessor = new MethodDefinition("add_Changed", MethodAttributes.Public | MethodAttributes.SpecialName, module.TypeSystem.Void);
        accessor.CustomAttributes.Add(new CustomAttribute(module.ImportReference(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute).GetConstructor(Type.EmptyTypes))));
        accessor.IsAddOn = true;
        var @event = new EventDefinition("Changed", EventAttributes.None, module.ImportReference(typeof(EventHandler))) { AddMethod = accessor };
        var ordinary = new MethodDefinition("Swap", MethodAttributes.Public, module.TypeSystem.Void);
        type.Methods.Add(accessor);
        type.Methods.Add(ordinary);
        type.Events.Add(@event);

        Assert.True(accessor.IsAddOn);
        Assert.Empty(Check(compareExchange, accessor));
        Finding finding = Assert.Single(Check(compareExchange, ordinary));
        Assert.StartsWith("System.Threading.Interlocked.CompareExchange``1<T>(T&, T, T)", finding.Api);
    }

    [Fact]
    public void A_member_declared_on_a_host_only_base_class_is_found_on_the_derived_nanoFramework_type()
    {
        // new AutoResetEvent(false).Set() compiles to EventWaitHandle::Set(); nanoFramework declares Set() on AutoResetEvent.
        using ModuleDefinition module = BuildAndReload(withAutoResetEvent: true);
        List<Finding> findings = CheckAllCalls(module);
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public void A_host_only_base_class_member_is_reported_when_no_nanoFramework_type_derives_from_it()
    {
        using ModuleDefinition module = BuildAndReload(withAutoResetEvent: false);
        Finding finding = Assert.Single(CheckAllCalls(module));
        Assert.Equal("System.Threading.EventWaitHandle.Set()", finding.Api);
    }

    private List<Finding> Check(MemberReference reference, MethodDefinition context)
    {
        var findings = new List<Finding>();
        Checker().CheckMember(reference, findings, context);
        return findings;
    }

    private List<Finding> CheckAllCalls(ModuleDefinition module)
    {
        var findings = new List<Finding>();
        ReferenceChecker checker = Checker();
        foreach (MethodDefinition method in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody))
        {
            foreach (Instruction instruction in method.Body.Instructions)
            {
                if (instruction.Operand is MethodReference called)
                {
                    checker.CheckMember(called, findings, method);
                }
            }
        }

        return findings;
    }

    private ReferenceChecker Checker() => new(new ApiLookup(_catalog, GateProfile.Portable.ApiFiles), GateProfile.Portable, new MemberQueryBuilder(_catalog, new DefinitionNames()));

    /// <summary>A module whose method calls EventWaitHandle.Set() on an event made with new AutoResetEvent(false) (or on null).</summary>
    private static ModuleDefinition BuildAndReload(bool withAutoResetEvent)
    {
        var module = ModuleDefinition.CreateModule("Probe", ModuleKind.Dll);
        var type = new TypeDefinition("Probe", "Sample", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed, module.TypeSystem.Object);
        module.Types.Add(type);
        var method = new MethodDefinition("Signal", MethodAttributes.Public | MethodAttributes.Static, module.TypeSystem.Void);
        type.Methods.Add(method);
        ILProcessor il = method.Body.GetILProcessor();
        if (withAutoResetEvent)
        {
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Newobj, module.ImportReference(typeof(AutoResetEvent).GetConstructor(new[] { typeof(bool) })));
        }
        else
        {
            il.Emit(OpCodes.Ldnull);
        }

        il.Emit(OpCodes.Callvirt, module.ImportReference(typeof(EventWaitHandle).GetMethod("Set")));
        il.Emit(OpCodes.Pop);
        il.Emit(OpCodes.Ret);

        // Type references are read from metadata, so the module goes through a write and a read.
        var stream = new MemoryStream();
        module.Write(stream);
        module.Dispose();
        stream.Position = 0;
        return ModuleDefinition.ReadModule(stream);
    }
}
