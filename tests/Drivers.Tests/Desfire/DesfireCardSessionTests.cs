using System;
using Wallbox.Drivers.Desfire;
using Wallbox.Hal.Simulation;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>
/// The driver's session against the simulated DESFire EV1 (independent crypto on the card side), through an
/// in-memory exchange with one tick of latency.
/// </summary>
public sealed class DesfireCardSessionTests
{
    private static readonly byte[] Uid = Hex.Bytes("04A1B2C3D4E580");
    private static readonly byte[] AesKey = Hex.Bytes("00112233445566778899AABBCCDDEEFF");
    private static readonly byte[] OtherAesKey = Hex.Bytes("00112233445566778899AABBCCDDEEFE");
    private static readonly byte[] DesKey = Hex.Bytes("133457799BBCDFF1");
    private static readonly byte[] TwoKeyTdes = Hex.Bytes("0123456789ABCDEF23456789ABCDEF01");
    private static readonly byte[] ThreeKeyTdes = Hex.Bytes("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");
    private static readonly byte[] Content = CreateContent(150);
    private const int Aid = 0xF54230;

    private static byte[] CreateContent(int length)
    {
        byte[] content = new byte[length];
        for (int i = 0; i < length; i++)
        {
            content[i] = (byte)(0x30 + i);
        }

        return content;
    }

    private static (DesfireCardSession Session, InMemoryApduExchange Exchange) SessionFor(SimulatedDesfireCard card, int seed = 7)
    {
        var exchange = new InMemoryApduExchange(card.IsoDepApplication);
        return (new DesfireCardSession(exchange, new SimulatedRandomSource(seed)), exchange);
    }

    private static DesfireSessionSettings Settings(DesfireKeyType type, byte[] key, int keyNumber = 1, DesfireAuthenticationCommand command = DesfireAuthenticationCommand.Default) =>
        new() { Aid = Aid, KeyNumber = keyNumber, KeyType = type, Key = key, AuthenticationCommand = command };

    private static SimulatedDesfireKeyType CardType(DesfireKeyType type) => type switch
    {
        DesfireKeyType.Des => SimulatedDesfireKeyType.Des,
        DesfireKeyType.TwoKeyTripleDes => SimulatedDesfireKeyType.TwoKeyTripleDes,
        DesfireKeyType.ThreeKeyTripleDes => SimulatedDesfireKeyType.ThreeKeyTripleDes,
        _ => SimulatedDesfireKeyType.Aes128,
    };

    public static TheoryData<DesfireKeyType, DesfireAuthenticationCommand> AuthenticationKinds => new()
    {
        { DesfireKeyType.Aes128, DesfireAuthenticationCommand.Aes },
        { DesfireKeyType.ThreeKeyTripleDes, DesfireAuthenticationCommand.Iso },
        { DesfireKeyType.TwoKeyTripleDes, DesfireAuthenticationCommand.Iso },
        { DesfireKeyType.TwoKeyTripleDes, DesfireAuthenticationCommand.Legacy },
        { DesfireKeyType.Des, DesfireAuthenticationCommand.Iso },
        { DesfireKeyType.Des, DesfireAuthenticationCommand.Legacy },
    };

    private static byte[] KeyOf(DesfireKeyType type) => type switch
    {
        DesfireKeyType.Des => DesKey,
        DesfireKeyType.TwoKeyTripleDes => TwoKeyTdes,
        DesfireKeyType.ThreeKeyTripleDes => ThreeKeyTdes,
        _ => AesKey,
    };

    private static byte[] WrongKeyOf(DesfireKeyType type)
    {
        byte[] key = (byte[])KeyOf(type).Clone();
        key[3] ^= 0x10; // not a parity bit
        return key;
    }

