using System.Text;
using Wallbox.Drivers.Desfire;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Rfid;
using Wallbox.Hal.Simulation;

namespace Wallbox.Firmware.Tests.Rfid;

/// <summary>The card-authentication keys: values refused before they are stored, and the DESFire settings made of them (CHY-05).</summary>
public sealed class CardAuthenticationConfigKeysTests
{
    private readonly ConfigurationStore _store;

    public CardAuthenticationConfigKeysTests()
    {
        var clock = new VirtualClock();
        var files = new SimulatedFileStore();
        _store = new ConfigurationStore(files, @"I:\config");
        CardAuthenticationConfigKeys.Declare(_store);
        RfidConfigKeys.Declare(_store);
        _store.StartLoad();
        for (int i = 0; i < 100 && !_store.IsLoaded; i++)
        {
            clock.AdvanceMs(1);
            files.Advance(clock.NowUs);
            _store.Tick(clock.NowMs);
        }

        Assert.True(_store.IsLoaded);
    }

    [Fact]
    public void Defaults_keep_the_UID_only_behaviour_CPL_31()
    {
        Assert.Equal(CardAuthenticationMode.Off, CardAuthenticationConfigKeys.Mode(_store));
        Assert.Equal(CardAuthenticationConfigKeys.Uid, _store.Get(CardAuthenticationConfigKeys.RfidIdTagSource));
        Assert.Equal(string.Empty, _store.Get(CardAuthenticationConfigKeys.RfidDesfireKey));
    }

    [Theory]
    [InlineData("AES:00112233445566778899AABBCCDDEEFF")]
    [InlineData("AES:00112233445566778899aabbccddeeff")]
    [InlineData("2K3DES:00112233445566778899AABBCCDDEEFF")]
    [InlineData("3K3DES:00112233445566778899AABBCCDDEEFF0011223344556677")]
    [InlineData("DES:0011223344556677")]
    [InlineData("")]
    public void A_key_is_its_type_and_exactly_the_key_length_of_that_type_in_hex(string value)
    {
        Assert.Null(DesfireKeyCheck.Instance.Check(value));
    }

    [Theory]
    [InlineData("00112233445566778899AABBCCDDEEFF")]
    [InlineData("AES:00112233445566778899AABBCCDDEE")]
    [InlineData("AES:00112233445566778899AABBCCDDEEFF00")]
    [InlineData("DES:00112233445566778899AABBCCDDEEFF")]
    [InlineData("3K3DES:00112233445566778899AABBCCDDEEFF")]
    [InlineData("AES:00112233445566778899AABBCCDDEEFG")]
    [InlineData("AES128:00112233445566778899AABBCCDDEEFF")]
    [InlineData(":00112233445566778899AABBCCDDEEFF")]
    public void A_key_of_the_wrong_length_or_type_is_refused_without_quoting_it(string value)
    {
        string reason = DesfireKeyCheck.Instance.Check(value);

        Assert.NotNull(reason);
        int colon = value.IndexOf(':');
        string hex = colon < 0 ? value : value.Substring(colon + 1);
        Assert.DoesNotContain(hex, reason);
    }

    [Fact]
    public void A_refused_key_leaves_the_stored_key_as_it_was()
    {
        Assert.Equal(ConfigChangeStatus.Accepted, _store.TrySet(CardAuthenticationConfigKeys.RfidDesfireKey, "AES:00112233445566778899AABBCCDDEEFF", out _));
        Assert.Equal(ConfigChangeStatus.Rejected, _store.TrySet(CardAuthenticationConfigKeys.RfidDesfireKey, "AES:0011", out _));

        Assert.Equal("AES:00112233445566778899AABBCCDDEEFF", _store.Get(CardAuthenticationConfigKeys.RfidDesfireKey));
    }

    [Theory]
    [InlineData("F54230", true)]
    [InlineData("", true)]
    [InlineData("f54230", true)]
    [InlineData("F5423", false)]
    [InlineData("F54230AA", false)]
    [InlineData("F5423Z", false)]
    public void The_application_identifier_is_three_bytes_in_hex(string value, bool accepted)
    {
        Assert.Equal(accepted, _store.TrySet(CardAuthenticationConfigKeys.RfidDesfireApplication, value, out _) == ConfigChangeStatus.Accepted);
    }

    [Fact]
    public void Settings_name_what_is_missing_when_authentication_is_incomplete()
    {
        Assert.Null(DesfireSettingsReader.Read(_store, out string problem));
        Assert.Equal("RfidDesfireApplication is not set", problem);

        Set(CardAuthenticationConfigKeys.RfidDesfireApplication, "F54230");
        Assert.Null(DesfireSettingsReader.Read(_store, out problem));
        Assert.Equal("RfidDesfireKey is not set", problem);
    }

    [Fact]
    public void Settings_carry_the_AID_most_significant_first_the_key_and_always_read_the_real_UID()
    {
        Set(CardAuthenticationConfigKeys.RfidDesfireApplication, "F54230");
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyNumber, "2");
        Set(CardAuthenticationConfigKeys.RfidDesfireKey, "3K3DES:00112233445566778899AABBCCDDEEFF0011223344556677");

        DesfireSessionSettings settings = DesfireSettingsReader.Read(_store, out string problem);

