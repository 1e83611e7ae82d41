using Wallbox.Firmware.Ocpp.Messages;

namespace Wallbox.Firmware.Tests.Ocpp.Messages;

/// <summary>The value rules decoding and validation share: code points, URIs, multipleOf; and the error path.</summary>
public sealed class OcppFieldCheckTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("Grüße", 5)]
    [InlineData("😀", 1)]
    [InlineData("a😀b😀", 4)]
    public void Lengths_are_counted_in_code_points_as_JSON_Schema_counts_maxLength(string text, int expected)
    {
        Assert.Equal(expected, OcppFieldCheck.CodePointLength(text));
    }

    [Fact]
    public void An_unpaired_surrogate_counts_as_one_code_point()
    {
        const char high = '\uD83D';
        const char low = '\uDE00';

        Assert.Equal(1, OcppFieldCheck.CodePointLength(high.ToString()));
        Assert.Equal(2, OcppFieldCheck.CodePointLength(new string(new[] { low, high })));
        Assert.Equal(2, OcppFieldCheck.CodePointLength(new string(new[] { high, low, low })));
    }

    [Theory]
    [InlineData("https://example.org/fw.bin", true)]
    [InlineData("ftp://user:pw@host:21/a/b?x=1&y=%20#frag", true)]
    [InlineData("urn:isbn:0451450523", true)]
    [InlineData("a:", true)]
    [InlineData("http://[::1]:8080/", true)]
    [InlineData("", false)]
    [InlineData("/relative/path", false)]
    [InlineData("1http://x", false)]
    [InlineData("http//missing-colon", false)]
    [InlineData("http://exa mple.org", false)]
    [InlineData("http://example.org/%zz", false)]
    [InlineData("http://example.org/%2", false)]
    [InlineData("http://example.org/#a#b", false)]
    [InlineData("http://example.org/\"q\"", false)]
    [InlineData("http://bücher.example/", false)]
    public void A_URI_has_a_scheme_and_only_URI_characters(string text, bool expected)
    {
        Assert.Equal(expected, OcppFieldCheck.IsUri(text));
    }

    [Theory]
    [InlineData(16.1, true)]
    [InlineData(0.3, true)]
    [InlineData(-2.7, true)]
    [InlineData(0, true)]
    [InlineData(32, true)]
    [InlineData(16.05, false)]
    [InlineData(0.11, false)]
    public void Multiples_of_0_1_are_recognised_despite_binary_floating_point(double value, bool expected)
    {
        Assert.Equal(expected, OcppFieldCheck.IsMultipleOf(value, 0.1));
    }

    [Fact]
    public void The_path_names_properties_and_array_indexes_and_only_what_is_still_entered()
    {
        var path = new OcppPayloadPath();
        Assert.Equal("payload", path.Describe(null));
        Assert.Equal("status", path.Describe("status"));

        path.Push("meterValue");
        path.SetIndex(0);
        path.Push("sampledValue");
        path.SetIndex(12);
        Assert.Equal("meterValue[0].sampledValue[12].unit", path.Describe("unit"));
        Assert.Equal("meterValue[0].sampledValue[12]", path.Describe(null));

        path.Pop();
        path.SetIndex(1);
        Assert.Equal("meterValue[1].timestamp", path.Describe("timestamp"));

        path.Clear();
        Assert.Equal(0, path.Depth);
        Assert.Equal("idTag", path.Describe("idTag"));
    }

    [Fact]
    public void A_path_deeper_than_its_capacity_is_cut_with_an_ellipsis()
    {
        var path = new OcppPayloadPath();
        for (int i = 0; i < OcppPayloadPath.Capacity + 2; i++)
        {
            path.Push("a");
        }

        Assert.EndsWith(".a....x", path.Describe("x"), System.StringComparison.Ordinal);
        Assert.Equal(OcppPayloadPath.Capacity + 2, path.Depth);
    }
}
