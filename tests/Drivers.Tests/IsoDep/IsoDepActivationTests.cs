using System;
using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>Activation of an ISO/IEC 14443-4 card by RATS/ATS (ISO/IEC 14443-4:2008 clause 5) on the simulated MFRC522.</summary>
public sealed class IsoDepActivationTests
{
    private readonly IsoDepBench _bench = new IsoDepBench();
    private readonly ScriptedCardApplication _app = new ScriptedCardApplication();

    [Fact]
    public void RATS_announces_FSD_64_and_the_DESFire_EV1_ATS_activates_the_link_ISO_IEC_14443_4_5_1_and_5_2()
    {
        _bench.Select(new IsoDepTestCard(_app));

        Assert.Equal(IsoDepLinkState.Active, _bench.Activate());

        Assert.Equal(64, _bench.Picc.ReaderFrameSize);
        Assert.True(_bench.CardLayer.IsInProtocolState);
        Assert.Equal(64, _bench.Link.Fsc);
        Assert.Equal(61, _bench.Link.MaxInfPerBlock);
        Assert.Equal(77_329, _bench.Link.FrameWaitingTimeUs);
        Assert.Equal(605, _bench.Link.StartupFrameGuardTimeUs);
        Assert.Equal("80", Convert.ToHexString(_bench.Link.HistoricalBytes, 0, _bench.Link.HistoricalLength));
        Assert.Equal(IsoDepError.None, _bench.Link.Error);
        Assert.Equal(ApduExchangeStatus.Idle, _bench.Link.Poll(_bench.NowMs));
    }

    [Fact]
    public void A_card_answering_the_minimal_ATS_01_is_activated_with_the_default_FSC_32_and_FWI_4_ISO_IEC_14443_4_5_2()
    {
        _bench.Select(new IsoDepTestCard(_app) { RawAts = new byte[] { 0x01 }, Fsci = 2, Fwi = 4, Sfgi = 0 });

        Assert.Equal(IsoDepLinkState.Active, _bench.Activate());
        Assert.Equal(32, _bench.Link.Fsc);
        Assert.Equal(29, _bench.Link.MaxInfPerBlock);
        Assert.Equal(4_834, _bench.Link.FrameWaitingTimeUs);
        Assert.Equal(0, _bench.Link.HistoricalLength);

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(ScriptedCardApplication.Pattern(100)));
        Assert.Equal(32, _bench.Picc.LongestFrameReceived);
    }

    [Theory]
    [InlineData("0675778102")] // TL 6, 5 bytes
    [InlineData("02F5")] // T0 b8 set
    [InlineData("0375")] // TA, TB and TC announced in a 3-byte ATS... of 2 bytes
    public void A_malformed_ATS_fails_activation_with_MalformedAts_ISO_IEC_14443_4_5_2(string atsHex)
    {
        _bench.Select(new IsoDepTestCard(_app) { RawAts = Convert.FromHexString(atsHex) });

        Assert.Equal(IsoDepLinkState.Failed, _bench.Activate());

        Assert.Equal(IsoDepError.MalformedAts, _bench.Link.Error);
        Assert.False(_bench.Link.StartExchange(new byte[] { 0x60 }, 0, 1, _bench.NowMs));
        Assert.False(_bench.Link.StartDeselect(_bench.NowMs));
    }

    [Fact]
    public void The_first_block_waits_SFGT_after_the_ATS_so_the_card_ignores_nothing_ISO_IEC_14443_4_5_2_5()
    {
        _bench.Select(new IsoDepTestCard(_app) { Sfgi = 4 }); // SFGT = 4.8 ms
        long start = _bench.NowMs;

        Assert.Equal(IsoDepLinkState.Active, _bench.Activate());
        long activeAfterMs = _bench.NowMs - start;
        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0x60 }));

        Assert.True(activeAfterMs >= 5, "active after " + activeAfterMs + " ms");
        Assert.Equal(0, _bench.Picc.FramesIgnored);
    }

    [Fact]
    public void A_RATS_lost_on_the_way_to_the_card_is_sent_again_ISO_IEC_14443_4_5_6()
    {
        _bench.Select(new IsoDepTestCard(_app));
        _bench.Chip.LoseFramesToCard = 1;

        Assert.Equal(IsoDepLinkState.Active, _bench.Activate());
        Assert.Equal(1, _bench.Link.RecoveryCount);
    }

    [Fact]
    public void No_ATS_after_the_retries_fails_activation_with_NoAnswerToRats()
    {
        _bench.Select(new IsoDepTestCard(_app));
        _bench.Chip.LoseFramesToCard = IsoDepLink.MaxRetries + 1;

        Assert.Equal(IsoDepLinkState.Failed, _bench.Activate());
        Assert.Equal(IsoDepError.NoAnswerToRats, _bench.Link.Error);
        Assert.Equal(ApduExchangeStatus.Failed, _bench.Link.Poll(_bench.NowMs));
    }

    [Fact]
    public void RATS_and_blocks_use_the_chip_timer_for_their_own_timeouts_activation_FWT_then_FWT_of_the_ATS()
    {
        _bench.Select(new IsoDepTestCard(_app));
        Assert.True(_bench.Link.StartActivation(_bench.NowMs));
        Assert.Equal(IsoDepTiming.ActivationFrameWaitingTimeUs + IsoDepTiming.FrameWaitingTimeToleranceUs, _bench.Reader.Chip.ProgrammedTimeoutUs);
        Assert.True(_bench.Chip.TimerPeriodUs >= _bench.Reader.Chip.ProgrammedTimeoutUs);
        _bench.RunWhileBusy(100);

        Assert.True(_bench.Link.StartExchange(new byte[] { 0x60 }, 0, 1, _bench.NowMs));

        Assert.Equal(77_329 + IsoDepTiming.FrameWaitingTimeToleranceUs, _bench.Reader.Chip.ProgrammedTimeoutUs);
        Assert.InRange(_bench.Chip.TimerPeriodUs, 77_329 + 3_625, (77_329 + 3_625) * 1001 / 1000);
    }
}
