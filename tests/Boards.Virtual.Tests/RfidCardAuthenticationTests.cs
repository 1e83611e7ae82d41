using System;
using System.Text;
using Wallbox.Drivers.Desfire;
using Wallbox.Firmware.Config;
using Wallbox.Firmware.Rfid;
using Wallbox.Hal.Simulation;

namespace Wallbox.Boards.Virtual.Tests;

/// <summary>
/// DESFire EV1 card authentication in the virtual wallbox (CHY-05): emulated cards on the emulated MFRC522 through
/// ISO 14443-3, ISO-DEP and the DESFire session, driven by the RfidCardAuthentication keys.
/// </summary>
public sealed class RfidCardAuthenticationTests
{
    private const int Aid = 0xF54230;
    private const int KeyNumber = 1;
    private const string KeyHex = "00112233445566778899AABBCCDDEEFF";
    private static readonly byte[] Key = Convert.FromHexString(KeyHex);
    private static readonly byte[] OtherKey = Convert.FromHexString("0F0E0D0C0B0A09080706050403020100");
    private static readonly byte[] Uid = Convert.FromHexString("04782E21801D80");

    private readonly VirtualWallbox _wallbox = new VirtualWallbox();

    public RfidCardAuthenticationTests()
    {
        _wallbox.RunForMs(1_000);
    }

    private RfidReaderService Rfid => _wallbox.Firmware.Rfid;

