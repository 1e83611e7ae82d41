using System;
using System.Text;
using Wallbox.Drivers.Desfire;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Rfid;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual.Control;

/// <summary>
/// Makes the emulated cards of the <c>tap</c> command. DESFire cards are issued as the network operator's card
/// issuing would make them for this wallbox: with the application, key number and key of the firmware's card
/// authentication (<see cref="CardAuthenticationConfigKeys"/>), the card key AN10922-diversified when so configured,
/// and the idTag file when the idTag comes from a file. A clone has the same UID and application but another key.
/// </summary>
/// <remarks>
/// The key is write-only towards the outside (OCPP, <c>get</c>). The virtual wallbox is the composition root and reads
/// the firmware's <see cref="ConfigurationStore"/> directly, as the operator's issuing system holds the same key; the
/// key never appears in a description.
/// </remarks>
public sealed class TapCardIssuer
{
    /// <summary>Application of a DESFire card when none is configured (NXP AN10922's example AID).</summary>
    public const int DefaultAid = 0xF54230;

    private readonly An10922KeyDiversification _diversification = new An10922KeyDiversification();
    private int _issued;

    /// <summary>
    /// A card of <paramref name="kind"/> with <paramref name="uid"/> (4, 7 or 10 bytes; 7 for DESFire kinds).
    /// <paramref name="what"/> names the card, <paramref name="details"/> says how it was issued (empty for UID-only
    /// cards); neither contains key material.
    /// </summary>
    public VirtualCard Issue(byte[] uid, TapCardKind kind, ConfigurationStore store, out string what, out string details)
    {
        if (kind == TapCardKind.Uid)
        {
            details = string.Empty;
            return UidOnlyCard(uid, out what);
        }

        what = kind == TapCardKind.Clone ? "DESFire EV1 clone" : kind == TapCardKind.Random ? "MIFARE DESFire EV1 (random-UID mode)" : "MIFARE DESFire EV1";
        return DesfireCard(uid, kind, store, out details);
    }

    private static VirtualCard UidOnlyCard(byte[] uid, out string what)
    {
        // SAK without the ISO 14443-4 bit: the reader can only read the UID (ISO/IEC 14443-3 6.5.3.4).
        if (uid.Length == 4)
        {
            what = "MIFARE Classic 1K";
            return new VirtualCard(uid, what) { Sak = 0x08 };
        }

        what = uid.Length == 7 ? "MIFARE Ultralight" : "UID-only card (triple-size UID)";
        return new VirtualCard(uid, what) { Sak = 0x00 };
    }

    private VirtualCard DesfireCard(byte[] uid, TapCardKind kind, ConfigurationStore store, out string details)
    {
        var text = new StringBuilder();
        string aidText = store.Get(CardAuthenticationConfigKeys.RfidDesfireApplication);
        int aid = aidText.Length == 6 ? Convert.ToInt32(aidText, 16) : DefaultAid;
        int keyNumber = store.GetInt(CardAuthenticationConfigKeys.RfidDesfireKeyNumber);
        text.Append("application ").Append(aid.ToString("X6")).Append(", key ").Append(keyNumber);

        string keyValue = store.Get(CardAuthenticationConfigKeys.RfidDesfireKey);
        int colon = keyValue.IndexOf(':');
        SimulatedDesfireKeyType keyType;
        byte[] key;
        if (colon > 0)
        {
            string typeName = keyValue.Substring(0, colon);
            keyType = KeyType(typeName);
            key = Convert.FromHexString(keyValue.AsSpan(colon + 1));
            text.Append(' ').Append(typeName);
        }
        else
        {
            // A card fresh from the factory carries all-zero keys; not secret, so the reply may say so.
            keyType = SimulatedDesfireKeyType.Aes128;
            key = new byte[16];
            text.Append(" AES (all-zero factory key)");
        }

        if (store.Get(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification) == CardAuthenticationConfigKeys.An10922)
        {
            text.Append(Diversify(uid, aid, keyType, store, ref key));
        }

        if (kind == TapCardKind.Clone)
        {
            // A copier reads the UID (and the application's public layout) but not the key: any other key will do.
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)~key[i];
            }

