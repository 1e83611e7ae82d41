using System;
using System.Security.Cryptography;
using System.Text;
using Wallbox.Drivers.WebSocket;

namespace Wallbox.Drivers.Tests.WebSocket;

public sealed class Sha1Tests
{
    // FIPS 180-4 examples (NIST "Cryptographic Standards and Guidelines: Examples with Intermediate Values", SHA1.pdf,
    // SHA1ShortMsg/LongMsg), plus the empty message of FIPS 180-2 Appendix A's companion vectors.
    [Theory]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "a49b2446a02c645bf419f995b67091253a04a259")]
    public void FIPS_180_4_test_vectors(string message, string digestHex)
    {
        Assert.Equal(digestHex, Hash(Encoding.ASCII.GetBytes(message), 64));
    }

    [Fact]
    public void FIPS_180_4_one_million_a()
    {
        byte[] message = new byte[1_000_000];
        Array.Fill(message, (byte)'a');
        Assert.Equal("34aa973cd4c4daa4f61eeb2bdbad27316534016f", Hash(message, 1000));
    }

    [Fact]
    public void Messages_around_the_padding_boundaries_fed_in_odd_pieces_match_the_platform_hash()
    {
        var random = new Random(7);
        foreach (int length in new[] { 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000 })
        {
            byte[] message = new byte[length];
            random.NextBytes(message);
            Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(message)), Hash(message, 1 + (length % 13)));
        }
    }

    [Fact]
    public void Finish_resets_so_the_instance_hashes_the_next_message_from_scratch()
    {
        var sha1 = new Sha1();
        var digest = new byte[Sha1.DigestBytes];
        byte[] abc = Encoding.ASCII.GetBytes("abc");
        sha1.Update(abc, 0, 3);
        sha1.Finish(digest, 0);
        sha1.Update(abc, 0, 3);
        sha1.Finish(digest, 0);
        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", Convert.ToHexStringLower(digest));
    }

    private static string Hash(byte[] message, int piece)
    {
        var sha1 = new Sha1();
        for (int offset = 0; offset < message.Length; offset += piece)
        {
            sha1.Update(message, offset, Math.Min(piece, message.Length - offset));
        }

        var digest = new byte[Sha1.DigestBytes + 3];
        sha1.Finish(digest, 3);
        return Convert.ToHexStringLower(digest, 3, Sha1.DigestBytes);
    }
}
