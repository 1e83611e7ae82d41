namespace Wallbox.Boards.Virtual.Control;

/// <summary>Which emulated card <c>tap &lt;UID&gt; [kind]</c> holds to the reader.</summary>
public enum TapCardKind
{
    /// <summary><c>uid</c> (default): a card that offers only its UID (MIFARE Classic with 4 bytes, Ultralight with 7).</summary>
    Uid,

    /// <summary><c>desfire</c>: a MIFARE DESFire EV1 issued for this wallbox's network (the configured application and key).</summary>
    Desfire,

    /// <summary><c>clone</c>: a DESFire EV1 with the same UID and application but another key, as a card copier makes it.</summary>
    Clone,

    /// <summary><c>random</c>: as <see cref="Desfire"/>, in random-UID mode (anticollision shows 08 and three random bytes).</summary>
    Random,
}
