namespace Wallbox.Portability;

/// <summary>What kind of declaration <see cref="DeclarationFinder"/> looks for.</summary>
public enum MemberShape
{
    Method,
    Field,
    Property,
    Event,
}