    [Fact]
    public void A_genuine_DESFire_card_gives_its_real_UID_as_idTag_when_authentication_is_required_CHY_05()
    {
        Configure(CardAuthenticationConfigKeys.Required);

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key));

        Assert.Equal("04782E21801D80", Rfid.LastIdTag);
        Assert.Equal(0x0344, Rfid.Reader.Atqa); // DESFire EV1, double-size UID
        Assert.Equal(0x20, Rfid.Reader.Sak);
        Assert.Equal(1, Rfid.PresentationCount);
        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(0, Rfid.RefusalCount);
        Assert.True(Rfid.Check.Deselected, "S(DESELECT) leaves the card in HALT (ISO/IEC 14443-4 clause 8)");
    }

    [Fact]
    public void A_clone_with_the_same_UID_but_not_the_network_key_is_refused_and_shown_as_rejected_for_3_s_CPH_17()
    {
        Configure(CardAuthenticationConfigKeys.Required);

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, OtherKey));

        Assert.Equal(0, Rfid.PresentationCount);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.Equal(DesfireSessionResult.AuthenticationFailed, Rfid.Check.Result);
        Assert.Contains("authentication failed", Rfid.LastRefusal);
        Assert.Equal(0, _wallbox.Firmware.IdTags.Count);
        long shownUntil = _wallbox.Firmware.IndicationFlags.CardRejectedUntilMs;
        Assert.InRange(shownUntil - _wallbox.NowMs, 0, RfidReaderService.CardRefusedDisplayMs);
    }

    [Fact]
    public void A_UID_only_copy_on_a_MIFARE_Classic_magic_card_is_refused_when_authentication_is_required()
    {
        Configure(CardAuthenticationConfigKeys.Required);

        Tap(new VirtualCard(Uid, "magic UID-changeable MIFARE Classic") { Sak = 0x08 });

        Assert.Equal(0, Rfid.PresentationCount);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.Contains("not a DESFire card", Rfid.LastRefusal);
    }

    [Fact]
    public void With_optional_authentication_MIFARE_Classic_cards_still_give_their_UID_and_DESFire_clones_are_refused()
    {
        Configure(CardAuthenticationConfigKeys.Optional);

        Tap(new VirtualCard(Convert.FromHexString("A1B2C3D4"), "MIFARE Classic 1K"));
        Assert.Equal("A1B2C3D4", Rfid.LastIdTag);

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, OtherKey));
        Assert.Equal(1, Rfid.PresentationCount);
        Assert.Equal(1, Rfid.RefusalCount);

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key));
        Assert.Equal(2, Rfid.PresentationCount);
        Assert.Equal("04782E21801D80", Rfid.LastIdTag);
    }

    [Fact]
    public void An_ISO_14443_4_card_that_is_not_a_DESFire_gives_its_UID_in_optional_mode_and_is_refused_in_required_mode()
    {
        var bankCard = new Iso7816OnlyCard(Convert.FromHexString("04A1B2C3D4E5F6"));
        Configure(CardAuthenticationConfigKeys.Optional);

        Tap(bankCard);
        Assert.Equal(DesfireSessionResult.NotDesfire, Rfid.Check.Result);
        Assert.Equal("04A1B2C3D4E5F6", Rfid.LastIdTag);

        Set(CardAuthenticationConfigKeys.RfidCardAuthentication, CardAuthenticationConfigKeys.Required);
        Tap(bankCard);
        Assert.Equal(1, Rfid.PresentationCount);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.Contains("not a DESFire card", Rfid.LastRefusal);
    }

    [Fact]
    public void A_card_without_the_network_application_is_refused()
    {
        Configure(CardAuthenticationConfigKeys.Required);

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, 0x112233, KeyNumber, Key));

        Assert.Equal(DesfireSessionResult.ApplicationNotFound, Rfid.Check.Result);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.Contains("application not on the card", Rfid.LastRefusal);
    }

    [Fact]
    public void A_random_UID_card_is_refused_without_authentication_CHY_05()
    {
        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key, randomUid: true));

        Assert.Equal(0, Rfid.PresentationCount);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.Contains("random UID", Rfid.LastRefusal);
    }

    [Fact]
    public void A_random_UID_card_gives_its_real_UID_read_with_GetCardUID_after_authentication_CHY_05()
    {
        Configure(CardAuthenticationConfigKeys.Required);
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key, randomUid: true);

        Tap(card);
        Tap(card);

        Assert.Equal(0x08, card.LastRandomUid[0]);
        Assert.Equal(2, Rfid.PresentationCount);
        Assert.Equal("04782E21801D80", Rfid.LastIdTag);
    }

    [Fact]
    public void The_idTag_can_come_from_an_enciphered_file_of_the_application()
    {
        Configure(CardAuthenticationConfigKeys.Required);
        Set(CardAuthenticationConfigKeys.RfidIdTagSource, CardAuthenticationConfigKeys.File);
        Set(CardAuthenticationConfigKeys.RfidDesfireFileNumber, "2");
        Set(CardAuthenticationConfigKeys.RfidDesfireFileLength, "16");
        byte[] content = new byte[32];
        Encoding.ASCII.GetBytes("FR*ABC*123456").CopyTo(content, 0);

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key, fileNumber: 2, content: content));

        Assert.Equal("FR*ABC*123456", Rfid.LastIdTag);
    }

    [Fact]
    public void AN10922_diversified_card_keys_are_derived_from_the_master_key_the_UID_and_the_application()
    {
        Configure(CardAuthenticationConfigKeys.Required);
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification, CardAuthenticationConfigKeys.An10922);
        Set(CardAuthenticationConfigKeys.RfidDesfireSystemIdentifier, "4E585020416275");
        // NXP AN10922 2.2.1: master key 00112233..EEFF, UID 04782E21801D80, AID bytes 30 42 F5, "NXP Abu".
        byte[] cardKey = Convert.FromHexString("A8DD63A3B89D54B37CA802473FDA9175");

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, cardKey));
        Assert.Equal(1, Rfid.AuthenticatedCount);

        // The master key itself on the card is not accepted: each card must hold its own derived key.
        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key));
        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(1, Rfid.RefusalCount);
    }

    [Theory]
    [InlineData("2K3DES:00112233445566778899AABBCCDDEEFF", "4E58502041", "16F9587D9E8910C96B9648D006107DD7")]
    [InlineData("3K3DES:00112233445566778899AABBCCDDEEFF0102030405060708", "4E5850", "2E0DD03774D3FA9B5705AB0BDA91CA0B55B8E07FCDBF10EC")]
    public void AN10922_diversified_triple_DES_card_keys_of_the_NXP_example_are_accepted_and_the_master_key_is_not(string key, string system, string cardKeyHex)
    {
        // NXP AN10922 2TDEA / 3TDEA examples (as published by libfreefare and libspookyaction): UID 04782E21801D80, AID
        // bytes 30 42 F5, system identifier "NXP A" / "NXP".
        Configure(CardAuthenticationConfigKeys.Required);
        Set(CardAuthenticationConfigKeys.RfidDesfireKey, key);
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyDiversification, CardAuthenticationConfigKeys.An10922);
        Set(CardAuthenticationConfigKeys.RfidDesfireSystemIdentifier, system);
        SimulatedDesfireKeyType type = key.StartsWith("3K3DES", StringComparison.Ordinal) ? SimulatedDesfireKeyType.ThreeKeyTripleDes : SimulatedDesfireKeyType.TwoKeyTripleDes;
        byte[] master = Convert.FromHexString(key[(key.IndexOf(':') + 1)..]);

        Tap(SimulatedDesfireCard.WithApplication(Uid, Aid, type, KeyNumber, Convert.FromHexString(cardKeyHex)));
        Assert.Equal(1, Rfid.AuthenticatedCount);

        Tap(SimulatedDesfireCard.WithApplication(Uid, Aid, type, KeyNumber, master));
        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.Equal(1, Rfid.RefusalCount);
    }

    [Fact]
    public void A_card_that_asks_for_waiting_time_extensions_is_still_authenticated()
    {
        Configure(CardAuthenticationConfigKeys.Required);
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key);
        card.ExtraFrameWaitingTimesPerCommand = 2;

        Tap(card);

        Assert.Equal(1, Rfid.AuthenticatedCount);
        Assert.True(Rfid.Check.Link.WaitingTimeExtensionCount > 0);
    }

    [Fact]
    public void A_card_taken_away_during_authentication_is_neither_presented_nor_refused_and_is_read_when_tapped_again()
    {
        Configure(CardAuthenticationConfigKeys.Required);
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key);
        card.ExtraFrameWaitingTimesPerCommand = 3;
        _wallbox.Hardware.RfidField.Present(card);
        Assert.True(_wallbox.RunUntil(() => Rfid.Check.IsRunning, 2_000));

        _wallbox.Hardware.RfidField.Remove();
        _wallbox.RunForMs(4_000);

        Assert.Equal(0, Rfid.PresentationCount);
        Assert.True(Rfid.RefusalCount == 0, Rfid.LastRefusal);

        card.ExtraFrameWaitingTimesPerCommand = 0;
        Tap(card);
        Assert.Equal(1, Rfid.PresentationCount);
    }

    [Fact]
    public void Incomplete_authentication_settings_refuse_DESFire_cards_rather_than_accept_them_by_UID()
    {
        Set(CardAuthenticationConfigKeys.RfidCardAuthentication, CardAuthenticationConfigKeys.Required);

        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key));

        Assert.Equal(0, Rfid.PresentationCount);
        Assert.Equal(1, Rfid.RefusalCount);
        Assert.True(_wallbox.Log.Contains("card authentication is on but not usable (RfidDesfireApplication is not set)"));
    }

    [Fact]
    public void The_key_is_never_readable_and_never_written_to_the_log()
    {
        Configure(CardAuthenticationConfigKeys.Required);
        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, OtherKey));
        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key));

        ConfigurationStore store = _wallbox.Firmware.Persistent.Configuration;
        Assert.True(store.Find(CardAuthenticationConfigKeys.RfidDesfireKey).WriteOnly);
        foreach (LogEntry entry in _wallbox.Log.Entries)
        {
            Assert.DoesNotContain(KeyHex, entry.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToHexString(OtherKey), entry.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void With_authentication_required_an_hour_of_polling_and_ten_minutes_of_a_held_card_allocate_nothing()
    {
        Configure(CardAuthenticationConfigKeys.Required);
        _wallbox.RunForMs(10_000); // warm-up: the configuration change is applied, the reader polls

        long before = GC.GetAllocatedBytesForCurrentThread();
        _wallbox.RunForMs(3_600_000);
        long idle = GC.GetAllocatedBytesForCurrentThread() - before;

        _wallbox.Hardware.RfidField.Present(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, Key));
        _wallbox.RunForMs(5_000); // the tap: check, idTag string, queue, authorisation
        Assert.Equal(1, Rfid.AuthenticatedCount);
        before = GC.GetAllocatedBytesForCurrentThread();
        _wallbox.RunForMs(600_000);
        long held = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, idle);
        Assert.Equal(0, held);
        Assert.Equal(1, Rfid.PresentationCount); // held, not presented again
    }

    [Fact]
    public void With_authentication_off_a_DESFire_card_is_read_by_UID_without_any_ISO_DEP_exchange()
    {
        Tap(SimulatedDesfireCard.WithAesApplication(Uid, Aid, KeyNumber, OtherKey));

        Assert.Equal("04782E21801D80", Rfid.LastIdTag);
        Assert.Equal(0, Rfid.AuthenticatedCount);
        Assert.Equal(0, Rfid.Check.Link.CompletedExchangeCount);
    }

    private void Configure(string mode)
    {
        Set(CardAuthenticationConfigKeys.RfidCardAuthentication, mode);
        Set(CardAuthenticationConfigKeys.RfidDesfireApplication, "F54230");
        Set(CardAuthenticationConfigKeys.RfidDesfireKeyNumber, KeyNumber.ToString());
        Set(CardAuthenticationConfigKeys.RfidDesfireKey, "AES:" + KeyHex);
    }

    private void Set(string key, string value)
    {
        ConfigChangeStatus status = _wallbox.Firmware.Persistent.Configuration.TrySet(key, value, out string reason);
        Assert.True(status == ConfigChangeStatus.Accepted, key + ": " + status + " " + reason);
    }

    private void Tap(VirtualCard card)
    {
        _wallbox.Hardware.RfidField.Present(card);
        _wallbox.RunForMs(1_500);
        _wallbox.Hardware.RfidField.Remove();
        _wallbox.RunForMs(1_000);
    }

    /// <summary>
    /// An ISO 14443-4 card that only speaks ISO/IEC 7816-4 APDUs (a payment card): a DESFire native command is not an
    /// APDU it knows, so it answers status word 6E00 "class not supported" (ISO/IEC 7816-4 5.1.3).
    /// </summary>
    private sealed class Iso7816OnlyCard : VirtualCard, IIsoDepCardApplication
    {
        public Iso7816OnlyCard(byte[] uid)
            : base(uid, "ISO 7816-4 card")
        {
            Sak = 0x20;
        }

        public override IIsoDepCardApplication IsoDepApplication => this;

        public int LastCommandExtraFrameWaitingTimes => 0;

        public int Process(byte[] command, int offset, int count, byte[] response)
        {
            response[0] = 0x6E;
            response[1] = 0x00;
            return 2;
        }

        public void Reset()
        {
        }
    }
}
