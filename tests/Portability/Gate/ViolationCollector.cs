using System.Collections.Generic;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Wallbox.Portability;

/// <summary>
/// The scan-mode visitor: runs the reference checks and the own-definition rules on everything
/// <see cref="AssemblyScanner"/> meets and turns each finding into a located <see cref="Violation"/>.
/// Source locations are computed only for findings, so clean code costs no PDB look-ups.
/// </summary>
public sealed class ViolationCollector : IAssemblyVisitor
{
    private readonly ReferenceChecker _checker;
    private readonly SourceLocator _locator;
    private readonly GateProfile _profile;
    private readonly string _assemblyFile;
    private readonly List<Finding> _findings = new();

    public ViolationCollector(ReferenceChecker checker, SourceLocator locator, GateProfile profile, string assemblyFile)
    {
        _checker = checker;
        _locator = locator;
        _profile = profile;
        _assemblyFile = assemblyFile;
    }

    public List<Violation> Violations { get; } = new();

    public void TypeDefinition(TypeDefinition type, UseSite site) => Report(OwnDefinitionRules.ForType(type), site);

    public void MethodDefinition(MethodDefinition method, UseSite site) => Report(OwnDefinitionRules.ForMethod(method), site);

    public void TypeUse(TypeReference type, UseSite site)
    {
        _checker.CheckType(type, _findings);
        Flush(site);
    }

    public void MemberUse(MemberReference member, UseSite site)
    {
        _checker.CheckMember(member, _findings, site.Method);
        Flush(site);
    }

    public void Attribute(CustomAttribute attribute, UseSite site)
    {
        _checker.CheckAttribute(attribute, _findings);
        Flush(site);
    }

    public void Instruction(Instruction instruction, UseSite site)
    {
        Finding finding = OwnDefinitionRules.ForInstruction(instruction);
        if (finding != null)
        {
            Report(new[] { finding }, site);
        }
    }

    private void Flush(UseSite site)
    {
        if (_findings.Count > 0)
        {
            Report(_findings, site);
            _findings.Clear();
        }
    }

    private void Report(IEnumerable<Finding> findings, UseSite site)
    {
        (string File, int? Line) location = (null, null);
        bool located = false;
        foreach (Finding finding in findings)
        {
            if (!located)
            {
                location = _locator.Locate(site);
                located = true;
            }

            Violations.Add(new Violation(
                location.File,
                location.Line,
                MemberDisplay.TypeName(site.Type),
                MemberDisplay.MemberName(site),
                finding.Api,
                finding.Reason + " (" + _profile.Description + ")",
                finding.Kind,
                _assemblyFile));
        }
    }
}