            text.Append(", not the network key");
        }

        int fileNumber = -1;
        byte[] content = null;
        SimulatedDesfireCommunicationMode mode = SimulatedDesfireCommunicationMode.Enciphered;
        if (store.Get(CardAuthenticationConfigKeys.RfidIdTagSource) == CardAuthenticationConfigKeys.File)
        {
            fileNumber = store.GetInt(CardAuthenticationConfigKeys.RfidDesfireFileNumber);
            mode = CommunicationMode(store.Get(CardAuthenticationConfigKeys.RfidDesfireFileCommunication));
            content = IdTagFile(uid, store.GetInt(CardAuthenticationConfigKeys.RfidDesfireFileOffset), store.GetInt(CardAuthenticationConfigKeys.RfidDesfireFileLength));
            text.Append(", idTag file ").Append(fileNumber).Append(' ').Append(mode);
        }

        // Without a configured application or key the card still works as a DESFire; the reply says what was assumed.
        if (aidText.Length != 6)
        {
            text.Append("; ").Append(CardAuthenticationConfigKeys.RfidDesfireApplication).Append(" not set: default application");
        }

        if (colon <= 0)
        {
            text.Append("; ").Append(CardAuthenticationConfigKeys.RfidDesfireKey).Append(" not set: factory key");
        }

        details = text.ToString();

        // A fresh seed per card: successive taps get other challenges and, in random-UID mode, other random UIDs.
        _issued++;
        return SimulatedDesfireCard.WithApplication(uid, aid, keyType, keyNumber, key, fileNumber, content, mode, kind == TapCardKind.Random, _issued);
    }

    private string Diversify(byte[] uid, int aid, SimulatedDesfireKeyType keyType, ConfigurationStore store, ref byte[] key)
    {
        // The firmware refuses the settings where AN10922 defines nothing (single DES) or the input would be too long;
        // the card then keeps the master key.
        if (keyType == SimulatedDesfireKeyType.Des)
        {
            return ", not diversified (AN10922 defines none for single DES)";
        }

        DesfireKeyType type = keyType == SimulatedDesfireKeyType.Aes128
            ? DesfireKeyType.Aes128
            : keyType == SimulatedDesfireKeyType.ThreeKeyTripleDes ? DesfireKeyType.ThreeKeyTripleDes : DesfireKeyType.TwoKeyTripleDes;
        byte[] systemIdentifier = Convert.FromHexString(store.Get(CardAuthenticationConfigKeys.RfidDesfireSystemIdentifier));
        byte[] input = new byte[An10922KeyDiversification.MaxInputLength];
        int length = An10922KeyDiversification.BuildInput(uid, 0, uid.Length, aid, systemIdentifier, input, 0);
        if (length < 0 || length > An10922KeyDiversification.MaxInputLengthFor(type))
        {
            return ", not diversified (system identifier too long for AN10922 with this key type)";
        }

        byte[] cardKey = new byte[key.Length];
        _diversification.Diversify(type, key, 0, input, 0, length, cardKey, 0);
        Array.Clear(key);
        key = cardKey;
        return ", AN10922-diversified";
    }

    /// <summary>The idTag file: the UID in hex as ASCII at the configured offset, NUL-padded to the configured length.</summary>
    private static byte[] IdTagFile(byte[] uid, int offset, int length)
    {
        byte[] content = new byte[offset + length];
        byte[] idTag = Encoding.ASCII.GetBytes(Convert.ToHexString(uid));
        Array.Copy(idTag, 0, content, offset, Math.Min(idTag.Length, length));
        return content;
    }

    private static SimulatedDesfireKeyType KeyType(string name) => name switch
    {
        DesfireKeyCheck.Aes => SimulatedDesfireKeyType.Aes128,
        DesfireKeyCheck.ThreeKeyTripleDes => SimulatedDesfireKeyType.ThreeKeyTripleDes,
        DesfireKeyCheck.TwoKeyTripleDes => SimulatedDesfireKeyType.TwoKeyTripleDes,
        _ => SimulatedDesfireKeyType.Des,
    };

    private static SimulatedDesfireCommunicationMode CommunicationMode(string name) => name switch
    {
        CardAuthenticationConfigKeys.Plain => SimulatedDesfireCommunicationMode.Plain,
        CardAuthenticationConfigKeys.Maced => SimulatedDesfireCommunicationMode.Maced,
        _ => SimulatedDesfireCommunicationMode.Enciphered,
    };
}
