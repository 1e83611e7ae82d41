using System;
using System.Collections.Generic;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// An application of a simulated DESFire EV1 (or the PICC level, AID 000000): key settings, one key type for all its
/// keys (up to 14), key versions and standard data files.
/// </summary>
public sealed class SimulatedDesfireApplication
{
    private readonly byte[][] _keys;
    private readonly byte[] _versions;
    private readonly Dictionary<int, SimulatedDesfireFile> _files = new();

    /// <summary>Creates an application with <paramref name="keyCount"/> keys, all zero until set.</summary>
    public SimulatedDesfireApplication(int aid, SimulatedDesfireKeyType keyType, int keyCount, byte keySettings = 0x0F)
    {
        if (aid < 0 || aid > 0xFFFFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(aid));
        }

        if (keyCount < 1 || keyCount > 14)
        {
            throw new ArgumentOutOfRangeException(nameof(keyCount), "DESFire EV1 applications hold 1..14 keys");
        }

        Aid = aid;
        KeyType = keyType;
        KeySettings = keySettings;
        _keys = new byte[keyCount][];
        _versions = new byte[keyCount];
        for (int i = 0; i < keyCount; i++)
        {
            _keys[i] = new byte[KeyLength(keyType)];
        }
    }

    /// <summary>Application identifier (most significant first as NXP tools write it).</summary>
    public int Aid { get; }

    /// <summary>Type of every key of the application.</summary>
    public SimulatedDesfireKeyType KeyType { get; }

    /// <summary>
    /// Key settings byte (datasheet "ChangeKeySettings"); bit 1 (0x02) = directory listing (GetApplicationIDs at PICC
    /// level) without master key authentication.
    /// </summary>
    public byte KeySettings { get; }

    /// <summary>Number of keys.</summary>
    public int KeyCount => _keys.Length;

    /// <summary>Files by number.</summary>
    public IReadOnlyDictionary<int, SimulatedDesfireFile> Files => _files;

    /// <summary>Key length of a type, bytes.</summary>
    public static int KeyLength(SimulatedDesfireKeyType type) => type switch
    {
        SimulatedDesfireKeyType.Des => 8,
        SimulatedDesfireKeyType.ThreeKeyTripleDes => 24,
        _ => 16,
    };

    /// <summary>Sets key <paramref name="keyNumber"/> and its version.</summary>
    public SimulatedDesfireApplication SetKey(int keyNumber, byte[] key, byte version = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeyLength(KeyType))
        {
            throw new ArgumentException("key length does not match the application's key type", nameof(key));
        }

        _keys[keyNumber] = (byte[])key.Clone();
        _versions[keyNumber] = version;
        return this;
    }

    /// <summary>Adds a standard data file.</summary>
    public SimulatedDesfireApplication AddStandardDataFile(SimulatedDesfireFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        _files.Add(file.Number, file);
        return this;
    }

    /// <summary>The key (for the simulated card's own use).</summary>
    internal byte[] Key(int keyNumber) => _keys[keyNumber];

    /// <summary>The key version.</summary>
    internal byte KeyVersion(int keyNumber) => _versions[keyNumber];
}
