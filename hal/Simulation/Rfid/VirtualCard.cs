using System;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A contactless card that can be held in the reader's field. The UID is what ISO/IEC 14443-3
/// anticollision returns (4, 7 or 10 bytes); richer cards (DESFire EV1) extend this with their applications.
/// </summary>
public class VirtualCard
{
    /// <summary>Creates a card with <paramref name="uid"/> (4, 7 or 10 bytes).</summary>
    public VirtualCard(byte[] uid, string description)
    {
        ArgumentNullException.ThrowIfNull(uid);
        if (uid.Length != 4 && uid.Length != 7 && uid.Length != 10)
        {
            throw new ArgumentException("ISO/IEC 14443-3 UIDs are 4, 7 or 10 bytes long", nameof(uid));
        }

        Uid = (byte[])uid.Clone();
        Description = description;
    }

    /// <summary>Unique identifier as transmitted during anticollision (first byte first).</summary>
    public byte[] Uid { get; }

    /// <summary>
    /// SAK sent at the last cascade level (ISO/IEC 14443-3 6.5.3.4): 0x08 MIFARE Classic 1K (default), 0x00 MIFARE
    /// Ultralight, 0x20 ISO/IEC 14443-4 compliant (DESFire).
    /// </summary>
    public byte Sak { get; init; } = 0x08;

    /// <summary>What the card is, for messages (e.g. "MIFARE Classic 1K").</summary>
    public string Description { get; }

    /// <summary>Creates a card from a hex UID such as <c>04A2B3C4D5E680</c>.</summary>
    public static VirtualCard FromHex(string uidHex, string description = "ISO 14443-A card") =>
        new VirtualCard(Convert.FromHexString(uidHex), description);

    /// <inheritdoc />
    public override string ToString() => Description + " " + Convert.ToHexString(Uid);
}
