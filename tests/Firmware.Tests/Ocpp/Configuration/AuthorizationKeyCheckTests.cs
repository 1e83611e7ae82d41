using Wallbox.Firmware.Ocpp.Configuration;

namespace Wallbox.Firmware.Tests.Ocpp.Configuration;

/// <summary>The rule of AuthorizationKey (FXP-K63, OCPP 1.6 security whitepaper).</summary>
public sealed class AuthorizationKeyCheckTests
{
    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF01234567")]
    [InlineData("646B327130726675327130662D326630726467")]
    [InlineData("correct-horse:battery!")]
    public void Empty_or_16_to_40_printable_characters_pass(string value)
    {
        Assert.Null(AuthorizationKeyCheck.Instance.Check(value));
    }

    [Theory]
    [InlineData("0123456789abcde", "16..40 characters")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF012345678", "16..40 characters")]
    [InlineData("0123456789 abcdef", "printable ASCII characters without spaces (character 11")]
    [InlineData("0123456789abcdef\t", "printable ASCII")]
    [InlineData("0123456789abcdefé", "printable ASCII")]
    public void Too_short_too_long_or_non_printable_fails_without_quoting_the_value(string value, string reason)
    {
        string why = AuthorizationKeyCheck.Instance.Check(value);

        Assert.Contains(reason, why);
        Assert.DoesNotContain(value.Trim(), why);
    }
}
