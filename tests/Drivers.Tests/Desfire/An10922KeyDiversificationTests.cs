using System;
using Wallbox.Drivers.Desfire;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>
/// NXP AN10922 "Symmetric key diversifications": the §2.2.1 AES-128 example and the 2TDEA and 3TDEA examples.
/// </summary>
/// <remarks>
/// The AN10922 PDF is not quoted here directly. The TDEA example values are as published in libfreefare
/// (nfc-tools/libfreefare, test/test_mifare_key_deriver_an10922.c, "from NXP's AN10922, section 2.4.1" for 2TDEA and
/// "2.5.1" for 3TDEA) and in libspookyaction (mittelab/libspookyaction, tests/ut/test_desfire_ciphers.cpp, test cases
/// "2K3DES KDF" and "3K3DES KDF" of its kdf_an10922). Both use the AES example's UID 04782E21801D80 and AID bytes 30 42
/// F5 and shorten the system identifier so that M fits the TDEA limit of 15 bytes: "NXP A" (4E58502041) for 2TDEA,
/// "NXP" (4E5850) for 3TDEA. Parity bits: the published keys carry the master key's version (0x55 for 0011…77) in the
/// least significant bits of their first eight bytes, the rest being the raw CMAC output. libspookyaction's values are
/// exactly that; libfreefare's 3TDEA value is the same, its 2TDEA value also sets bytes 8..15's parity bits (to the
/// inverted version), so that one is compared with those eight bits masked.
/// </remarks>
public sealed class An10922KeyDiversificationTests
{
    private const string Uid = "04782E21801D80";
    private const int Aid = 0xF54230;
    private const string TwoKeyMaster = "00112233445566778899AABBCCDDEEFF";
    private const string ThreeKeyMaster = "00112233445566778899AABBCCDDEEFF0102030405060708";

    [Fact]
    public void Aes_key_diversified_as_in_NXP_AN10922_section_2_2_1_example_gives_A8DD63A3B89D54B37CA802473FDA9175()
    {
        // Master key 00112233445566778899AABBCCDDEEFF, UID 04782E21801D80, AID 3042F5, system identifier "NXP Abu".
        byte[] m = new byte[31];
        int length = An10922KeyDiversification.BuildInput(Hex.Bytes("04782E21801D80"), 0, 7, 0xF54230, Hex.Bytes("4E585020416275"), m, 0);
        Assert.Equal("04782E21801D803042F54E585020416275", Hex.Of(m, 0, length));

        byte[] key = new byte[18];
        new An10922KeyDiversification().DiversifyAes128(Hex.Bytes("00112233445566778899AABBCCDDEEFF"), 0, m, 0, length, key, 1);
        Assert.Equal("A8DD63A3B89D54B37CA802473FDA9175", Hex.Of(key, 1, 16));
    }

    [Fact]
    public void NXP_AN10922_section_2_2_1_CMAC_subkeys_of_the_master_key_are_FBC9F75C_and_F793EEB9()
    {
        var aes = new Aes128();
        aes.SetKey(Hex.Bytes("00112233445566778899AABBCCDDEEFF"), 0);
        var cmac = new Cmac(aes);
        cmac.DeriveSubkeys();
        byte[] k1 = new byte[16];
        byte[] k2 = new byte[16];
        cmac.GetSubkey1(k1, 0);
        cmac.GetSubkey2(k2, 0);
        Assert.Equal("FBC9F75C9413C041DFEE452D3F0706D1", Hex.Of(k1));
        Assert.Equal("F793EEB928278083BFDC8A5A7E0E0D25", Hex.Of(k2));
    }

    [Fact]
    public void A_full_31_byte_input_is_not_padded_and_uses_subkey_K1()
    {
        // Independent construction: AES-CBC (IV 0) of 01 ‖ M with K1 XORed into the last block, via the platform AES.
        byte[] master = Hex.Bytes("00112233445566778899AABBCCDDEEFF");
        byte[] m = new byte[31];
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = (byte)i;
        }

        byte[] d = new byte[32];
        d[0] = 0x01;
        m.CopyTo(d, 1);
        byte[] k1 = Hex.Bytes("FBC9F75C9413C041DFEE452D3F0706D1");
        for (int i = 0; i < 16; i++)
        {
            d[16 + i] ^= k1[i];
        }

        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = master;
        byte[] cbc = aes.EncryptCbc(d, new byte[16], System.Security.Cryptography.PaddingMode.None);

