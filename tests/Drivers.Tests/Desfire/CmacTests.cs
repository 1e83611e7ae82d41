using System;
using System.Security.Cryptography;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>CMAC (NIST SP 800-38B); AES vectors from RFC 4493 §4 (identical to SP 800-38B Appendix D.1).</summary>
public sealed class CmacTests
{
    private const string RfcKey = "2b7e151628aed2a6abf7158809cf4f3c";

    private const string RfcMessage =
        "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
        "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710";

    private static Cmac AesCmac(string key)
    {
        var aes = new Aes128();
        aes.SetKey(Hex.Bytes(key), 0);
        var cmac = new Cmac(aes);
        cmac.DeriveSubkeys();
        return cmac;
    }

    [Fact]
    public void RFC_4493_subkey_generation_gives_K1_fbeed618_and_K2_f7ddac30()
    {
        Cmac cmac = AesCmac(RfcKey);
        byte[] k1 = new byte[16];
        byte[] k2 = new byte[16];
        cmac.GetSubkey1(k1, 0);
        cmac.GetSubkey2(k2, 0);
        Assert.Equal("FBEED618357133667C85E08F7236A8DE", Hex.Of(k1));
        Assert.Equal("F7DDAC306AE266CCF90BC11EE46D513B", Hex.Of(k2));
    }

    [Theory]
    [InlineData(0, "BB1D6929E95937287FA37D129B756746")] // RFC 4493 Example 1, empty message
    [InlineData(16, "070A16B46B4D4144F79BDD9DD04A287C")] // Example 2
    [InlineData(40, "DFA66747DE9AE63030CA32611497C827")] // Example 3
    [InlineData(64, "51F0BEBF7E3B9D92FC49741779363CFE")] // Example 4
    public void RFC_4493_AES_CMAC_examples(int length, string expected)
    {
        Cmac cmac = AesCmac(RfcKey);
        byte[] message = Hex.Bytes("FF" + RfcMessage);
        byte[] mac = new byte[18];
        cmac.Compute(message, 1, length, mac, 1);
        Assert.Equal(expected, Hex.Of(mac, 1, 16));
        Assert.Equal(0, mac[0]);
        Assert.Equal(0, mac[17]);
    }

    [Fact]
    public void A_zero_chaining_value_gives_the_standard_MAC_and_is_replaced_by_it()
    {
        Cmac cmac = AesCmac(RfcKey);
        byte[] iv = new byte[16];
        byte[] mac = new byte[16];
        cmac.Compute(iv, Hex.Bytes(RfcMessage), 0, 16, mac, 0);
        Assert.Equal("070A16B46B4D4144F79BDD9DD04A287C", Hex.Of(mac));
        Assert.Equal(mac, iv);
    }

    [Fact]
    public void A_nonzero_chaining_value_is_XORed_into_the_first_block_as_DESFire_EV1_chains_it()
    {
        // CMAC_iv(M) for a one-block message equals CMAC_0(M xor iv): the chaining value enters as C_0 (SP 800-38B §6.2 step 6).
        Cmac cmac = AesCmac(RfcKey);
        byte[] message = Hex.Bytes(RfcMessage.Substring(0, 32));
        byte[] iv = Hex.Bytes("000102030405060708090A0B0C0D0E0F");
        byte[] xored = new byte[16];
        for (int i = 0; i < 16; i++)
        {
            xored[i] = (byte)(message[i] ^ iv[i]);
        }

        byte[] expected = new byte[16];
        cmac.Compute(xored, 0, 16, expected, 0);
        byte[] chained = new byte[16];
        cmac.Compute(iv, message, 0, 16, chained, 0);
        Assert.Equal(expected, chained);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(5)]
    public void TDEA_CMAC_uses_Rb_0x1B_and_matches_a_CBC_MAC_built_from_the_platform_TripleDES(int length)
    {
        // Independent construction of SP 800-38B §6.1/§6.2 for b = 64 with the platform cipher as oracle.
        byte[] key = Hex.Bytes("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");
        byte[] message = Hex.Bytes(RfcMessage).AsSpan(0, length).ToArray();
        using var reference = TripleDES.Create();
        reference.Key = key;
        byte[] l = reference.EncryptEcb(new byte[8], PaddingMode.None);
        byte[] k1 = Double64(l);
        byte[] k2 = Double64(k1);
        int blocks = (length + 7) / 8;
        byte[] padded = new byte[blocks * 8];
        message.CopyTo(padded, 0);
        byte[] subkey = length % 8 == 0 ? k1 : k2;
        if (length % 8 != 0)
        {
            padded[length] = 0x80;
        }

        for (int i = 0; i < 8; i++)
        {
            padded[padded.Length - 8 + i] ^= subkey[i];
        }

        byte[] cbc = reference.EncryptCbc(padded, new byte[8], PaddingMode.None);
        string expected = Hex.Of(cbc, cbc.Length - 8, 8);

        var tdea = new TripleDes();
        tdea.SetKey(key, 0, 24);
        var cmac = new Cmac(tdea);
        cmac.DeriveSubkeys();
        byte[] ourK1 = new byte[8];
        cmac.GetSubkey1(ourK1, 0);
        Assert.Equal(k1, ourK1);
        byte[] mac = new byte[8];
        cmac.Compute(message, 0, length, mac, 0);
        Assert.Equal(expected, Hex.Of(mac));
    }

