using System;
using System.Security.Cryptography;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>DES (FIPS 46-3) and TDEA (NIST SP 800-67).</summary>
public sealed class DesTests
{
    [Fact]
    public void The_classic_worked_example_key_133457799BBCDFF1_enciphers_0123456789ABCDEF_to_85E813540F0AB405()
    {
        // The step-by-step DES example (J. Orlin Grabbe, "The DES Algorithm Illustrated").
        var des = new Des();
        des.SetKey(Hex.Bytes("133457799BBCDFF1"), 0);
        byte[] block = Hex.Bytes("0123456789ABCDEF");
        des.EncryptBlock(block, 0, block, 0);
        Assert.Equal("85E813540F0AB405", Hex.Of(block));
        des.DecryptBlock(block, 0, block, 0);
        Assert.Equal("0123456789ABCDEF", Hex.Of(block));
    }

    [Theory]
    // NBS Special Publication 500-20 / NIST SP 800-17 variable-plaintext known-answer test, key 0101010101010101.
    [InlineData("0101010101010101", "8000000000000000", "95F8A5E5DD31D900")]
    [InlineData("0101010101010101", "4000000000000000", "DD7F121CA5015619")]
    [InlineData("0101010101010101", "0000000000000001", "166B40B44ABA4BD6")]
    // NIST SP 800-17 Table A.4 / SP 500-20 substitution-table known-answer test (first entry).
    [InlineData("7CA110454A1A6E57", "01A1D6D039776742", "690F5B0D9A26939B")]
    [InlineData("0131D9619DC1376E", "5CD54CA83DEF57DA", "7A389D10354BD271")]
    public void SP_800_17_known_answer_tests(string key, string plaintext, string ciphertext)
    {
        var des = new Des();
        des.SetKey(Hex.Bytes(key), 0);
        byte[] block = Hex.Bytes(plaintext);
        des.EncryptBlock(block, 0, block, 0);
        Assert.Equal(ciphertext, Hex.Of(block));
    }

    [Fact]
    public void Rivest_iterative_test_of_DES_reaches_1B1A2DDB4C642438()
    {
        // R. L. Rivest, "Testing implementations of DES" (1985): X0 = 9474B8E8C73BCA7D,
        // X(i+1) = E_Xi(Xi) for even i, D_Xi(Xi) for odd i; X16 = 1B1A2DDB4C642438.
        var des = new Des();
        byte[] x = Hex.Bytes("9474B8E8C73BCA7D");
        for (int i = 0; i < 16; i++)
        {
            des.SetKey(x, 0);
            if (i % 2 == 0)
            {
                des.EncryptBlock(x, 0, x, 0);
            }
            else
            {
                des.DecryptBlock(x, 0, x, 0);
            }
        }

        Assert.Equal("1B1A2DDB4C642438", Hex.Of(x));
    }

    [Fact]
    public void SP_800_67_Appendix_B_three_key_TDEA_example_ECB()
    {
        // NIST SP 800-67 Rev. 1 Appendix B: keys 0123456789ABCDEF, 23456789ABCDEF01, 456789ABCDEF0123,
        // plaintext "The qufck brown fox jump".
        var tdea = new TripleDes();
        tdea.SetKey(Hex.Bytes("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123"), 0, 24);
        byte[] data = "The qufck brown fox jump"u8.ToArray();
        for (int p = 0; p < data.Length; p += 8)
        {
            tdea.EncryptBlock(data, p, data, p);
        }

        Assert.Equal("A826FD8CE53B855FCCE21C8112256FE668D5C05DD9B6B900", Hex.Of(data));
        for (int p = 0; p < data.Length; p += 8)
        {
            tdea.DecryptBlock(data, p, data, p);
        }

        Assert.Equal("The qufck brown fox jump"u8.ToArray(), data);
    }

    [Fact]
    public void Two_key_TDEA_with_equal_halves_is_single_DES_as_DESFire_stores_DES_keys()
    {
        var tdea = new TripleDes();
        tdea.SetKey(Hex.Bytes("133457799BBCDFF1133457799BBCDFF1"), 0);
        byte[] block = Hex.Bytes("0123456789ABCDEF");
        tdea.EncryptBlock(block, 0, block, 0);
        Assert.Equal("85E813540F0AB405", Hex.Of(block));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    public void TDEA_agrees_with_the_platform_TripleDES_on_random_keys(int keyLength)
    {
        var random = new Random(keyLength);
        using var reference = System.Security.Cryptography.TripleDES.Create();
        var tdea = new TripleDes();
        for (int n = 0; n < 100; n++)
        {
            byte[] key = new byte[keyLength];
            random.NextBytes(key);
            byte[] block = new byte[8];
            random.NextBytes(block);
            if (TripleDES.IsWeakKey(key))
            {
                continue;
            }

            // This host's OpenSSL refuses 16-byte bundles, so keying option 2 is given to it as K1 ‖ K2 ‖ K1.
            reference.Key = keyLength == 16 ? [.. key, .. key.AsSpan(0, 8)] : key;
            tdea.SetKey(key, 0, keyLength);
            byte[] ours = new byte[8];
            tdea.EncryptBlock(block, 0, ours, 0);
            Assert.Equal(reference.EncryptEcb(block, PaddingMode.None), ours);
            tdea.DecryptBlock(ours, 0, ours, 0);
            Assert.Equal(block, ours);
        }
    }

    [Fact]
    public void TDEA_key_bundles_other_than_16_or_24_bytes_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TripleDes().SetKey(new byte[24], 0, 8));
    }
}
