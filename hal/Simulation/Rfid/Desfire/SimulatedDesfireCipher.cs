using System;
using System.Security.Cryptography;

namespace Wallbox.Hal.Simulation;

/// <summary>
/// The card-side cipher of the simulated DESFire: raw blocks from the platform (<see cref="Aes"/>, <see cref="DES"/>,
/// <see cref="TripleDES"/> EncryptEcb/DecryptEcb) with CBC and CMAC written here, deliberately independent of the
/// driver's cipher code so that driver and emulator check each other.
/// </summary>
/// <remarks>
/// <para>CBC as NIST SP 800-38A §6.2; CMAC as NIST SP 800-38B §6 (subkeys with R_128 = 0x87, R_64 = 0x1B), started from a
/// chaining value (the DESFire EV1 session IV) instead of zero.</para>
/// <para>Limitation: the platform refuses DES weak and semi-weak keys (FIPS 74) and TDEA bundles with equal adjacent
/// keys, among them DESFire's factory default all-zero DES key; such keys cannot be simulated (constructor throws).</para>
/// </remarks>
public sealed class SimulatedDesfireCipher : IDisposable
{
    private readonly SymmetricAlgorithm _algorithm;

    /// <summary>Creates the cipher for a key of <paramref name="type"/>; 2K3DES with equal halves runs as DES.</summary>
    public SimulatedDesfireCipher(SimulatedDesfireKeyType type, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (type)
        {
            case SimulatedDesfireKeyType.Aes128:
                _algorithm = Aes.Create();
                _algorithm.Key = key[..16];
                break;
            case SimulatedDesfireKeyType.ThreeKeyTripleDes:
                _algorithm = TripleDES.Create();
                _algorithm.Key = key[..24];
                break;
            default:
                if (type == SimulatedDesfireKeyType.Des || IsSingleDes(key))
                {
                    _algorithm = DES.Create();
                    _algorithm.Key = key[..8];
                }
                else
                {
                    // Keying option 2 handed over as K1 ‖ K2 ‖ K1: OpenSSL (the platform cipher on Linux) refuses 16-byte TDEA keys.
                    _algorithm = TripleDES.Create();
                    _algorithm.Key = [.. key[..16], .. key[..8]];
                }

                break;
        }

        BlockSize = type == SimulatedDesfireKeyType.Aes128 ? 16 : 8;
    }

    /// <summary>16 (AES) or 8 (DES, TDEA).</summary>
    public int BlockSize { get; }

    /// <summary>True for a 16-byte DES/TDEA key whose halves are equal apart from the parity (key version) bits.</summary>
    public static bool IsSingleDes(byte[] key)
    {
        if (key.Length == 8)
        {
            return true;
        }

        for (int i = 0; i < 8; i++)
        {
            if (((key[i] ^ key[i + 8]) & 0xFE) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>E_K of one block.</summary>
    public byte[] Encrypt(ReadOnlySpan<byte> block) => _algorithm.EncryptEcb(block, PaddingMode.None);

    /// <summary>E_K^-1 of one block.</summary>
    public byte[] Decrypt(ReadOnlySpan<byte> block) => _algorithm.DecryptEcb(block, PaddingMode.None);

    /// <summary>CBC encryption in place from <paramref name="iv"/>; <paramref name="iv"/> ends as the last ciphertext block.</summary>
    public void CbcEncrypt(byte[] iv, Span<byte> data)
    {
        int b = BlockSize;
        for (int p = 0; p < data.Length; p += b)
        {
            Span<byte> block = data.Slice(p, b);
            for (int i = 0; i < b; i++)
            {
                block[i] ^= iv[i];
            }

            Encrypt(block).CopyTo(block);
            block.CopyTo(iv);
        }
    }

    /// <summary>CBC decryption in place from <paramref name="iv"/>; <paramref name="iv"/> ends as the last ciphertext block.</summary>
    public void CbcDecrypt(byte[] iv, Span<byte> data)
    {
        int b = BlockSize;
        for (int p = 0; p < data.Length; p += b)
        {
            Span<byte> block = data.Slice(p, b);
            byte[] cipherText = block.ToArray();
            byte[] plain = Decrypt(block);
            for (int i = 0; i < b; i++)
            {
                block[i] = (byte)(plain[i] ^ iv[i]);
            }

            cipherText.CopyTo(iv, 0);
        }
    }

    /// <summary>
    /// What the card does with data the PCD sent in legacy mode (PCD: Y_j = D(X_j xor Y_(j-1))): X_j = E(Y_j) xor Y_(j-1),
    /// Y_0 = 0.
    /// </summary>
    public void LegacyReceive(Span<byte> data)
    {
        int b = BlockSize;
        byte[] previous = new byte[b];
        for (int p = 0; p < data.Length; p += b)
        {
            Span<byte> block = data.Slice(p, b);
            byte[] sent = block.ToArray();
            byte[] e = Encrypt(block);
            for (int i = 0; i < b; i++)
            {
                block[i] = (byte)(e[i] ^ previous[i]);
            }

            previous = sent;
        }
    }

    /// <summary>CMAC (SP 800-38B §6.2) of <paramref name="message"/> chained from <paramref name="iv"/>, which becomes the MAC.</summary>
    public byte[] Cmac(byte[] iv, ReadOnlySpan<byte> message)
    {
        int b = BlockSize;
        byte[] k1 = Double(Encrypt(new byte[b]));
        byte[] k2 = Double(k1);
        int blocks = Math.Max(1, (message.Length + b - 1) / b);
        bool complete = message.Length > 0 && message.Length % b == 0;
        byte[] m = new byte[blocks * b];
        message.CopyTo(m);
        if (!complete)
        {
            m[message.Length] = 0x80;
        }

        byte[] subkey = complete ? k1 : k2;
        for (int i = 0; i < b; i++)
        {
            m[m.Length - b + i] ^= subkey[i];
        }

        CbcEncrypt(iv, m);
        return (byte[])iv.Clone();
    }

    /// <inheritdoc />
    public void Dispose() => _algorithm.Dispose();

    private byte[] Double(byte[] value)
    {
        byte[] result = new byte[value.Length];
        for (int i = 0; i < value.Length; i++)
        {
            int next = i + 1 < value.Length ? value[i + 1] >> 7 : 0;
            result[i] = (byte)((value[i] << 1) | next);
        }

        if ((value[0] & 0x80) != 0)
        {
            result[^1] ^= (byte)(value.Length == 16 ? 0x87 : 0x1B);
        }

        return result;
    }
}