        byte[] key = new byte[16];
        new An10922KeyDiversification().DiversifyAes128(master, 0, m, 0, 31, key, 0);
        Assert.Equal(Hex.Of(cbc, 16, 16), Hex.Of(key));
    }

    [Fact]
    public void Inputs_longer_than_31_bytes_are_refused()
    {
        Assert.Equal(-1, An10922KeyDiversification.BuildInput(new byte[7], 0, 7, 1, new byte[22], new byte[40], 0));
    }

    [Fact]
    public void TwoKey_TDEA_key_diversified_as_in_NXP_AN10922_example_gives_16F9587D9E8910C96B9648D006107DD7()
    {
        // Master key 00112233445566778899AABBCCDDEEFF, M = UID ‖ AID ‖ "NXP A" (15 bytes, so 0x21/0x22 ‖ M is two full
        // blocks and takes K1). Exactly libspookyaction's value; libfreefare's differs only in bytes 8..15's parity bits.
        byte[] m = new byte[31];
        int length = An10922KeyDiversification.BuildInput(Hex.Bytes(Uid), 0, 7, Aid, Hex.Bytes("4E58502041"), m, 0);
        Assert.Equal("04782E21801D803042F54E58502041", Hex.Of(m, 0, length));

        byte[] key = new byte[18];
        new An10922KeyDiversification().DiversifyTwoKeyTripleDes(Hex.Bytes(TwoKeyMaster), 0, m, 0, length, key, 1);

        Assert.Equal("16F9587D9E8910C96B9648D006107DD7", Hex.Of(key, 1, 16));
        Assert.Equal(Masked("16F9587D9E8910C96B9649D007107DD6", 8), Masked(Hex.Of(key, 1, 16), 8));
    }

    [Fact]
    public void ThreeKey_TDEA_key_diversified_as_in_NXP_AN10922_example_gives_2E0DD03774D3FA9B5705AB0BDA91CA0B55B8E07FCDBF10EC()
    {
        // Master key 00112233445566778899AABBCCDDEEFF0102030405060708, M = UID ‖ AID ‖ "NXP" (13 bytes, so 0x31..0x33 ‖ M
        // is padded and takes K2). libfreefare and libspookyaction publish the same value.
        byte[] m = new byte[31];
        int length = An10922KeyDiversification.BuildInput(Hex.Bytes(Uid), 0, 7, Aid, Hex.Bytes("4E5850"), m, 0);
        Assert.Equal("04782E21801D803042F54E5850", Hex.Of(m, 0, length));

        byte[] key = new byte[24];
        new An10922KeyDiversification().Diversify(DesfireKeyType.ThreeKeyTripleDes, Hex.Bytes(ThreeKeyMaster), 0, m, 0, length, key, 0);

        Assert.Equal("2E0DD03774D3FA9B5705AB0BDA91CA0B55B8E07FCDBF10EC", Hex.Of(key));
    }

    [Fact]
    public void The_TDEA_card_key_carries_the_master_keys_version_in_the_parity_bits_of_its_first_eight_bytes()
    {
        // The same DES keys with the parity bits of the first eight bytes flipped: version 0xAA instead of 0x55. Only
        // those eight bits of the card key change.
        byte[] m = new byte[31];
        int length = An10922KeyDiversification.BuildInput(Hex.Bytes(Uid), 0, 7, Aid, Hex.Bytes("4E58502041"), m, 0);
        byte[] key = new byte[16];
        new An10922KeyDiversification().DiversifyTwoKeyTripleDes(Hex.Bytes("01102332455467768899AABBCCDDEEFF"), 0, m, 0, length, key, 0);

        Assert.Equal("17F8597C9F8811C86B9648D006107DD7", Hex.Of(key));
    }

    public static TheoryData<DesfireKeyType, string, int> TdeaInputs => new()
    {
        { DesfireKeyType.TwoKeyTripleDes, TwoKeyMaster, 1 },
        { DesfireKeyType.TwoKeyTripleDes, TwoKeyMaster, 14 },
        { DesfireKeyType.TwoKeyTripleDes, TwoKeyMaster, 15 },
        { DesfireKeyType.ThreeKeyTripleDes, ThreeKeyMaster, 6 },
        { DesfireKeyType.ThreeKeyTripleDes, ThreeKeyMaster, 15 },
    };

    [Theory]
    [MemberData(nameof(TdeaInputs))]
    public void Each_TDEA_key_part_is_TDEA_CBC_of_its_constant_and_M_taken_to_two_blocks_apart_from_the_version_bits(DesfireKeyType type, string masterHex, int inputLength)
    {
        // Independent construction with the platform TDEA: parts for 0x21, 0x22 (2TDEA) or 0x31..0x33 (3TDEA), each the
        // second block of CBC (IV 0) over C ‖ M, padded 80 00.. to 16 bytes with K2 XORed into the second block, or
        // with K1 when C ‖ M is exactly 16 bytes; subkeys of NIST SP 800-38B with Rb = 0x1B.
        byte[] master = Hex.Bytes(masterHex);
        byte[] m = new byte[inputLength];
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = (byte)(0xA0 + i);
        }

        using var tdes = System.Security.Cryptography.TripleDES.Create();
        tdes.Key = master.Length == 24 ? master : [.. master, .. master[..8]];
        byte[] k1 = Double(tdes.EncryptEcb(new byte[8], System.Security.Cryptography.PaddingMode.None));
        byte[] k2 = Double(k1);
        int parts = master.Length / 8;
        byte first = (byte)(parts == 2 ? 0x21 : 0x31);
        byte[] expected = new byte[master.Length];
        for (int p = 0; p < parts; p++)
        {
            byte[] d = new byte[16];
            d[0] = (byte)(first + p);
            m.CopyTo(d, 1);
            byte[] subkey = k1;
            if (1 + inputLength < 16)
            {
                d[1 + inputLength] = 0x80;
                subkey = k2;
            }

            for (int i = 0; i < 8; i++)
            {
                d[8 + i] ^= subkey[i];
            }

            byte[] cbc = tdes.EncryptCbc(d, new byte[8], System.Security.Cryptography.PaddingMode.None);
            Array.Copy(cbc, 8, expected, 8 * p, 8);
        }

        byte[] key = new byte[master.Length];
        new An10922KeyDiversification().Diversify(type, master, 0, m, 0, inputLength, key, 0);

        Assert.Equal(Masked(Hex.Of(expected), 0), Masked(Hex.Of(key), 0));
        Assert.Equal(Hex.Of(expected, 8), Hex.Of(key, 8));
    }

    [Theory]
    [InlineData(DesfireKeyType.TwoKeyTripleDes, 16, 16)]
    [InlineData(DesfireKeyType.ThreeKeyTripleDes, 24, 16)]
    [InlineData(DesfireKeyType.TwoKeyTripleDes, 16, 0)]
    [InlineData(DesfireKeyType.Aes128, 16, 32)]
    [InlineData(DesfireKeyType.Des, 8, 10)]
    public void Inputs_outside_the_AN10922_lengths_of_the_key_type_and_single_DES_keys_are_refused(DesfireKeyType type, int keyLength, int inputLength)
    {
        byte[] input = new byte[40];
        Assert.Throws<ArgumentException>(() => new An10922KeyDiversification().Diversify(type, new byte[keyLength], 0, input, 0, inputLength, new byte[24], 0));
    }

    [Fact]
    public void The_longest_inputs_are_31_bytes_for_AES_15_for_TDEA_and_none_for_single_DES()
    {
        Assert.Equal(31, An10922KeyDiversification.MaxInputLengthFor(DesfireKeyType.Aes128));
        Assert.Equal(15, An10922KeyDiversification.MaxInputLengthFor(DesfireKeyType.TwoKeyTripleDes));
        Assert.Equal(15, An10922KeyDiversification.MaxInputLengthFor(DesfireKeyType.ThreeKeyTripleDes));
        Assert.Equal(0, An10922KeyDiversification.MaxInputLengthFor(DesfireKeyType.Des));
    }

    /// <summary>Hex with the parity (least significant) bit of every byte from <paramref name="fromByte"/> on cleared.</summary>
    private static string Masked(string hex, int fromByte)
    {
        byte[] bytes = Hex.Bytes(hex);
        for (int i = fromByte; i < bytes.Length; i++)
        {
            bytes[i] &= 0xFE;
        }

        return Hex.Of(bytes);
    }

    /// <summary>SP 800-38B §6.1 doubling for 64-bit blocks: shift left by one, XOR 0x1B into the last byte on carry.</summary>
    private static byte[] Double(byte[] block)
    {
        byte[] result = new byte[8];
        for (int i = 0; i < 8; i++)
        {
            result[i] = (byte)((block[i] << 1) | (i < 7 ? block[i + 1] >> 7 : 0));
        }

        if ((block[0] & 0x80) != 0)
        {
            result[7] ^= 0x1B;
        }

        return result;
    }
}
