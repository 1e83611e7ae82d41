using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The RF field in front of the reader antenna: which cards, if any, a user holds there (usually one; several to
/// exercise anticollision). The reader chip emulation on the SPI bus answers from this.
/// </summary>
public sealed class RfidField
{
    private readonly List<VirtualCard> _cards = new List<VirtualCard>();

    /// <summary>The (first) card in the field, or null.</summary>
    public VirtualCard Card => _cards.Count == 0 ? null : _cards[0];

    /// <summary>All cards in the field, in the order they were presented.</summary>
    public IReadOnlyList<VirtualCard> Cards => _cards;

    /// <summary>Times a card was presented since construction.</summary>
    public int PresentationCount { get; private set; }

    /// <summary>Holds <paramref name="card"/> in the field (replacing any other).</summary>
    public void Present(VirtualCard card)
    {
        _cards.Clear();
        _cards.Add(card);
        PresentationCount++;
    }

    /// <summary>Holds <paramref name="card"/> in the field next to those already there.</summary>
    public void PresentAlso(VirtualCard card)
    {
        if (!_cards.Contains(card))
        {
            _cards.Add(card);
        }

        PresentationCount++;
    }

    /// <summary>Takes all cards away.</summary>
    public void Remove() => _cards.Clear();

    /// <summary>Takes <paramref name="card"/> away, leaving the others.</summary>
    public void Remove(VirtualCard card) => _cards.Remove(card);
}
