using System;
using System.Text;
using Wallbox.Drivers.WebSocket;

namespace Wallbox.Drivers.Tests.WebSocket;

public sealed class Utf8ValidatorTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData("48656C6C6F", true)] // Hello
    [InlineData("CEBAE1BDB9CF83CEBCCEB5", true)] // κόσμε (Autobahn 6.2.1)
    [InlineData("F0908080", true)] // U+10000
    [InlineData("F48FBFBF", true)] // U+10FFFF
    [InlineData("EFBFBF", true)] // U+FFFF (a noncharacter, but well-formed)
    [InlineData("C0AF", false)] // overlong '/'
    [InlineData("E080AF", false)] // overlong
    [InlineData("F08080AF", false)] // overlong
    [InlineData("EDA080", false)] // surrogate U+D800
    [InlineData("EDBFBF", false)] // surrogate U+DFFF
    [InlineData("F4908080", false)] // above U+10FFFF
    [InlineData("F5", false)]
    [InlineData("FF", false)]
    [InlineData("80", false)] // lone continuation
    [InlineData("CE", false)] // truncated sequence
    [InlineData("E1BD", false)]
    public void Well_formed_UTF8_per_RFC_3629_section_4(string hex, bool valid)
    {
        byte[] bytes = Convert.FromHexString(hex);
        Assert.Equal(valid, new Utf8Validator().IsValid(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Random_byte_strings_fed_in_pieces_agree_with_the_platforms_strict_decoder()
    {
        var strict = new UTF8Encoding(false, true);
        var random = new Random(2024);
        for (int run = 0; run < 20_000; run++)
        {
            byte[] bytes = RandomUtf8ish(random);
            bool expected;
            try
            {
                strict.GetString(bytes);
                expected = true;
            }
            catch (DecoderFallbackException)
            {
                expected = false;
            }

            var validator = new Utf8Validator();
            bool ok = true;
            for (int i = 0; i < bytes.Length && ok; i += 3)
            {
                ok = validator.Feed(bytes, i, Math.Min(3, bytes.Length - i));
            }

            Assert.True(expected == (ok && validator.IsComplete), Convert.ToHexString(bytes));
        }
    }

    // Mostly valid text with a sprinkling of boundary bytes, so both outcomes are frequent.
    private static byte[] RandomUtf8ish(Random random)
    {
        int[] interesting = { 0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF };
        var text = new StringBuilder();
        int length = random.Next(0, 8);
        for (int i = 0; i < length; i++)
        {
            text.Append(char.ConvertFromUtf32(random.Next(4) switch { 0 => random.Next(0x20, 0x7F), 1 => random.Next(0x80, 0x800), 2 => random.Next(0xE000, 0x10000), _ => random.Next(0x10000, 0x110000) }));
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        if (bytes.Length > 0 && random.Next(2) == 0)
        {
            bytes[random.Next(bytes.Length)] = (byte)interesting[random.Next(interesting.Length)];
        }

        return bytes;
    }
}
