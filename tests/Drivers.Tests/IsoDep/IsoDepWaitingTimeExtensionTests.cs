using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>S(WTX) waiting-time extensions (ISO/IEC 14443-4:2008 7.3) against a card working longer than FWT.</summary>
public sealed class IsoDepWaitingTimeExtensionTests
{
    private const int Fwt8Us = 77_329;
    private readonly ScriptedCardApplication _app = new ScriptedCardApplication();

    [Fact]
    public void One_S_WTX_request_is_answered_with_the_same_WTXM_and_the_response_follows_ISO_IEC_14443_4_7_3()
    {
        var bench = new IsoDepBench();
        bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ExtraFrameWaitingTimes = 1;

        Assert.Equal(ApduExchangeStatus.Done, bench.Exchange(new byte[] { 0x3D, 0x01 }));

        Assert.Equal("3D01", System.Convert.ToHexString(bench.Response()));
        Assert.Equal(1, bench.Picc.WtxRequests);
        Assert.Equal(1, bench.Link.WaitingTimeExtensionCount);
        Assert.Equal(0, bench.Chip.TimeoutCount);
    }

    [Fact]
    public void WTXM_10_makes_the_reader_wait_FWT_times_10_for_an_answer_later_than_FWT_ISO_IEC_14443_4_7_3()
    {
        var bench = new IsoDepBench();
        bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ExtraFrameWaitingTimes = 10;
        long start = bench.NowMs;

        Assert.Equal(ApduExchangeStatus.Done, bench.Exchange(new byte[] { 0x3D, 0x02 }));

        Assert.Equal(10, bench.Picc.LastWtxm);
        Assert.Equal(Fwt8Us * 10 + IsoDepTiming.FrameWaitingTimeToleranceUs, bench.Reader.Chip.ProgrammedTimeoutUs);
        Assert.True(bench.NowMs - start > 5 * Fwt8Us / 1000, "the card worked " + (bench.NowMs - start) + " ms");
        Assert.Equal(0, bench.Chip.TimeoutCount);
        Assert.Equal(0, bench.Link.RecoveryCount);
    }

    [Fact]
    public void Several_S_WTX_requests_in_a_row_are_each_answered_ISO_IEC_14443_4_7_3()
    {
        var bench = new IsoDepBench();
        bench.SelectAndActivate(new IsoDepTestCard(_app) { MaxWtxm = 2 });
        _app.ExtraFrameWaitingTimes = 5;

        Assert.Equal(ApduExchangeStatus.Done, bench.Exchange(new byte[] { 0x3D, 0x03 }));

        Assert.Equal(3, bench.Picc.WtxRequests); // WTXM 2, 2, 1
        Assert.Equal(5, bench.Picc.WtxmTotal);
        Assert.Equal(3, bench.Link.WaitingTimeExtensionCount);
        Assert.Equal(0, bench.Chip.TimeoutCount);
    }

    [Fact]
    public void WTX_before_a_chained_300_byte_response_to_a_chained_200_byte_command_ISO_IEC_14443_4_7_3_and_7_5_2()
    {
        var bench = new IsoDepBench();
        bench.SelectAndActivate(new IsoDepTestCard(_app) { MaxWtxm = 3 });
        _app.ExtraFrameWaitingTimes = 7;
        _app.ResponseLength = 300;

        Assert.Equal(ApduExchangeStatus.Done, bench.Exchange(ScriptedCardApplication.Pattern(200)));

        Assert.Equal(ScriptedCardApplication.Pattern(300), bench.Response());
        Assert.Equal(ScriptedCardApplication.Pattern(200), _app.LastCommand());
        Assert.Equal(3, bench.Link.WaitingTimeExtensionCount);
    }

    [Fact]
    public void A_reader_that_ignores_the_WTXM_times_out_while_the_card_works_and_the_exchange_fails()
    {
        var bench = new IsoDepBench(wrap: chip => new TimeoutCappingTransceiver(chip, Fwt8Us + IsoDepTiming.FrameWaitingTimeToleranceUs));
        bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ExtraFrameWaitingTimes = 10;

        Assert.Equal(ApduExchangeStatus.Failed, bench.Exchange(new byte[] { 0x3D, 0x04 }));

        Assert.Equal(IsoDepError.Timeout, bench.Link.Error);
        Assert.True(bench.Chip.TimeoutCount >= 1);
    }

    [Fact]
    public void The_extended_waiting_time_applies_to_one_wait_only_then_FWT_again_ISO_IEC_14443_4_7_3()
    {
        var bench = new IsoDepBench();
        bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ExtraFrameWaitingTimes = 4;
        Assert.Equal(ApduExchangeStatus.Done, bench.Exchange(new byte[] { 0x3D }));
        _app.ExtraFrameWaitingTimes = 0;

        Assert.True(bench.Link.StartExchange(new byte[] { 0x60 }, 0, 1, bench.NowMs));

        Assert.Equal(Fwt8Us + IsoDepTiming.FrameWaitingTimeToleranceUs, bench.Reader.Chip.ProgrammedTimeoutUs);
        Assert.Equal(ApduExchangeStatus.Done, bench.Finish());
    }
}