        Assert.Null(problem);
        Assert.Equal(0xF54230, settings.Aid);
        Assert.Equal(2, settings.KeyNumber);
        Assert.Equal(DesfireKeyType.ThreeKeyTripleDes, settings.KeyType);
        Assert.Equal(24, settings.Key.Length);
        Assert.True(settings.ReadCardUid);
        Assert.Equal(-1, settings.FileNumber);
        Assert.DoesNotContain("0011223344", settings.ToString());
    }

    [Fact]
    public void The_idTag_file_and_AN10922_diversification_come_from_their_keys()
    {
        Set(CardAuthenticationConfigKeys.RfidDesfireApplication, "F54230");
        Set(CardAuthenticationConfigKeys.RfidDesfireKey, "AES:00112233445566778899AABBCCDDEEFF");
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification, CardAuthenticationConfigKeys.An10922);
        Set(CardAuthenticationConfigKeys.RfidDesfireSystemIdentifier, "4E585020416275");
        Set(CardAuthenticationConfigKeys.RfidIdTagSource, CardAuthenticationConfigKeys.File);
        Set(CardAuthenticationConfigKeys.RfidDesfireFileNumber, "3");
        Set(CardAuthenticationConfigKeys.RfidDesfireFileOffset, "16");
        Set(CardAuthenticationConfigKeys.RfidDesfireFileLength, "12");
        Set(CardAuthenticationConfigKeys.RfidDesfireFileCommunication, CardAuthenticationConfigKeys.Maced);

        DesfireSessionSettings settings = DesfireSettingsReader.Read(_store, out _);

        Assert.Equal(DesfireKeyDiversification.An10922, settings.Diversification);
        Assert.Equal(Encoding.ASCII.GetBytes("NXP Abu"), settings.SystemIdentifier);
        Assert.Equal(3, settings.FileNumber);
        Assert.Equal(16, settings.FileOffset);
        Assert.Equal(12, settings.FileLength);
        Assert.Equal(DesfireCommunicationMode.Maced, settings.FileCommunicationMode);
    }

    [Fact]
    public void AN10922_with_a_2K3DES_key_is_accepted_and_diversifies_the_key()
    {
        Set(CardAuthenticationConfigKeys.RfidDesfireApplication, "F54230");
        Set(CardAuthenticationConfigKeys.RfidDesfireKey, "2K3DES:00112233445566778899AABBCCDDEEFF");
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification, CardAuthenticationConfigKeys.An10922);
        Set(CardAuthenticationConfigKeys.RfidDesfireSystemIdentifier, "4E58502041");

        DesfireSessionSettings settings = DesfireSettingsReader.Read(_store, out string problem);

        Assert.Null(problem);
        Assert.Equal(DesfireKeyType.TwoKeyTripleDes, settings.KeyType);
        Assert.Equal(DesfireKeyDiversification.An10922, settings.Diversification);
        Assert.Equal(Encoding.ASCII.GetBytes("NXP A"), settings.SystemIdentifier);
    }

    [Fact]
    public void AN10922_with_a_triple_DES_key_refuses_a_system_identifier_beyond_the_15_byte_TDEA_input_rather_than_truncating_it()
    {
        Set(CardAuthenticationConfigKeys.RfidDesfireApplication, "F54230");
        Set(CardAuthenticationConfigKeys.RfidDesfireKey, "3K3DES:00112233445566778899AABBCCDDEEFF0102030405060708");
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification, CardAuthenticationConfigKeys.An10922);
        Set(CardAuthenticationConfigKeys.RfidDesfireSystemIdentifier, "4E585020416275");

        Assert.Null(DesfireSettingsReader.Read(_store, out string problem));
        Assert.Contains("longer than 5 bytes", problem);
    }

    [Fact]
    public void AN10922_with_a_single_DES_key_is_refused_as_undefined_rather_than_used_undiversified()
    {
        Set(CardAuthenticationConfigKeys.RfidDesfireApplication, "F54230");
        Set(CardAuthenticationConfigKeys.RfidDesfireKey, "DES:0011223344556677");
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification, CardAuthenticationConfigKeys.An10922);

        Assert.Null(DesfireSettingsReader.Read(_store, out string problem));
        Assert.Contains("no diversification of single DES keys", problem);
    }

    [Theory]
    [InlineData("FR*ABC*123456", "FR*ABC*123456")]
    [InlineData("FR*ABC*123456\0\0\0", "FR*ABC*123456")]
    [InlineData("BADGE-42   ", "BADGE-42")]
    [InlineData("12345678901234567890", "12345678901234567890")]
    [InlineData("\0\0\0\0", null)]
    [InlineData("AB\u0001CD", null)]
    [InlineData("AB\0CD", null)]
    public void An_idTag_file_holds_printable_ASCII_padded_with_NUL_or_spaces_CPL_32(string content, string idTag)
    {
        byte[] data = Encoding.Latin1.GetBytes(content);

        Assert.Equal(idTag, FileIdTag.Parse(data, data.Length));
    }

    private void Set(string key, string value)
    {
        ConfigChangeStatus status = _store.TrySet(key, value, out string reason);
        Assert.True(status == ConfigChangeStatus.Accepted, key + ": " + reason);
    }
}
