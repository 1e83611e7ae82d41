using System;
using Wallbox.Boards.Virtual.Control;
using Wallbox.Firmware.Rfid;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>
/// The <c>tap</c> control command: emulated cards held to the emulated MFRC522 for a second of virtual time and read by
/// the firmware's reader service, DESFire cards issued from the wallbox's own card-authentication configuration.
/// </summary>
public sealed class TapCommandTests
{
    private const string Uid = "04123456789ABC";
    private const string KeyHex = "00112233445566778899AABBCCDDEEFF";

    /// <summary>
    /// Virtual time to run after a tap: the 1 s tap and the reader's 500 ms removal debounce
    /// (<see cref="CardPresenceDebouncer.DefaultRemovalMs"/>), so a following tap of the same UID is a new presentation.
    /// </summary>
    private const long AfterTapMs = CardTap.HoldMs + CardPresenceDebouncer.DefaultRemovalMs + 500;

    private readonly VirtualWallbox _wallbox = new VirtualWallbox();
    private readonly ControlCommandExecutor _executor;

    public TapCommandTests()
    {
        _executor = new ControlCommandExecutor(_wallbox);
        _wallbox.RunForMs(1_000);
    }

    private RfidReaderService Rfid => _wallbox.Firmware.Rfid;

    [Fact]
    public void Tap_uid_is_read_through_the_reader_as_an_idTag()
    {
        Assert.Equal("ok: tapped MIFARE Classic 1K A1B2C3D4 for 1 s", Execute("tap a1b2c3d4"));
        _wallbox.RunForMs(AfterTapMs);

        Assert.Equal("A1B2C3D4", Rfid.LastIdTag);
        Assert.Equal(1, Rfid.PresentationCount);
        Assert.Equal(0x08, Rfid.Reader.Sak);
        Assert.Equal(1, _wallbox.Hardware.RfidField.PresentationCount);
    }

    [Fact]
    public void Tap_uid_with_a_7_byte_UID_is_an_Ultralight()
    {
        Assert.Equal("ok: tapped MIFARE Ultralight " + Uid + " for 1 s", Execute("tap " + Uid + " uid"));
        _wallbox.RunForMs(AfterTapMs);

        Assert.Equal(Uid, Rfid.LastIdTag);
        Assert.Equal(0x00, Rfid.Reader.Sak);
    }

    [Fact]
    public void The_card_is_taken_away_after_1_s_of_virtual_time()
    {
        Execute("tap A1B2C3D4");

        _wallbox.RunForMs(CardTap.HoldMs - _wallbox.LoopPeriodUs / 1000);
        Assert.NotNull(_wallbox.Hardware.RfidField.Card);

        _wallbox.Step();
        Assert.Null(_wallbox.Hardware.RfidField.Card);
        Assert.Null(_wallbox.CardTap.Card);
    }

    [Fact]
    public void A_new_tap_replaces_a_card_still_held_and_is_held_its_own_full_second()
    {
        Execute("tap A1B2C3D4");
        _wallbox.RunForMs(500);

        Execute("tap " + Uid);
        Assert.Single(_wallbox.Hardware.RfidField.Cards);
        Assert.Equal(Uid, Convert.ToHexString(_wallbox.Hardware.RfidField.Card.Uid));

        _wallbox.RunForMs(900);
        Assert.NotNull(_wallbox.Hardware.RfidField.Card);
        _wallbox.RunForMs(200);
        Assert.Null(_wallbox.Hardware.RfidField.Card);
    }

