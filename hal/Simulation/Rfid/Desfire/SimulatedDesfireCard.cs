using System;
using System.Collections.Generic;
using System.Linq;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// A MIFARE DESFire EV1 card for the simulated reader field: ISO/IEC 14443-4 (SAK 0x20) with the DESFire EV1 command
/// set (<see cref="SimulatedDesfirePicc"/>), a PICC master key, applications with keys and standard data files, and
/// optionally random-UID mode (anticollision answers 0x08 and three fresh random bytes per activation; the real
/// 7-byte UID only comes from GetCardUID after authentication).
/// </summary>
/// <remarks>
/// ATQA: 0x0344 as a real DESFire EV1 (0x0304 with a random 4-byte UID). Version bytes default to a DESFire EV1 4K (hardware 04 01 01 01 00 18 05, software
/// 04 01 01 01 04 18 05: vendor NXP, type DESFire, subtype 1, version 1.0 / 1.4, storage 0x18 = 4 KiB, ISO/IEC
/// 14443-2 and -3; datasheet "GetVersion").
/// </remarks>
public sealed class SimulatedDesfireCard : VirtualCard
{
    private readonly List<SimulatedDesfireApplication> _applications = new();
    private readonly Random _uidRandom;
    private readonly SimulatedDesfirePicc _picc;

    /// <summary>
    /// Creates a card with the real 7-byte <paramref name="uid"/> and a PICC master key (AES-128 all zero by default).
    /// <paramref name="seed"/> makes the card's random numbers (RndB, random UIDs) repeatable.
    /// </summary>
    public SimulatedDesfireCard(byte[] uid, int seed = 1, SimulatedDesfireKeyType piccMasterKeyType = SimulatedDesfireKeyType.Aes128, byte[] piccMasterKey = null)
        : base(uid, "MIFARE DESFire EV1 4K")
    {
        if (uid.Length != 7)
        {
            throw new ArgumentException("DESFire EV1 has a 7-byte UID", nameof(uid));
        }

        Sak = 0x20;
        AtqaHighByte = 0x03; // ATQA 0x0344 (7-byte UID) as a DESFire EV1 answers; 0x0304 in random-UID mode
        PiccLevel = new SimulatedDesfireApplication(0, piccMasterKeyType, 1, 0x0F);
        if (piccMasterKey != null)
        {
            PiccLevel.SetKey(0, piccMasterKey);
        }

        _uidRandom = new Random(seed ^ 0x5A5A);
        _picc = new SimulatedDesfirePicc(this, seed);
    }

    /// <summary>Random-UID mode (SetConfiguration "random ID" on a real card).</summary>
    public bool RandomUid { get; init; }

    /// <summary>Extra frame waiting times the card asks for on every command (0 = answer at once); exercises S(WTX).</summary>
    public int ExtraFrameWaitingTimesPerCommand { get; set; }

    /// <summary>GetVersion hardware part (7 bytes).</summary>
    public byte[] HardwareVersion { get; init; } = [0x04, 0x01, 0x01, 0x01, 0x00, 0x18, 0x05];

    /// <summary>GetVersion software part (7 bytes).</summary>
    public byte[] SoftwareVersion { get; init; } = [0x04, 0x01, 0x01, 0x01, 0x04, 0x18, 0x05];

    /// <summary>Production batch number (5 bytes).</summary>
    public byte[] BatchNumber { get; init; } = [0xBA, 0x45, 0x19, 0xE3, 0x20];

    /// <summary>Production calendar week (BCD).</summary>
    public byte ProductionWeek { get; init; } = 0x49;

    /// <summary>Production year (BCD).</summary>
    public byte ProductionYear { get; init; } = 0x13;

    /// <summary>The PICC level (AID 000000) with the PICC master key.</summary>
    public SimulatedDesfireApplication PiccLevel { get; }

    /// <summary>The applications.</summary>
    public IReadOnlyList<SimulatedDesfireApplication> Applications => _applications;

    /// <summary>The command processor (also returned by <see cref="IsoDepApplication"/>).</summary>
    public SimulatedDesfirePicc Picc => _picc;

    /// <inheritdoc />
    public override IIsoDepCardApplication IsoDepApplication => _picc;

    /// <summary>The last random UID handed out in anticollision (null before the first activation or without random UID).</summary>
    public byte[] LastRandomUid { get; private set; }

    /// <summary>
    /// A card with one application <paramref name="aid"/> of AES-128 keys, key <paramref name="keyNumber"/> set to
    /// <paramref name="key"/>, and (when <paramref name="fileNumber"/> ≥ 0) a standard data file readable with that key.
    /// </summary>
    public static SimulatedDesfireCard WithAesApplication(byte[] uid, int aid, int keyNumber, byte[] key, int fileNumber = -1, byte[] content = null, SimulatedDesfireCommunicationMode communicationMode = SimulatedDesfireCommunicationMode.Enciphered, bool randomUid = false, int seed = 1) =>
        WithApplication(uid, aid, SimulatedDesfireKeyType.Aes128, keyNumber, key, fileNumber, content, communicationMode, randomUid, seed);

    /// <summary>As <see cref="WithAesApplication"/> for any key type.</summary>
    public static SimulatedDesfireCard WithApplication(byte[] uid, int aid, SimulatedDesfireKeyType keyType, int keyNumber, byte[] key, int fileNumber = -1, byte[] content = null, SimulatedDesfireCommunicationMode communicationMode = SimulatedDesfireCommunicationMode.Enciphered, bool randomUid = false, int seed = 1)
    {
        var card = new SimulatedDesfireCard(uid, seed) { RandomUid = randomUid };
        SimulatedDesfireApplication application = card.AddApplication(aid, keyType, Math.Max(keyNumber + 1, 2));
        application.SetKey(keyNumber, key, 1);
        if (fileNumber >= 0)
        {
            application.AddStandardDataFile(new SimulatedDesfireFile(fileNumber, communicationMode, keyNumber, 0, 0, 0, content ?? []));
        }

        return card;
    }

    /// <summary>Adds an application.</summary>
    public SimulatedDesfireApplication AddApplication(int aid, SimulatedDesfireKeyType keyType, int keyCount, byte keySettings = 0x0F)
    {
        if (aid == 0 || FindApplication(aid) != null)
        {
            throw new ArgumentException("AID 000000 is the PICC level; AIDs are unique", nameof(aid));
        }

        var application = new SimulatedDesfireApplication(aid, keyType, keyCount, keySettings);
        _applications.Add(application);
        return application;
    }

    /// <summary>The application with <paramref name="aid"/>, or null.</summary>
    public SimulatedDesfireApplication FindApplication(int aid) => _applications.FirstOrDefault(a => a.Aid == aid);

    /// <inheritdoc />
    public override byte[] AnticollisionUid()
    {
        if (!RandomUid)
        {
            return Uid;
        }

        // ISO/IEC 14443-3: a single-size UID starting with 0x08 is a random ID, new at every activation.
        byte[] uid = new byte[4];
        _uidRandom.NextBytes(uid);
        uid[0] = 0x08;
        LastRandomUid = uid;
        return uid;
    }
}
