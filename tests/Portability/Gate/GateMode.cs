namespace Wallbox.Portability;

/// <summary>What a profile checks.</summary>
public enum GateMode
{
    /// <summary>Every API the assembly uses (and every definition it makes) must run on nanoFramework.</summary>
    ScanReferences,

    /// <summary>Every public/protected declaration of the facade must exist in nanoFramework with the same shape.</summary>
    CheckFacadeDeclarations,
}
