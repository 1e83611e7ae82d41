using System;
using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>I-blocks, block numbering and chaining in both directions (ISO/IEC 14443-4:2008 7.1, 7.5.2, 7.5.3).</summary>
public sealed class IsoDepChainingTests
{
    private readonly IsoDepBench _bench = new IsoDepBench();
    private readonly ScriptedCardApplication _app = new ScriptedCardApplication();

    [Fact]
    public void A_short_command_and_response_travel_in_one_I_block_each_ISO_IEC_14443_4_7_1()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0x60 }));

        Assert.Equal("60", Convert.ToHexString(_bench.Response()));
        Assert.Equal(1, _bench.Picc.IBlocksReceived);
        Assert.Equal(1, _bench.Picc.IBlocksSent);
        Assert.Equal(ApduExchangeStatus.Idle, _bench.Link.Poll(_bench.NowMs));
        Assert.Equal(IsoDepLinkState.Active, _bench.Link.State);
    }

    [Fact]
    public void Command_of_200_bytes_is_chained_in_I_blocks_of_the_card_FSC_ISO_IEC_14443_4_7_5_2()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ResponseLength = 2;
        byte[] command = ScriptedCardApplication.Pattern(200);

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(command));

        Assert.Equal(command, _app.LastCommand());
        Assert.Equal(4, _bench.Picc.IBlocksReceived); // 61 + 61 + 61 + 17 bytes of INF
        Assert.Equal(64, _bench.Picc.LongestFrameReceived); // FSC 64 = the FIFO: PCB + 61 + CRC_A
        Assert.Equal(1, _app.ProcessCount);
        Assert.Equal(2, _bench.Link.ResponseLength);
    }

    [Fact]
    public void Command_of_300_bytes_to_a_card_with_FSC_16_is_chained_in_I_blocks_of_13_bytes_ISO_IEC_14443_4_7_5_2()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app) { Fsci = 0 });
        _app.ResponseLength = 0;
        byte[] command = ScriptedCardApplication.Pattern(300);

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(command));

        Assert.Equal(command, _app.LastCommand());
        Assert.Equal(16, _bench.Picc.LongestFrameReceived);
        Assert.Equal(24, _bench.Picc.IBlocksReceived); // ceil(300 / 13)
        Assert.Equal(0, _bench.Picc.FramesIgnored);
        Assert.Equal(0, _bench.Link.ResponseLength);
    }

    [Fact]
    public void Response_of_300_bytes_is_received_in_chained_I_blocks_acknowledged_with_R_ACK_ISO_IEC_14443_4_7_5_2()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ResponseLength = 300;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0xBD, 0x01 }));

        Assert.Equal(ScriptedCardApplication.Pattern(300), _bench.Response());
        Assert.Equal(5, _bench.Picc.IBlocksSent); // 4 × 61 + 56
        Assert.Equal(64, _bench.Picc.LongestFrameSent); // the card honours FSD 64
    }

    [Fact]
    public void Command_of_500_bytes_is_echoed_in_chained_I_blocks_both_ways_larger_than_the_FIFO()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
        byte[] command = ScriptedCardApplication.Pattern(500);

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(command));

        Assert.Equal(command, _bench.Response());
        Assert.Equal(9, _bench.Picc.IBlocksReceived);
        Assert.Equal(9, _bench.Picc.IBlocksSent);
    }

    [Fact]
    public void Block_numbers_toggle_across_exchanges_of_odd_and_even_block_counts_ISO_IEC_14443_4_7_5_3_Rules_A_to_E()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));

        foreach (int length in new[] { 1, 62, 61, 123, 7, 300, 2 })
        {
            byte[] command = ScriptedCardApplication.Pattern(length);
            Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(command));
            Assert.Equal(command, _bench.Response());
        }

        Assert.Equal(0, _bench.Picc.BlocksResent);
        Assert.Equal(0, _bench.Link.RecoveryCount);
        Assert.Equal(7, _bench.Link.CompletedExchangeCount);
    }

    [Fact]
    public void A_response_longer_than_the_response_buffer_fails_with_ResponseTooLong_and_the_card_can_still_be_deselected()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ResponseLength = IsoDepLink.DefaultMaxResponseLength + 1;

        Assert.Equal(ApduExchangeStatus.Failed, _bench.Exchange(new byte[] { 0xBD }));

        Assert.Equal(IsoDepError.ResponseTooLong, _bench.Link.Error);
        Assert.Equal(IsoDepLinkState.Deselected, _bench.Deselect());
        Assert.True(_bench.CardLayer.IsHalted);
    }

    [Fact]
    public void A_response_of_exactly_the_buffer_capacity_is_accepted()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
        _app.ResponseLength = IsoDepLink.DefaultMaxResponseLength;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0xBD }));
        Assert.Equal(ScriptedCardApplication.Pattern(IsoDepLink.DefaultMaxResponseLength), _bench.Response());
    }

    [Fact]
    public void Empty_or_too_long_commands_and_commands_while_busy_or_inactive_are_refused()
    {
        var command = new byte[IsoDepLink.DefaultMaxCommandLength + 1];
        Assert.False(_bench.Link.StartExchange(command, 0, 1, _bench.NowMs)); // not activated
        _bench.SelectAndActivate(new IsoDepTestCard(_app));

        Assert.False(_bench.Link.StartExchange(command, 0, 0, _bench.NowMs));
        Assert.False(_bench.Link.StartExchange(command, 0, command.Length, _bench.NowMs));
        Assert.True(_bench.Link.StartExchange(command, 0, 10, _bench.NowMs));
        Assert.False(_bench.Link.StartExchange(command, 0, 10, _bench.NowMs));
        Assert.False(_bench.Link.StartDeselect(_bench.NowMs));
        Assert.Equal(ApduExchangeStatus.Done, _bench.Finish());
    }

    [Fact]
    public void Exchanges_after_warm_up_allocate_nothing_in_the_link_the_driver_and_the_simulation()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
        byte[] command = ScriptedCardApplication.Pattern(300);
        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(command));
        long before = GC.GetAllocatedBytesForCurrentThread();

        for (int i = 0; i < 20; i++)
        {
            _bench.Link.StartExchange(command, 0, command.Length, _bench.NowMs);
            while (_bench.Link.Poll(_bench.NowMs) == ApduExchangeStatus.Busy)
            {
                _bench.Hardware.Clock.AdvanceMs(1);
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(21, _bench.Link.CompletedExchangeCount);
    }
}
