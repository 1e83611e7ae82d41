using System;
using Wallbox.Drivers.Desfire;

namespace Wallbox.Drivers.Tests.Desfire;

/// <summary>
/// The driver against byte traces of real DESFire EV1 cards published in "DESFire EV1 Communication Examples" by
/// Elmue (follow-up of the Ridrix blog; mirrored at hack.cert.pl/files/desfire-….html, from github.com/sotechcllc/RFDoorLock),
/// whose traces are also replayed verbatim by the pydesfire test suite. RndA is injected, so every cryptogram the driver
/// sends must equal the published one byte for byte. Published DES/TDEA session keys are printed with the parity
/// (key-version) bits cleared, so they are compared with those bits masked.
/// </summary>
public sealed class PublishedTraceTests
{
    private static byte[] Authenticate(DesfireAuthenticationCommand command, DesfireKeyType type, string key, int keyNumber,
        string expectedFirst, string challenge, string rndA, string expectedAnswer, string proof, DesfireAuthentication authentication)
    {
        byte[] output = new byte[40];
        int count = authentication.Begin(command, type, Hex.Bytes(key), 0, keyNumber, output, 0);
        Assert.Equal(expectedFirst, Hex.Of(output, 0, count));

        byte[] c = Hex.Bytes(challenge);
        count = authentication.AnswerChallenge(c, 0, c.Length, Hex.Bytes(rndA), 0, output, 0);
        Assert.Equal(expectedAnswer, Hex.Of(output, 0, count));

        byte[] p = Hex.Bytes(proof);
        Assert.True(authentication.VerifyProof(p, 0, p.Length));
        int length = DesfireSessionSettings.KeyLengthOf(authentication.SessionKeyType);
        byte[] sessionKey = new byte[length];
        Array.Copy(authentication.SessionKey, sessionKey, length);
        return sessionKey;
    }

    private static string MaskParity(byte[] key)
    {
        byte[] masked = new byte[key.Length];
        for (int i = 0; i < key.Length; i++)
        {
            masked[i] = (byte)(key[i] & 0xFE);
        }

        return Hex.Of(masked);
    }

    [Fact]
    public void AES_authentication_key_0_of_Elmue_DESFire_EV1_communication_examples_gives_session_key_F44B26F5C05DDD7110772281C4D066E8()
    {
        var authentication = new DesfireAuthentication();
        byte[] sessionKey = Authenticate(DesfireAuthenticationCommand.Aes, DesfireKeyType.Aes128, "00000000000000000000000000000000", 0,
            "AA00",
            "B969FDFE56FD91FC9DE6F6F213B8FD1E",
            "F44B26F5686F3A391CD38EBD10772281",
            "AF" + "36AAD7DF6E436BA08D18613830A70D5AD43E3D3F4A8D47541EEE623A934E4774",
            "800DB680BC146BD121D6578F2D2E2059",
            authentication);
        Assert.Equal("F44B26F5C05DDD7110772281C4D066E8", Hex.Of(sessionKey));
        Assert.Equal(DesfireSecureMessagingScheme.Ev1, authentication.Scheme);
    }

    [Fact]
    public void AES_authentication_key_1_of_Elmue_DESFire_EV1_communication_examples_gives_session_key_40E7D271626FFBD49C530E3D304F5B17()
    {
        byte[] sessionKey = Authenticate(DesfireAuthenticationCommand.Aes, DesfireKeyType.Aes128, "10182028303840485058606870788088", 1,
            "AA01",
            "B351CB2465D4F33AC627FD6E87A168F2",
            "40E7D27174CBA675E8EFBAB99C530E3D",
            "AF" + "044B6CAC343A0865895149649CA8DDE1F5AC4EC67BD208900AF02F049E05F0B0",
            "A2EE144B1012FBEB7B2F11132D95A454",
            new DesfireAuthentication());
        Assert.Equal("40E7D271626FFBD49C530E3D304F5B17", Hex.Of(sessionKey));
    }