    [Fact]
    public void Computing_before_the_subkeys_are_derived_is_refused()
    {
        var aes = new Aes128();
        aes.SetKey(new byte[16], 0);
        Assert.Throws<InvalidOperationException>(() => new Cmac(aes).Compute(new byte[0], 0, 0, new byte[16], 0));
    }

    private static byte[] Double64(byte[] block)
    {
        ulong v = 0;
        foreach (byte b in block)
        {
            v = (v << 8) | b;
        }

        ulong doubled = (v << 1) ^ ((v >> 63) != 0 ? 0x1BUL : 0UL);
        byte[] result = new byte[8];
        for (int i = 7; i >= 0; i--)
        {
            result[i] = (byte)doubled;
            doubled >>= 8;
        }

        return result;
    }

    /// <summary>
    /// NXP AN12196 (NTAG 424 DNA features and hints, rev. 1.8) works an AES authentication through with key 00..00,
    /// RndA 13C5DB8A5930439FC3DEF9A4C675360F and RndB B9E2FC789B64BF237CCCAA20EC7E6E48 and publishes the session keys,
    /// each an AES-CMAC over a 32-byte session vector SV = label || 00 01 00 80 || RndA[15..14] || (RndA[13..8] XOR
    /// RndB[15..10]) || RndB[9..0] || RndA[7..0]. The derivation is EV2's, but the CMAC is the one DESFire EV1 secure
    /// messaging uses: an NXP-published CMAC vector over two full blocks.
    /// </summary>
    [Theory]
    [InlineData("A55A", "1309C877509E5A215007FF0ED19CA564")] // SesAuthENCKey
    [InlineData("5AA5", "4C6626F5E72EA694202139295C7A7FC7")] // SesAuthMACKey
    public void AES_CMAC_gives_the_session_keys_of_the_NXP_AN12196_AuthenticateEV2First_example(string label, string expected)
    {
        byte[] rndA = Hex.Bytes("13C5DB8A5930439FC3DEF9A4C675360F");
        byte[] rndB = Hex.Bytes("B9E2FC789B64BF237CCCAA20EC7E6E48");
        byte[] sv = new byte[32];
        Hex.Bytes(label).CopyTo(sv, 0);
        Hex.Bytes("00010080").CopyTo(sv, 2);
        sv[6] = rndA[0];
        sv[7] = rndA[1];
        for (int i = 0; i < 6; i++)
        {
            sv[8 + i] = (byte)(rndA[2 + i] ^ rndB[i]);
        }

        Array.Copy(rndB, 6, sv, 14, 10);
        Array.Copy(rndA, 8, sv, 24, 8);
        byte[] mac = new byte[16];

        AesCmac("00000000000000000000000000000000").Compute(sv, 0, sv.Length, mac, 0);

        Assert.Equal(expected, Hex.Of(mac));
    }
}
