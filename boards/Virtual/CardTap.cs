using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual;

/// <summary>
/// A person's tap at the reader: a card is held in the RF field for <see cref="HoldMs"/> of virtual time, then taken
/// away. The removal is due in virtual time and carried out by <see cref="VirtualWallbox.Step"/>, so a tap lasts the
/// same whether the wallbox runs in real time, faster, or in a test.
/// </summary>
public sealed class CardTap
{
    /// <summary>How long a tap holds the card in the field, milliseconds: long enough for a DESFire authentication.</summary>
    public const long HoldMs = 1000;

    private readonly RfidField _field;
    private VirtualCard _card;
    private long _removeAtMs;

    /// <summary>Creates the tapper for <paramref name="field"/>.</summary>
    public CardTap(RfidField field)
    {
        _field = field;
    }

    /// <summary>The card being held by a tap, or null.</summary>
    public VirtualCard Card => _card;

    /// <summary>Holds <paramref name="card"/> in the field from <paramref name="nowMs"/>, replacing a card still held.</summary>
    public void Tap(VirtualCard card, long nowMs)
    {
        _field.Present(card);
        _card = card;
        _removeAtMs = nowMs + HoldMs;
    }

    /// <summary>Takes the card away once its time is up (called every step).</summary>
    public void Update(long nowMs)
    {
        if (_card == null || nowMs < _removeAtMs)
        {
            return;
        }

        // Only our card: a test or another caller may have put its own card in the field meanwhile.
        _field.Remove(_card);
        _card = null;
    }
}