    [Fact]
    public void ISO_2K3DES_authentication_of_Elmue_DESFire_EV1_communication_examples_gives_session_key_520E3C90BCD82896F6A200C446322CAE()
    {
        byte[] sessionKey = Authenticate(DesfireAuthenticationCommand.Iso, DesfireKeyType.TwoKeyTripleDes, "00102031405060708090A0B0B0A09080", 0,
            "1A00",
            "B295579926155AE3",
            "530E3D90F7A201C4",
            "AF" + "70F349740C945DAE159BA9FEDBCC461A",
            "B8FD7FE56B241FC4",
            new DesfireAuthentication());
        Assert.Equal("520E3C90BCD82896F6A200C446322CAE", MaskParity(sessionKey));
    }

    [Fact]
    public void ISO_3K3DES_authentication_of_Elmue_DESFire_EV1_communication_examples_gives_session_key_36C4F8BE306E6C76AC229E8CF824BA303250D4AA643656A2()
    {
        byte[] sessionKey = Authenticate(DesfireAuthenticationCommand.Iso, DesfireKeyType.ThreeKeyTripleDes, new string('0', 48), 0,
            "1A00",
            "BC1C570BC948156187132364E4DCE176",
            "36C5F8BF4A09AC239E8DA0C73251D4AB",
            "AF" + "DDDC9A77597F03A40C7FAA362F45A8EADBE46A115D98198CBF36A6E51B39D87C",
            "7244D935ED9A1306CD8C841A7C1DE39A",
            new DesfireAuthentication());
        Assert.Equal("36C4F8BE306E6C76AC229E8CF824BA303250D4AA643656A2", MaskParity(sessionKey));
    }

    [Fact]
    public void ISO_DES_authentication_and_GetVersion_CMAC_of_Elmue_examples_TX_CMAC_5020EC826086DF12_RX_CMAC_CDC810BAFA401759()
    {
        var authentication = new DesfireAuthentication();
        byte[] sessionKey = Authenticate(DesfireAuthenticationCommand.Iso, DesfireKeyType.Des, "0000000000000000", 0,
            "1A00",
            "5D994CE085F24089",
            "849B36C5F8BF4A09",
            "AF" + "21D0AD5F2FD97454A746CC80567F1B1C",
            "913C6DED84221C41",
            authentication);
        Assert.Equal("849A36C44ED0B658", MaskParity(sessionKey));
        Assert.Equal(DesfireKeyType.Des, authentication.SessionKeyType);

        var messaging = new DesfireSecureMessaging(64);
        messaging.Begin(authentication.Scheme, authentication.SessionKeyType, authentication.SessionKey);
        messaging.CommandSent(new byte[] { 0x60 }, 0, 1);
        byte[] iv = new byte[8];
        messaging.GetIv(iv, 0);
        Assert.Equal("5020EC826086DF12", Hex.Of(iv));

        // The three frames' data concatenated (status bytes removed), ending in the card's CMAC.
        byte[] data = Hex.Bytes("04010101001A05" + "04010101041A05" + "04063F72633480BA4519E3204913" + "CDC810BAFA401759");
        Assert.Equal(28, messaging.VerifyMac(data, 0, data.Length, 0x00, false));
    }