    [Theory]
    [MemberData(nameof(AuthenticationKinds))]
    public void The_right_key_authenticates(DesfireKeyType type, DesfireAuthenticationCommand command)
    {
        var card = SimulatedDesfireCard.WithApplication(Uid, Aid, CardType(type), 1, KeyOf(type));
        var (session, _) = SessionFor(card);

        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(session, Settings(type, KeyOf(type), 1, command), Uid));
        Assert.Equal(DesfireSessionState.Succeeded, session.State);
        Assert.Equal(Hex.Of(Uid), Hex.Of(session.CardUid, 0, session.CardUidLength));
        Assert.False(session.CardUidFromCard);
    }

    [Theory]
    [MemberData(nameof(AuthenticationKinds))]
    public void A_clone_with_the_same_UID_but_another_key_is_refused(DesfireKeyType type, DesfireAuthenticationCommand command)
    {
        var clone = SimulatedDesfireCard.WithApplication(Uid, Aid, CardType(type), 1, WrongKeyOf(type));
        var (session, _) = SessionFor(clone);

        Assert.Equal(DesfireSessionResult.AuthenticationFailed, SessionRunner.Run(session, Settings(type, KeyOf(type), 1, command), Uid));
        Assert.Equal(0xAE, session.StatusCode);
        Assert.Equal(0, session.CardUidLength);
        Assert.False(clone.Picc.IsAuthenticated);
    }

    [Fact]
    public void A_card_whose_proof_of_RndA_is_wrong_is_refused_even_though_it_answered_OK()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, exchange) = SessionFor(card);
        exchange.CorruptExchange = 5; // 60, AF, AF, 5A, AA, AF(RndA ‖ RndB') -> the card's ek(RndA')
        exchange.CorruptIndex = -1;

        Assert.Equal(DesfireSessionResult.AuthenticationFailed, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
    }

    [Theory]
    [InlineData(DesfireKeyType.Aes128, DesfireAuthenticationCommand.Aes)]
    [InlineData(DesfireKeyType.TwoKeyTripleDes, DesfireAuthenticationCommand.Legacy)]
    [InlineData(DesfireKeyType.ThreeKeyTripleDes, DesfireAuthenticationCommand.Iso)]
    public void GetCardUID_returns_the_real_UID_of_a_random_UID_card(DesfireKeyType type, DesfireAuthenticationCommand command)
    {
        var card = SimulatedDesfireCard.WithApplication(Uid, Aid, CardType(type), 1, KeyOf(type), randomUid: true);
        byte[] random = card.AnticollisionUid();
        Assert.Equal(0x08, random[0]);
        var (session, _) = SessionFor(card);

        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(session, Settings(type, KeyOf(type), 1, command), random));
        Assert.True(session.CardUidFromCard);
        Assert.Equal(Hex.Of(Uid), Hex.Of(session.CardUid, 0, session.CardUidLength));
    }

    [Fact]
    public void GetCardUID_is_read_when_configured_even_for_a_fixed_UID()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, exchange) = SessionFor(card);
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.ReadCardUid = true;

        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(session, settings, Uid));
        Assert.True(session.CardUidFromCard);
        Assert.StartsWith(">51 <00", exchange.Trace[^1]);
    }

    public static TheoryData<DesfireKeyType, DesfireAuthenticationCommand, DesfireCommunicationMode> ReadKinds()
    {
        var data = new TheoryData<DesfireKeyType, DesfireAuthenticationCommand, DesfireCommunicationMode>();
        foreach (var (type, command) in new[]
        {
            (DesfireKeyType.Aes128, DesfireAuthenticationCommand.Aes),
            (DesfireKeyType.ThreeKeyTripleDes, DesfireAuthenticationCommand.Iso),
            (DesfireKeyType.TwoKeyTripleDes, DesfireAuthenticationCommand.Legacy),
            (DesfireKeyType.Des, DesfireAuthenticationCommand.Iso),
        })
        {
            foreach (DesfireCommunicationMode mode in Enum.GetValues<DesfireCommunicationMode>())
            {
                data.Add(type, command, mode);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadKinds))]
    public void ReadData_in_each_communication_mode_returns_the_file_content(DesfireKeyType type, DesfireAuthenticationCommand command, DesfireCommunicationMode mode)
    {
        var card = SimulatedDesfireCard.WithApplication(Uid, Aid, CardType(type), 1, KeyOf(type), 2, Content, (SimulatedDesfireCommunicationMode)(mode == DesfireCommunicationMode.Enciphered ? 3 : (int)mode));
        var (session, _) = SessionFor(card);
        DesfireSessionSettings settings = Settings(type, KeyOf(type), 1, command);
        settings.FileNumber = 2;
        settings.FileOffset = 5;
        settings.FileLength = 20;
        settings.FileCommunicationMode = mode;

        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(session, settings, Uid));
        Assert.Equal(Hex.Of(Content, 5, 20), Hex.Of(session.FileData, 0, session.FileDataLength));
    }

    [Theory]
    [InlineData(DesfireCommunicationMode.Plain)]
    [InlineData(DesfireCommunicationMode.Enciphered)]
    public void A_read_longer_than_one_frame_is_assembled_from_additional_frames(DesfireCommunicationMode mode)
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey, 2, Content, mode == DesfireCommunicationMode.Plain ? SimulatedDesfireCommunicationMode.Plain : SimulatedDesfireCommunicationMode.Enciphered);
        var (session, exchange) = SessionFor(card);
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.FileNumber = 2;
        settings.FileLength = 150;
        settings.FileCommunicationMode = mode;

        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(session, settings, Uid));
        Assert.Equal(Hex.Of(Content), Hex.Of(session.FileData, 0, session.FileDataLength));
        Assert.StartsWith(">AF <00", exchange.Trace[^1]);
    }

    [Theory]
    [InlineData(DesfireCommunicationMode.Plain, -1)]
    [InlineData(DesfireCommunicationMode.Maced, -3)]
    [InlineData(DesfireCommunicationMode.Enciphered, 4)]
    public void A_tampered_ReadData_answer_is_an_integrity_error(DesfireCommunicationMode mode, int index)
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey, 2, Content, mode == DesfireCommunicationMode.Plain ? SimulatedDesfireCommunicationMode.Plain : mode == DesfireCommunicationMode.Maced ? SimulatedDesfireCommunicationMode.Maced : SimulatedDesfireCommunicationMode.Enciphered);
        var (session, exchange) = SessionFor(card);
        exchange.CorruptExchange = 6; // 60 AF AF 5A AA AF BD
        exchange.CorruptIndex = index;
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.FileNumber = 2;
        settings.FileLength = 16;
        settings.FileCommunicationMode = mode;

        Assert.Equal(DesfireSessionResult.IntegrityError, SessionRunner.Run(session, settings, Uid));
        Assert.Equal(0, session.FileDataLength);
    }

    [Fact]
    public void A_legacy_MACed_answer_with_a_wrong_MAC_is_an_integrity_error()
    {
        var card = SimulatedDesfireCard.WithApplication(Uid, Aid, SimulatedDesfireKeyType.TwoKeyTripleDes, 1, TwoKeyTdes, 2, Content, SimulatedDesfireCommunicationMode.Maced);
        var (session, exchange) = SessionFor(card);
        exchange.CorruptExchange = 6;
        exchange.CorruptIndex = 3; // a data byte: the MAC no longer matches
        DesfireSessionSettings settings = Settings(DesfireKeyType.TwoKeyTripleDes, TwoKeyTdes, 1, DesfireAuthenticationCommand.Legacy);
        settings.FileNumber = 2;
        settings.FileLength = 16;
        settings.FileCommunicationMode = DesfireCommunicationMode.Maced;

        Assert.Equal(DesfireSessionResult.IntegrityError, SessionRunner.Run(session, settings, Uid));
    }

    [Fact]
    public void A_tampered_GetCardUID_answer_is_an_integrity_error()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey, randomUid: true);
        var (session, exchange) = SessionFor(card);
        exchange.CorruptExchange = 6;
        exchange.CorruptIndex = 2;

        Assert.Equal(DesfireSessionResult.IntegrityError, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), card.AnticollisionUid()));
        Assert.Equal(0, session.CardUidLength);
    }

    [Fact]
    public void A_truncated_MACed_answer_is_an_integrity_error()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey, 2, Content, SimulatedDesfireCommunicationMode.Maced);
        var (session, exchange) = SessionFor(card);
        exchange.TruncateExchange = 6;
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.FileNumber = 2;
        settings.FileLength = 16;
        settings.FileCommunicationMode = DesfireCommunicationMode.Maced;

        Assert.Equal(DesfireSessionResult.IntegrityError, SessionRunner.Run(session, settings, Uid));
    }

    [Fact]
    public void A_truncated_challenge_is_a_protocol_error()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, exchange) = SessionFor(card);
        exchange.TruncateExchange = 4;

        Assert.Equal(DesfireSessionResult.ProtocolError, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
    }

    [Fact]
    public void No_answer_is_a_communication_error()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, exchange) = SessionFor(card);
        exchange.FailExchange = 4;

        Assert.Equal(DesfireSessionResult.CommunicationError, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
    }

    [Fact]
    public void A_card_that_stops_answering_ends_the_session_at_its_deadline()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, exchange) = SessionFor(card);
        exchange.HangExchange = 3;
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.DeadlineMs = 500;

        session.Start(settings, Uid, Uid.Length, 1000);
        long now = 1000;
        while (session.State == DesfireSessionState.Running && now < 3000)
        {
            now += 10;
            session.Tick(now);
        }

        Assert.Equal(DesfireSessionResult.Timeout, session.Result);
        Assert.Equal(1500, now);
    }

    [Fact]
    public void An_unknown_application_is_reported_with_status_A0()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, 0x010203, 1, AesKey);
        var (session, _) = SessionFor(card);

        Assert.Equal(DesfireSessionResult.ApplicationNotFound, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
        Assert.Equal(0xA0, session.StatusCode);
    }

    [Fact]
    public void A_missing_file_is_reported_with_status_F0()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey, 2, Content);
        var (session, _) = SessionFor(card);
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.FileNumber = 3;
        settings.FileLength = 4;

        Assert.Equal(DesfireSessionResult.FileNotFound, SessionRunner.Run(session, settings, Uid));
        Assert.Equal(0xF0, session.StatusCode);
    }

    [Fact]
    public void A_file_another_key_must_read_is_permission_denied_9D()
    {
        var card = new SimulatedDesfireCard(Uid);
        card.AddApplication(Aid, SimulatedDesfireKeyType.Aes128, 3).SetKey(1, AesKey)
            .AddStandardDataFile(new SimulatedDesfireFile(2, SimulatedDesfireCommunicationMode.Enciphered, 2, 0, 0, 0, Content));
        var (session, _) = SessionFor(card);
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.FileNumber = 2;
        settings.FileLength = 4;

        Assert.Equal(DesfireSessionResult.PermissionDenied, SessionRunner.Run(session, settings, Uid));
        Assert.Equal(0x9D, session.StatusCode);
    }

    [Fact]
    public void Reading_beyond_the_file_is_a_boundary_error_BE()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey, 2, CreateContent(10));
        var (session, _) = SessionFor(card);
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.FileNumber = 2;
        settings.FileOffset = 4;
        settings.FileLength = 8;

        Assert.Equal(DesfireSessionResult.BoundaryError, SessionRunner.Run(session, settings, Uid));
        Assert.Equal(0xBE, session.StatusCode);
    }

    [Fact]
    public void A_key_number_the_application_lacks_fails_authentication_with_status_40()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, _) = SessionFor(card);

        Assert.Equal(DesfireSessionResult.AuthenticationFailed, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey, 9), Uid));
        Assert.Equal(0x40, session.StatusCode);
    }

    [Fact]
    public void A_card_that_does_not_know_GetVersion_is_not_a_DESFire()
    {
        var exchange = new ScriptedApduExchange("60", "1C");
        var session = new DesfireCardSession(exchange, new FixedRandomSource("00"));

        Assert.Equal(DesfireSessionResult.NotDesfire, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
        Assert.Equal(0x1C, session.StatusCode);
    }

    [Fact]
    public void A_card_of_another_vendor_is_not_a_DESFire()
    {
        var exchange = new ScriptedApduExchange("60", "AF05010101001A05", "AF", "AF05010101041A05", "AF", "0004063F72633480BA4519E3204913");
        var session = new DesfireCardSession(exchange, new FixedRandomSource("00"));

        Assert.Equal(DesfireSessionResult.NotDesfire, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
    }

    [Fact]
    public void A_card_that_sends_additional_frames_forever_is_a_communication_error()
    {
        var script = new System.Collections.Generic.List<string> { "60", "AF04010101001A05" };
        for (int i = 0; i < 10; i++)
        {
            script.Add("AF");
            script.Add("AF04010101001A05");
        }

        var session = new DesfireCardSession(new ScriptedApduExchange(script.ToArray()), new FixedRandomSource("00"));

        Assert.Equal(DesfireSessionResult.CommunicationError, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
    }

    [Fact]
    public void An_AN10922_diversified_card_key_authenticates_with_the_master_key_and_a_copy_of_another_cards_key_does_not()
    {
        byte[] master = Hex.Bytes("00112233445566778899AABBCCDDEEFF");
        byte[] system = Hex.Bytes("4E585020416275");
        byte[] m = new byte[31];
        int length = An10922KeyDiversification.BuildInput(Uid, 0, 7, Aid, system, m, 0);
        byte[] cardKey = new byte[16];
        new An10922KeyDiversification().DiversifyAes128(master, 0, m, 0, length, cardKey, 0);
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, master);
        settings.Diversification = DesfireKeyDiversification.An10922;
        settings.SystemIdentifier = system;

        var genuine = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, cardKey);
        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(SessionFor(genuine).Session, settings, Uid));

        byte[] otherUid = Hex.Bytes("04A1B2C3D4E581");
        var clone = SimulatedDesfireCard.WithAesApplication(otherUid, Aid, 1, cardKey);
        Assert.Equal(DesfireSessionResult.AuthenticationFailed, SessionRunner.Run(SessionFor(clone).Session, settings, otherUid));
    }

    [Theory]
    [InlineData(DesfireKeyType.TwoKeyTripleDes, "00112233445566778899AABBCCDDEEFF", "4E58502041", "16F9587D9E8910C96B9648D006107DD7")]
    [InlineData(DesfireKeyType.ThreeKeyTripleDes, "00112233445566778899AABBCCDDEEFF0102030405060708", "4E5850", "2E0DD03774D3FA9B5705AB0BDA91CA0B55B8E07FCDBF10EC")]
    public void A_card_holding_the_NXP_AN10922_example_TDEA_key_authenticates_with_the_master_key_and_its_clone_does_not(DesfireKeyType type, string master, string system, string cardKey)
    {
        // AN10922's 2TDEA and 3TDEA examples (values as published by libfreefare and libspookyaction, see
        // An10922KeyDiversificationTests): UID 04782E21801D80, AID bytes 30 42 F5, system identifier "NXP A" / "NXP".
        byte[] uid = Hex.Bytes("04782E21801D80");
        DesfireSessionSettings settings = Settings(type, Hex.Bytes(master));
        settings.Diversification = DesfireKeyDiversification.An10922;
        settings.SystemIdentifier = Hex.Bytes(system);

        var genuine = SimulatedDesfireCard.WithApplication(uid, Aid, CardType(type), 1, Hex.Bytes(cardKey));
        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(SessionFor(genuine).Session, settings, uid));

        byte[] otherUid = Hex.Bytes("04782E21801D81");
        var clone = SimulatedDesfireCard.WithApplication(otherUid, Aid, CardType(type), 1, Hex.Bytes(cardKey));
        Assert.Equal(DesfireSessionResult.AuthenticationFailed, SessionRunner.Run(SessionFor(clone).Session, settings, otherUid));
    }

    [Fact]
    public void AN10922_diversification_needs_the_real_UID_which_a_random_UID_card_hides()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey, randomUid: true);
        DesfireSessionSettings settings = Settings(DesfireKeyType.Aes128, AesKey);
        settings.Diversification = DesfireKeyDiversification.An10922;

        var (session, _) = SessionFor(card);
        Assert.Equal(DesfireSessionResult.UidUnavailable, SessionRunner.Run(session, settings, card.AnticollisionUid()));
    }

    [Fact]
    public void Invalid_settings_end_the_session_at_once()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, exchange) = SessionFor(card);

        session.Start(Settings(DesfireKeyType.Aes128, new byte[8]), Uid, Uid.Length, 0);

        Assert.Equal(DesfireSessionState.Failed, session.State);
        Assert.Equal(DesfireSessionResult.InvalidSettings, session.Result);
        Assert.Equal(0, exchange.ExchangeCount);
    }

    [Fact]
    public void A_session_can_be_restarted_for_the_next_card()
    {
        var card = SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, AesKey);
        var (session, _) = SessionFor(card);
        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
        card.Picc.Reset();
        Assert.Equal(DesfireSessionResult.Authenticated, SessionRunner.Run(session, Settings(DesfireKeyType.Aes128, AesKey), Uid));
    }
}
