namespace Wallbox.Hal.Simulation;

/// <summary>
/// The RF field in front of the reader antenna: which card, if any, a user holds there. The reader chip
/// emulation on the SPI bus answers from this.
/// </summary>
public sealed class RfidField
{
    /// <summary>The card in the field, or null.</summary>
    public VirtualCard Card { get; private set; }

    /// <summary>Times a card was presented since construction.</summary>
    public int PresentationCount { get; private set; }

    /// <summary>Holds <paramref name="card"/> in the field (replacing any other).</summary>
    public void Present(VirtualCard card)
    {
        Card = card;
        PresentationCount++;
    }

    /// <summary>Takes the card away.</summary>
    public void Remove() => Card = null;
}