    [Fact]
    public void AES_CMAC_IV_chain_verifies_every_card_CMAC_of_the_Elmue_file_example_create_write_read_delete()
    {
        var authentication = new DesfireAuthentication();
        Authenticate(DesfireAuthenticationCommand.Aes, DesfireKeyType.Aes128, "10182028303840485058606870788088", 0,
            "AA00",
            "B351CB2465D4F33AC627FD6E87A168F2",
            "40E7D27174CBA675E8EFBAB99C530E3D",
            "AF" + "044B6CAC343A0865895149649CA8DDE1F5AC4EC67BD208900AF02F049E05F0B0",
            "A2EE144B1012FBEB7B2F11132D95A454",
            authentication);
        var messaging = new DesfireSecureMessaging(256);
        messaging.Begin(authentication.Scheme, authentication.SessionKeyType, authentication.SessionKey);

        string data00to2F = "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F202122232425262728292A2B2C2D2E2F";
        string data30to4F = "303132333435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F";
        string[] steps =
        {
            // command (CreateStdDataFile, GetFileIDs, GetFileSettings, WriteData x2, ReadData x2, DeleteFile), response data after status 00
            "CD05001100500000", "A75316AD1596B953",
            "6F", "05" + "2D5FF67FFEC9D2D3",
            "F505", "00001100500000" + "2AAC7517024E09DC",
            "3D0500000034000000" + data00to2F.Substring(2) + "30313233", "765C9DAA50ECB62F",
            "3D05340000" + "1C0000" + "3435363738393A3B3C3D3E3F404142434445464748494A4B4C4D4E4F", "3E0AED986B8B0F37",
            "BD05000000300000", data00to2F + "4C65F1F842262BAC",
            "BD05300000200000", data30to4F + "F02205CF913C03C9",
            "DF05", "1BEF0D32B6D1D7F9",
        };

        for (int i = 0; i < steps.Length; i += 2)
        {
            byte[] command = Hex.Bytes(steps[i]);
            byte[] response = Hex.Bytes(steps[i + 1]);
            messaging.CommandSent(command, 0, command.Length);
            Assert.True(response.Length - 8 == messaging.VerifyMac(response, 0, response.Length, 0x00, false), "CMAC of step " + (i / 2) + " did not verify");
        }
    }

    [Fact]
    public void A_session_replays_the_published_AES_authentication_trace_byte_for_byte()
    {
        var exchange = new ScriptedApduExchange(
            "60", "AF04010101001A05",
            "AF", "AF04010101041A05",
            "AF", "0004063F72633480BA4519E3204913",
            "5A563412", "00",
            "AA00", "AFB969FDFE56FD91FC9DE6F6F213B8FD1E",
            "AF36AAD7DF6E436BA08D18613830A70D5AD43E3D3F4A8D47541EEE623A934E4774", "00800DB680BC146BD121D6578F2D2E2059");
        var session = new DesfireCardSession(exchange, new FixedRandomSource("F44B26F5686F3A391CD38EBD10772281"));
        var settings = new DesfireSessionSettings { Aid = 0x123456, KeyNumber = 0, KeyType = DesfireKeyType.Aes128, Key = new byte[16] };

        DesfireSessionResult result = SessionRunner.Run(session, settings, Hex.Bytes("04063F72633480"));

        Assert.Null(exchange.Mismatch);
        Assert.Equal(DesfireSessionResult.Authenticated, result);
        Assert.Equal("04063F72633480", Hex.Of(session.CardUid, 0, session.CardUidLength));
    }

    [Fact]
    public void A_session_allocates_nothing_after_warm_up()
    {
        string[] script =
        {
            "60", "AF04010101001A05",
            "AF", "AF04010101041A05",
            "AF", "0004063F72633480BA4519E3204913",
            "5A563412", "00",
            "AA00", "AFB969FDFE56FD91FC9DE6F6F213B8FD1E",
            "AF36AAD7DF6E436BA08D18613830A70D5AD43E3D3F4A8D47541EEE623A934E4774", "00800DB680BC146BD121D6578F2D2E2059",
        };
        var exchange = new ScriptedApduExchange(script);
        var session = new DesfireCardSession(exchange, new FixedRandomSource("F44B26F5686F3A391CD38EBD10772281"));
        var settings = new DesfireSessionSettings { Aid = 0x123456, KeyNumber = 0, KeyType = DesfireKeyType.Aes128, Key = new byte[16] };
        byte[] uid = Hex.Bytes("04063F72633480");
        SessionRunner.Run(session, settings, uid);

        exchange.Rewind();
        long before = GC.GetAllocatedBytesForCurrentThread();
        session.Start(settings, uid, uid.Length, 0);
        for (long now = 1; session.State == DesfireSessionState.Running && now < 100; now++)
        {
            session.Tick(now);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(DesfireSessionResult.Authenticated, session.Result);
        Assert.Equal(0, allocated);
    }
}
