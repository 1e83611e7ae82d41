using System;
using System.Linq;
using System.Security.Cryptography;
using Wallbox.Hal.Simulation;

namespace Wallbox.Hal.Simulation.Tests;

/// <summary>
/// Status codes and state rules of the simulated MIFARE DESFire EV1 (NXP MF3ICDx81 datasheet), driven with raw native
/// commands; the AES authentication on the reader side is built here from the platform AES-CBC.
/// </summary>
public sealed class SimulatedDesfireCardTests
{
    private static readonly byte[] Uid = Convert.FromHexString("04A1B2C3D4E580");
    private static readonly byte[] Key = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
    private const int Aid = 0xF54230;

    private static SimulatedDesfireCard Card(bool randomUid = false) =>
        SimulatedDesfireCard.WithAesApplication(Uid, Aid, 1, Key, 2, Enumerable.Range(0, 40).Select(i => (byte)i).ToArray(), SimulatedDesfireCommunicationMode.Enciphered, randomUid);

    private static byte[] Send(SimulatedDesfireCard card, string hex)
    {
        byte[] command = Convert.FromHexString(hex);
        byte[] response = new byte[512];
        int length = card.Picc.Process(command, 0, command.Length, response);
        return response[..length];
    }

    private static byte[] AuthenticateAes(SimulatedDesfireCard card, int keyNumber, byte[] key)
    {
        byte[] challenge = Send(card, "AA" + keyNumber.ToString("X2"));
        Assert.Equal(0xAF, challenge[0]);
        using Aes aes = Aes.Create();
        aes.Key = key;
        byte[] ekRndB = challenge[1..];
        byte[] rndB = aes.DecryptCbc(ekRndB, new byte[16], PaddingMode.None);
        byte[] rndA = Convert.FromHexString("F44B26F5686F3A391CD38EBD10772281");
        byte[] token = [.. rndA, .. rndB[1..], rndB[0]];
        byte[] answer = aes.EncryptCbc(token, ekRndB, PaddingMode.None);
        return Send(card, "AF" + Convert.ToHexString(answer));
    }

    [Fact]
    public void The_card_is_ISO_14443_4_with_SAK_20_and_has_a_DESFire_application_layer()
    {
        SimulatedDesfireCard card = Card();
        Assert.Equal(0x20, card.Sak);
        Assert.Same(card.Picc, card.IsoDepApplication);
        Assert.Equal(Uid, card.AnticollisionUid());
    }

    [Fact]
    public void GetVersion_answers_in_three_frames_as_a_DESFire_EV1_4K()
    {
        SimulatedDesfireCard card = Card();
        Assert.Equal("AF04010101001805", Convert.ToHexString(Send(card, "60")));
        Assert.Equal("AF04010101041805", Convert.ToHexString(Send(card, "AF")));
        Assert.Equal("00" + "04A1B2C3D4E580" + "BA4519E320" + "4913", Convert.ToHexString(Send(card, "AF")));
    }

    [Fact]
    public void In_random_UID_mode_each_activation_gets_08_and_three_new_bytes_and_GetVersion_hides_the_UID()
    {
        SimulatedDesfireCard card = Card(randomUid: true);
        byte[] first = card.AnticollisionUid();
        byte[] second = card.AnticollisionUid();
        Assert.Equal(4, first.Length);
        Assert.Equal(0x08, first[0]);
        Assert.Equal(0x08, second[0]);
        Assert.NotEqual(first, second);

        Send(card, "60");
        Send(card, "AF");
        Assert.Equal("00000000000000", Convert.ToHexString(Send(card, "AF"), 1, 7));
    }

    [Fact]
    public void An_unknown_command_is_ILLEGAL_COMMAND_CODE_1C()
    {
        Assert.Equal([0x1C], Send(Card(), "C4"));
    }

    [Fact]
    public void AdditionalFrame_with_nothing_pending_is_ILLEGAL_COMMAND_CODE_1C()
    {
        Assert.Equal([0x1C], Send(Card(), "AF"));
    }

    [Fact]
    public void Selecting_an_unknown_application_is_APPLICATION_NOT_FOUND_A0_and_a_short_command_LENGTH_ERROR_7E()
    {
        SimulatedDesfireCard card = Card();
        Assert.Equal([0xA0], Send(card, "5A010203"));
        Assert.Equal([0x7E], Send(card, "5A0102"));
        Assert.Equal([0x00], Send(card, "5A3042F5"));
        Assert.Equal(Aid, card.Picc.SelectedAid);
    }

    [Fact]
    public void GetApplicationIDs_lists_the_AIDs_least_significant_byte_first()
    {
        Assert.Equal("00" + "3042F5", Convert.ToHexString(Send(Card(), "6A")));
    }

