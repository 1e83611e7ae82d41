namespace Wallbox.Portability;

/// <summary>A problem found in metadata, before it is given a source location and becomes a <see cref="Violation"/>.</summary>
/// <param name="Api">What is used or defined, in the API list's syntax.</param>
/// <param name="Reason">Why, without the profile suffix.</param>
/// <param name="Kind">Reference, own definition or facade declaration.</param>
public sealed record Finding(string Api, string Reason, ViolationKind Kind = ViolationKind.Uses);
