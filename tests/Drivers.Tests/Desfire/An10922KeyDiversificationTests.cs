using Wallbox.Drivers.Desfire;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>NXP AN10922 "Symmetric key diversifications" §2.2.1 AES-128 example.</summary>
public sealed class An10922KeyDiversificationTests
{
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
}