    [Fact]
    public void Tap_desfire_is_authenticated_when_authentication_is_required()
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required);

        string reply = Execute("tap " + Uid + " desfire");
        _wallbox.RunForMs(AfterTapMs);

        Assert.Equal("ok: tapped MIFARE DESFire EV1 " + Uid + " for 1 s (application F54230, key 1 AES)", reply);
        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(0, Rfid.RefusalCount);
        Assert.Equal(Uid, Rfid.LastIdTag);
    }

    [Fact]
    public void Tap_clone_is_refused_when_authentication_is_required()
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required);

        string reply = Execute("tap " + Uid + " clone");
        _wallbox.RunForMs(AfterTapMs);

        Assert.Equal("ok: tapped DESFire EV1 clone " + Uid + " for 1 s (application F54230, key 1 AES, not the network key)", reply);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.Equal(0, Rfid.PresentationCount);
        Assert.Equal(0, Rfid.AuthenticatedCount);
        Assert.Contains("authentication failed", Rfid.LastRefusal);
    }

    [Fact]
    public void Tap_desfire_carries_the_AN10922_diversified_key_and_a_clone_is_still_refused()
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required);
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireKeyDiversification AN10922"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireSystemIdentifier 4E585020416275"));

        Assert.EndsWith("(application F54230, key 1 AES, AN10922-diversified)", Execute("tap " + Uid + " desfire"));
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.AuthenticatedCount);

        Execute("tap " + Uid + " clone");
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(1, Rfid.RefusalCount);
    }

    [Theory]
    [InlineData(CardAuthenticationConfigKeys.Plain)]
    [InlineData(CardAuthenticationConfigKeys.Maced)]
    [InlineData(CardAuthenticationConfigKeys.Enciphered)]
    public void Tap_desfire_carries_the_idTag_file_when_the_idTag_comes_from_a_file(string communication)
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required);
        Assert.Equal("ok: Accepted", Execute("config RfidIdTagSource File"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireFileNumber 2"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireFileOffset 4"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireFileLength 16"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireFileCommunication " + communication));

        Assert.EndsWith("(application F54230, key 1 AES, idTag file 2 " + communication + ")", Execute("tap " + Uid + " desfire"));
        _wallbox.RunForMs(AfterTapMs);

        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(Uid, Rfid.LastIdTag);
    }

    [Theory]
    [InlineData("3K3DES:000102030405060708090A0B0C0D0E0F1011121314151617", "3K3DES")]
    [InlineData("2K3DES:00112233445566778899AABBCCDDEEFF", "2K3DES")]
    [InlineData("DES:0011223344556677", "DES")]
    public void Tap_desfire_carries_DES_family_keys_of_the_configured_type(string key, string type)
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required, key);

        Assert.EndsWith("(application F54230, key 1 " + type + ")", Execute("tap " + Uid + " desfire"));
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.AuthenticatedCount);

        Execute("tap " + Uid + " clone");
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.RefusalCount);
    }

    [Theory]
    [InlineData("3K3DES:000102030405060708090A0B0C0D0E0F1011121314151617", "3K3DES")]
    [InlineData("2K3DES:00112233445566778899AABBCCDDEEFF", "2K3DES")]
    public void Tap_desfire_carries_the_AN10922_diversified_triple_DES_key_and_a_clone_is_still_refused(string key, string type)
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required, key);
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireKeyDiversification AN10922"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireSystemIdentifier 4E58502041"));

        Assert.EndsWith("(application F54230, key 1 " + type + ", AN10922-diversified)", Execute("tap " + Uid + " desfire"));
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.AuthenticatedCount);

        Execute("tap " + Uid + " clone");
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(1, Rfid.RefusalCount);
    }

    [Fact]
    public void Tap_desfire_with_a_single_DES_key_and_AN10922_keeps_the_master_key_on_the_card_which_the_firmware_refuses_to_use()
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required, "DES:0011223344556677");
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireKeyDiversification AN10922"));

        Assert.EndsWith("(application F54230, key 1 DES, not diversified (AN10922 defines none for single DES))", Execute("tap " + Uid + " desfire"));
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(0, Rfid.AuthenticatedCount);
    }

    [Fact]
    public void Tap_random_hides_the_UID_unless_authentication_reads_the_real_one()
    {
        Execute("tap " + Uid + " random");
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.Contains("random UID", Rfid.LastRefusal);

        ConfigureAuthentication(CardAuthenticationConfigKeys.Required);
        Assert.Equal("ok: tapped MIFARE DESFire EV1 (random-UID mode) " + Uid + " for 1 s (application F54230, key 1 AES)", Execute("tap " + Uid + " random"));
        _wallbox.RunForMs(AfterTapMs);
        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(Uid, Rfid.LastIdTag);
    }

    [Fact]
    public void Tap_desfire_without_configured_authentication_uses_a_default_application_and_says_so()
    {
        string reply = Execute("tap " + Uid + " desfire");
        _wallbox.RunForMs(AfterTapMs);

        Assert.Equal(
            "ok: tapped MIFARE DESFire EV1 " + Uid + " for 1 s (application F54230, key 1 AES (all-zero factory key); "
            + "RfidDesfireApplication not set: default application; RfidDesfireKey not set: factory key)",
            reply);
        Assert.Equal(Uid, Rfid.LastIdTag); // authentication is off: read by UID
    }

    [Fact]
    public void The_key_is_never_in_a_reply_nor_readable_with_get()
    {
        ConfigureAuthentication(CardAuthenticationConfigKeys.Required);

        foreach (string kind in new[] { "desfire", "clone", "random" })
        {
            Assert.DoesNotContain(KeyHex, Execute("tap " + Uid + " " + kind), StringComparison.OrdinalIgnoreCase);
            _wallbox.RunForMs(AfterTapMs);
        }

        Assert.Equal("ok: RfidDesfireKey is write-only (set)", Execute("get RfidDesfireKey"));
    }

    [Fact]
    public void Tap_refuses_a_bad_UID_and_an_unpowered_board()
    {
        Assert.Equal("error: tap needs a UID of 4, 7 or 10 bytes in hex (8, 14 or 20 hex digits), got '04A1B2C3D4'", Execute("tap 04A1B2C3D4"));
        Assert.Equal("error: a DESFire EV1 card has a 7-byte UID (14 hex digits), got 4 bytes", Execute("tap 04A1B2C3 desfire"));
        Assert.Null(_wallbox.Hardware.RfidField.Card);

        Execute("power off");
        _wallbox.Step();
        Assert.Equal("error: the board is unpowered (mains cut)", Execute("tap 04A1B2C3"));
    }

    private void ConfigureAuthentication(string mode, string key = "AES:" + KeyHex)
    {
        Assert.Equal("ok: Accepted", Execute("config RfidCardAuthentication " + mode));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireApplication F54230"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireKeyNumber 1"));
        Assert.Equal("ok: Accepted", Execute("config RfidDesfireKey " + key));
    }

    private string Execute(string line) => _executor.Execute(line).Text;
}
