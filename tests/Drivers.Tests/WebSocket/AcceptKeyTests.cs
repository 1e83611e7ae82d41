using System;
using Wallbox.Drivers.WebSocket;

namespace Wallbox.Drivers.Tests.WebSocket;

public sealed class AcceptKeyTests
{
    [Fact]
    public void RFC_6455_4_2_2_example_key_gives_the_example_accept_value()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", AcceptKey.Compute("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    [Fact]
    public void A_key_is_base64_of_16_random_bytes_and_differs_per_connection()
    {
        var random = new Random(5);
        var nonce = new byte[16];
        string first = AcceptKey.CreateKey(random, nonce);
        string second = AcceptKey.CreateKey(random, nonce);

        Assert.Equal(24, first.Length);
        Assert.Equal(16, Convert.FromBase64String(first).Length);
        Assert.NotEqual(first, second);
    }
}
