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

    /// <summary>
    /// Second ATQA byte (ISO/IEC 14443-3 6.4.2: RFU and proprietary coding bits 12..9): 0x00 for MIFARE Classic and
    /// Ultralight, 0x03 for DESFire (ATQA 0x0344 with a 7-byte UID). The first byte follows from the UID size.
    /// </summary>
    public byte AtqaHighByte { get; init; }

    /// <summary>What the card is, for messages (e.g. "MIFARE Classic 1K").</summary>
    public string Description { get; }

    /// <summary>
    /// The UID the card sends in anticollision after power-up (called once per activation in the field): the fixed
    /// <see cref="Uid"/>, except for cards with a random UID (DESFire EV1 random-ID mode: 0x08 and 3 random bytes,
    /// ISO/IEC 14443-3 6.4.4), which override it.
    /// </summary>
    public virtual byte[] AnticollisionUid() => Uid;

    /// <summary>
    /// The ISO/IEC 14443-4 application behind the transport when the card is ISO-DEP capable (SAK bit 0x20), else
    /// null (MIFARE Classic/Ultralight: UID only).
    /// </summary>
    public virtual IIsoDepCardApplication IsoDepApplication => null;

    /// <summary>
    /// FSCI of the ATS (ISO/IEC 14443-4 5.2.3): the largest frame the card accepts, 5 = 64 bytes (DESFire EV1). The
    /// simulated card ignores frames longer than its FSC.
    /// </summary>
    public int Fsci { get; init; } = 5;

    /// <summary>FWI of the ATS (5.2.5): frame waiting time 2^FWI × 4096/fc; 8 = 77.3 ms (DESFire EV1).</summary>
    public int Fwi { get; init; } = 8;

    /// <summary>SFGI of the ATS (5.2.5): start-up frame guard time 2^SFGI × 4096/fc after the ATS; 1 = 604 µs.</summary>
    public int Sfgi { get; init; } = 1;

    /// <summary>TA of the ATS (5.2.4): supported bit rates; 0x77 = 106..848 kbit/s both directions (DESFire EV1).</summary>
    public byte AtsTa { get; init; } = 0x77;

    /// <summary>TC of the ATS (5.2.6): 0x02 = CID supported, NAD not (DESFire EV1).</summary>
    public byte AtsTc { get; init; } = 0x02;

    /// <summary>Historical bytes of the ATS (5.2.7); DESFire EV1: 0x80.</summary>
    public byte[] HistoricalBytes { get; init; } = { 0x80 };

    /// <summary>
    /// An ATS sent as it is (TL first, without CRC_A) instead of the one built from <see cref="Fsci"/>,
    /// <see cref="Fwi"/>, <see cref="Sfgi"/>, <see cref="AtsTa"/>, <see cref="AtsTc"/> and
    /// <see cref="HistoricalBytes"/>: minimal (<c>01</c>) or malformed ATSs for tests. The card keeps using its own
    /// parameters.
    /// </summary>
    public byte[] RawAts { get; init; }

    /// <summary>
    /// Largest WTXM the card asks for in one S(WTX) request (ISO/IEC 14443-4 7.3, 1..59); a longer processing time
    /// is covered by several requests.
    /// </summary>
    public int MaxWtxm { get; init; } = 59;

    /// <summary>
    /// The ATS the card answers RATS with (ISO/IEC 14443-4 5.2), without CRC_A: <see cref="RawAts"/>, or TL, T0
    /// (TA, TB, TC present, FSCI), TA, TB (FWI, SFGI), TC and the historical bytes; DESFire EV1 defaults give
    /// <c>06 75 77 81 02 80</c>.
    /// </summary>
    public byte[] Ats()
    {
        if (RawAts != null)
        {
            return (byte[])RawAts.Clone();
        }

        byte[] historical = HistoricalBytes ?? Array.Empty<byte>();
        var ats = new byte[5 + historical.Length];
        ats[0] = (byte)ats.Length;
        ats[1] = (byte)(0x70 | (Fsci & 0x0F));
        ats[2] = AtsTa;
        ats[3] = (byte)(((Fwi & 0x0F) << 4) | (Sfgi & 0x0F));
        ats[4] = AtsTc;
        Array.Copy(historical, 0, ats, 5, historical.Length);
        return ats;
    }

    /// <summary>Creates a card from a hex UID such as <c>04A2B3C4D5E680</c>.</summary>
    public static VirtualCard FromHex(string uidHex, string description = "ISO 14443-A card") =>
        new VirtualCard(Convert.FromHexString(uidHex), description);

    /// <inheritdoc />
    public override string ToString() => Description + " " + Convert.ToHexString(Uid);
}
