using System;
using System.Security.Cryptography;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>CBC (NIST SP 800-38A §6.2) and the DESFire legacy send mode.</summary>
public sealed class CbcModeTests
{
    [Fact]
    public void SP_800_38A_F_2_1_CBC_AES128_encrypt_example()
    {
        // NIST SP 800-38A Appendix F.2.1 (CBC-AES128.Encrypt), also F.2.2 for the decryption.
        var aes = new Aes128();
        aes.SetKey(Hex.Bytes("2b7e151628aed2a6abf7158809cf4f3c"), 0);
        var cbc = new CbcMode(aes);
        cbc.SetIv(Hex.Bytes("000102030405060708090a0b0c0d0e0f"), 0);
        byte[] data = Hex.Bytes(
            "6bc1bee22e409f96e93d7e117393172a" + "ae2d8a571e03ac9c9eb76fac45af8e51" +
            "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710");

        cbc.Encrypt(data, 0, 64);

        Assert.Equal(
            "7649ABAC8119B246CEE98E9B12E9197D" + "5086CB9B507219EE95DB113A917678B2" +
            "73BED6B8E3C1743B7116E69E22229516" + "3FF1CAA1681FAC09120ECA307586E1A7",
            Hex.Of(data));
        byte[] iv = new byte[16];
        cbc.GetIv(iv, 0);
        Assert.Equal("3FF1CAA1681FAC09120ECA307586E1A7", Hex.Of(iv));

        cbc.SetIv(Hex.Bytes("000102030405060708090a0b0c0d0e0f"), 0);
        cbc.Decrypt(data, 0, 64);
        Assert.Equal("6BC1BEE22E409F96E93D7E117393172A", Hex.Of(data, 0, 16));
        Assert.Equal("F69F2445DF4F9B17AD2B417BE66C3710", Hex.Of(data, 48, 16));
    }

    [Fact]
    public void The_chaining_value_carries_over_between_calls_as_in_a_DESFire_EV1_session()
    {
        var aes = new Aes128();
        aes.SetKey(Hex.Bytes("2b7e151628aed2a6abf7158809cf4f3c"), 0);
        var whole = new CbcMode(aes);
        byte[] one = new byte[48];
        new Random(3).NextBytes(one);
        byte[] two = (byte[])one.Clone();

        whole.Encrypt(one, 0, 48);
        var split = new CbcMode(aes);
        split.Encrypt(two, 0, 16);
        split.Encrypt(two, 16, 32);
        Assert.Equal(one, two);

        var back = new CbcMode(aes);
        back.Decrypt(two, 0, 32);
        back.Decrypt(two, 32, 16);
        var reference = new CbcMode(aes);
        reference.Decrypt(one, 0, 48);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Legacy_send_mode_is_undone_by_the_card_side_encrypt_then_xor()
    {
        // DESFire legacy: PCD Y_j = D_K(X_j xor Y_(j-1)); card X_j = E_K(Y_j) xor Y_(j-1), with Y_0 = 0.
        byte[] key = Hex.Bytes("00112233445566778899AABBCCDDEEFF");
        var tdea = new TripleDes();
        tdea.SetKey(key, 0);
        var cbc = new CbcMode(tdea);
        byte[] plain = Hex.Bytes("0102030405060708" + "1112131415161718");
        byte[] sent = (byte[])plain.Clone();
        cbc.ResetIv();
        cbc.LegacySend(sent, 0, 16);

        using var reference = TripleDES.Create();
        reference.Key = [.. key, .. key.AsSpan(0, 8)]; // keying option 2 as K1 ‖ K2 ‖ K1 for OpenSSL
        byte[] previous = new byte[8];
        for (int p = 0; p < 16; p += 8)
        {
            byte[] e = reference.EncryptEcb(sent.AsSpan(p, 8).ToArray(), PaddingMode.None);
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(plain[p + i], (byte)(e[i] ^ previous[i]));
            }

            previous = sent.AsSpan(p, 8).ToArray();
        }
    }

    [Fact]
    public void Partial_blocks_are_refused()
    {
        var aes = new Aes128();
        aes.SetKey(new byte[16], 0);
        Assert.Throws<ArgumentException>(() => new CbcMode(aes).Encrypt(new byte[20], 0, 20));
    }
}