    [Fact]
    public void ReadData_without_authentication_is_AUTHENTICATION_ERROR_AE_and_an_unknown_file_FILE_NOT_FOUND_F0()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        Assert.Equal([0xAE], Send(card, "BD02000000040000"));
        Assert.Equal([0xF0], Send(card, "BD07000000040000"));
        Assert.Equal([0x7E], Send(card, "BD0200000004"));
    }

    [Fact]
    public void The_right_AES_key_authenticates_and_the_card_proves_RndA()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        byte[] answer = AuthenticateAes(card, 1, Key);

        Assert.Equal(0x00, answer[0]);
        Assert.Equal(17, answer.Length);
        Assert.True(card.Picc.IsAuthenticated);
        Assert.Equal(1, card.Picc.AuthenticatedKeyNumber);
    }

    [Fact]
    public void A_wrong_key_is_AUTHENTICATION_ERROR_AE_and_leaves_the_card_unauthenticated()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        byte[] wrong = (byte[])Key.Clone();
        wrong[0] ^= 0xFF;

        Assert.Equal([0xAE], AuthenticateAes(card, 1, wrong));
        Assert.False(card.Picc.IsAuthenticated);
    }

    [Fact]
    public void A_key_number_beyond_the_application_is_NO_SUCH_KEY_40()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        Assert.Equal([0x40], Send(card, "AA05"));
    }

    [Fact]
    public void Authenticating_an_AES_key_with_the_legacy_or_ISO_command_is_AUTHENTICATION_ERROR_AE()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        Assert.Equal([0xAE], Send(card, "0A01"));
        Assert.Equal([0xAE], Send(card, "1A01"));
    }

    [Fact]
    public void SelectApplication_an_error_or_leaving_the_field_ends_the_authentication()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        AuthenticateAes(card, 1, Key);
        Send(card, "5A3042F5");
        Assert.False(card.Picc.IsAuthenticated);

        AuthenticateAes(card, 1, Key);
        Send(card, "BD09000000010000"); // no such file: an error status
        Assert.False(card.Picc.IsAuthenticated);

        AuthenticateAes(card, 1, Key);
        card.Picc.Reset();
        Assert.False(card.Picc.IsAuthenticated);
        Assert.Equal(0, card.Picc.SelectedAid);
    }

    [Fact]
    public void GetCardUID_needs_an_authentication()
    {
        Assert.Equal([0xAE], Send(Card(), "51"));
    }

    [Fact]
    public void After_authentication_ReadData_is_enciphered_in_whole_blocks_and_GetCardUID_too()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        AuthenticateAes(card, 1, Key);
        byte[] uid = Send(card, "51");
        Assert.Equal(0x00, uid[0]);
        Assert.Equal(16, uid.Length - 1); // 7 UID + 4 CRC32 + 5 padding

        byte[] data = Send(card, "BD02000000140000");
        Assert.Equal(0x00, data[0]);
        Assert.Equal(32, data.Length - 1); // 20 data + 4 CRC32 + 8 padding
    }

    [Fact]
    public void Reading_beyond_the_file_is_BOUNDARY_ERROR_BE()
    {
        SimulatedDesfireCard card = Card();
        Send(card, "5A3042F5");
        AuthenticateAes(card, 1, Key);
        Assert.Equal([0xBE], Send(card, "BD02240000080000"));
    }

    [Fact]
    public void A_free_access_file_is_read_in_plain_without_authentication()
    {
        var card = new SimulatedDesfireCard(Uid);
        card.AddApplication(Aid, SimulatedDesfireKeyType.Aes128, 2)
            .AddStandardDataFile(new SimulatedDesfireFile(1, SimulatedDesfireCommunicationMode.Enciphered, SimulatedDesfireFile.FreeAccess, 0, 0, 0, [1, 2, 3]));
        Send(card, "5A3042F5");
        Assert.Equal("00010203", Convert.ToHexString(Send(card, "BD01000000000000")));
    }

    [Fact]
    public void A_long_answer_comes_in_frames_of_59_bytes()
    {
        var card = new SimulatedDesfireCard(Uid);
        card.AddApplication(Aid, SimulatedDesfireKeyType.Aes128, 2)
            .AddStandardDataFile(new SimulatedDesfireFile(1, SimulatedDesfireCommunicationMode.Plain, SimulatedDesfireFile.FreeAccess, 0, 0, 0, new byte[100]));
        Send(card, "5A3042F5");
        byte[] first = Send(card, "BD01000000640000");
        Assert.Equal(0xAF, first[0]);
        Assert.Equal(60, first.Length);
        byte[] last = Send(card, "AF");
        Assert.Equal(0x00, last[0]);
        Assert.Equal(42, last.Length);
    }

    [Fact]
    public void The_card_asks_for_waiting_time_extensions_when_configured()
    {
        SimulatedDesfireCard card = Card();
        Assert.Equal(0, card.Picc.LastCommandExtraFrameWaitingTimes);
        card.ExtraFrameWaitingTimesPerCommand = 3;
        Send(card, "60");
        Assert.Equal(3, card.Picc.LastCommandExtraFrameWaitingTimes);
    }

    [Fact]
    public void The_platform_refuses_weak_DES_keys_such_as_the_factory_default_zero_key()
    {
        var card = SimulatedDesfireCard.WithApplication(Uid, Aid, SimulatedDesfireKeyType.Des, 1, new byte[8]);
        Send(card, "5A3042F5");
        Assert.Throws<CryptographicException>(() => Send(card, "1A01"));
    }

    [Fact]
    public void The_description_names_the_card_and_no_key()
    {
        string text = Card().ToString();
        Assert.Contains("DESFire", text);
        Assert.DoesNotContain(Convert.ToHexString(Key), text);
    }
}
