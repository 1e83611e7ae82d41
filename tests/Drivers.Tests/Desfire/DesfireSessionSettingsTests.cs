using Wallbox.Drivers.Desfire;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>Validation of the session settings; messages never quote the key.</summary>
public sealed class DesfireSessionSettingsTests
{
    private static DesfireSessionSettings Valid() => new() { Aid = 0xF54230, KeyNumber = 1, KeyType = DesfireKeyType.Aes128, Key = new byte[16] };

    [Fact]
    public void Valid_settings_have_no_message()
    {
        Assert.Null(Valid().Validate());
    }

    [Theory]
    [InlineData("aid", "application identifier")]
    [InlineData("keynumber", "key number")]
    [InlineData("nokey", "no key")]
    [InlineData("keylength", "key length")]
    [InlineData("aeslegacy", "AES-128 keys authenticate with AuthenticateAES")]
    [InlineData("3k3deslegacy", "3K3DES keys authenticate with AuthenticateISO")]
    [InlineData("desaes", "AuthenticateAES (0xAA) needs an AES-128 key")]
    [InlineData("diversifydes", "AN10922 defines no diversification of single DES keys")]
    [InlineData("systemid", "system identifier longer than 21 bytes")]
    [InlineData("systemidtdea", "system identifier longer than 5 bytes")]
    [InlineData("file", "file number")]
    [InlineData("filelength", "file length")]
    [InlineData("deadline", "deadline")]
    public void Each_bad_setting_is_named(string what, string message)
    {
        DesfireSessionSettings s = Valid();
        switch (what)
        {
            case "aid": s.Aid = 0x1000000; break;
            case "keynumber": s.KeyNumber = 14; break;
            case "nokey": s.Key = null; break;
            case "keylength": s.Key = new byte[24]; break;
            case "aeslegacy": s.AuthenticationCommand = DesfireAuthenticationCommand.Legacy; break;
            case "3k3deslegacy": s.KeyType = DesfireKeyType.ThreeKeyTripleDes; s.Key = new byte[24]; s.AuthenticationCommand = DesfireAuthenticationCommand.Legacy; break;
            case "desaes": s.KeyType = DesfireKeyType.Des; s.Key = new byte[8]; s.AuthenticationCommand = DesfireAuthenticationCommand.Aes; break;
            case "diversifydes": s.KeyType = DesfireKeyType.Des; s.Key = new byte[8]; s.Diversification = DesfireKeyDiversification.An10922; break;
            case "systemid": s.Diversification = DesfireKeyDiversification.An10922; s.SystemIdentifier = new byte[22]; break;
            case "systemidtdea": s.KeyType = DesfireKeyType.ThreeKeyTripleDes; s.Key = new byte[24]; s.Diversification = DesfireKeyDiversification.An10922; s.SystemIdentifier = new byte[6]; break;
            case "file": s.FileNumber = 32; break;
            case "filelength": s.FileNumber = 1; s.FileLength = 0; break;
            case "deadline": s.DeadlineMs = 0; break;
        }

        Assert.Contains(message, s.Validate());
    }

    [Theory]
    [InlineData(DesfireKeyType.Aes128, 16, 21)]
    [InlineData(DesfireKeyType.TwoKeyTripleDes, 16, 5)]
    [InlineData(DesfireKeyType.ThreeKeyTripleDes, 24, 5)]
    public void AN10922_diversification_is_accepted_for_AES_2K3DES_and_3K3DES_keys_up_to_the_longest_system_identifier_of_the_type(DesfireKeyType type, int keyLength, int systemLength)
    {
        DesfireSessionSettings s = Valid();
        s.KeyType = type;
        s.Key = new byte[keyLength];
        s.Diversification = DesfireKeyDiversification.An10922;
        s.SystemIdentifier = new byte[systemLength];

        Assert.Null(s.Validate());
    }

    [Fact]
    public void The_default_authentication_is_AES_for_AES_keys_and_ISO_for_DES_family_keys()
    {
        Assert.Equal(DesfireAuthenticationCommand.Aes, Valid().EffectiveAuthenticationCommand);
        DesfireSessionSettings des = Valid();
        des.KeyType = DesfireKeyType.TwoKeyTripleDes;
        Assert.Equal(DesfireAuthenticationCommand.Iso, des.EffectiveAuthenticationCommand);
    }

    [Fact]
    public void The_description_never_contains_the_key()
    {
        DesfireSessionSettings s = Valid();
        s.Key = Hex.Bytes("A1A2A3A4A5A6A7A8A9AAABACADAEAFB0");
        string text = s.ToString();
        Assert.DoesNotContain("A1A2", text);
        Assert.DoesNotContain("a1a2", text);
        Assert.Contains("F54230", text);
    }
}
