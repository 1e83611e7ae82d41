using System;
using System.Security.Cryptography;
using Wallbox.Drivers.Desfire.Crypto;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>AES-128 (FIPS-197).</summary>
public sealed class Aes128Tests
{
    [Fact]
    public void FIPS_197_Appendix_C1_example_vector_encrypts_and_decrypts()
    {
        var aes = new Aes128();
        aes.SetKey(Hex.Bytes("000102030405060708090a0b0c0d0e0f"), 0);
        byte[] block = Hex.Bytes("00112233445566778899aabbccddeeff");

        aes.EncryptBlock(block, 0, block, 0);
        Assert.Equal("69C4E0D86A7B0430D8CDB78070B4C55A", Hex.Of(block));

        aes.DecryptBlock(block, 0, block, 0);
        Assert.Equal("00112233445566778899AABBCCDDEEFF", Hex.Of(block));
    }

    [Fact]
    public void FIPS_197_Appendix_B_cipher_example_gives_3925841d02dc09fbdc118597196a0b32()
    {
        var aes = new Aes128();
        aes.SetKey(Hex.Bytes("2b7e151628aed2a6abf7158809cf4f3c"), 0);
        byte[] output = new byte[16];
        aes.EncryptBlock(Hex.Bytes("3243f6a8885a308d313198a2e0370734"), 0, output, 0);
        Assert.Equal("3925841D02DC09FBDC118597196A0B32", Hex.Of(output));

        byte[] back = new byte[16];
        aes.DecryptBlock(output, 0, back, 0);
        Assert.Equal("3243F6A8885A308D313198A2E0370734", Hex.Of(back));
    }

    [Fact]
    public void Key_and_blocks_are_read_and_written_at_their_offsets()
    {
        var aes = new Aes128();
        byte[] key = Hex.Bytes("EEEE" + "000102030405060708090a0b0c0d0e0f");
        aes.SetKey(key, 2);
        byte[] input = Hex.Bytes("AA" + "00112233445566778899aabbccddeeff");
        byte[] output = new byte[20];
        aes.EncryptBlock(input, 1, output, 3);
        Assert.Equal("000000" + "69C4E0D86A7B0430D8CDB78070B4C55A" + "00", Hex.Of(output));
    }

    [Fact]
    public void Agrees_with_the_platform_AES_on_random_keys_and_blocks()
    {
        var random = new Random(8);
        using var reference = System.Security.Cryptography.Aes.Create();
        var aes = new Aes128();
        for (int n = 0; n < 200; n++)
        {
            byte[] key = new byte[16];
            byte[] block = new byte[16];
            random.NextBytes(key);
            random.NextBytes(block);
            reference.Key = key;
            aes.SetKey(key, 0);

            byte[] ours = new byte[16];
            aes.EncryptBlock(block, 0, ours, 0);
            Assert.Equal(reference.EncryptEcb(block, PaddingMode.None), ours);
            aes.DecryptBlock(ours, 0, ours, 0);
            Assert.Equal(block, ours);
        }
    }

    [Fact]
    public void Using_the_cipher_before_a_key_is_set_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new Aes128().EncryptBlock(new byte[16], 0, new byte[16], 0));
    }
}
