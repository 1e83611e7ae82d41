namespace Wallbox.Portability;

/// <summary>What a violation is about; decides the verb of the report line.</summary>
public enum ViolationKind
{
    /// <summary>A reference to an API nanoFramework does not have ("uses").</summary>
    Uses,

    /// <summary>An own definition nanoFramework cannot load or run ("defines").</summary>
    Defines,

    /// <summary>A facade declaration that does not exist in nanoFramework ("declares").</summary>
    Declares,
}
