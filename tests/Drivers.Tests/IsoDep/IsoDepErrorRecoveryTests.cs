using Wallbox.Drivers.IsoDep;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>
/// Error recovery by the rules for the PCD and the PICC (ISO/IEC 14443-4:2008 7.5.4.2 Rules 4 to 6, 7.5.4.3 Rules 11
/// and 12), with frames lost or corrupted on the simulated air interface.
/// </summary>
public sealed class IsoDepErrorRecoveryTests
{
    private readonly IsoDepBench _bench = new IsoDepBench();
    private readonly ScriptedCardApplication _app = new ScriptedCardApplication();

    public IsoDepErrorRecoveryTests()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
    }

    [Fact]
    public void A_lost_response_is_recovered_by_R_NAK_and_the_card_sends_its_last_block_again_Rules_4_and_11()
    {
        _bench.Chip.LoseAnswers = 1;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0x60 }));

        Assert.Equal("60", System.Convert.ToHexString(_bench.Response()));
        Assert.Equal(1, _bench.Picc.NakReceived);
        Assert.Equal(1, _bench.Picc.BlocksResent);
        Assert.Equal(1, _app.ProcessCount); // the command ran once
        Assert.Equal(1, _bench.Link.RecoveryCount);
    }

    [Fact]
    public void An_I_block_lost_on_the_way_to_the_card_is_sent_again_after_R_NAK_and_the_card_R_ACK_Rules_4_12_and_6()
    {
        _bench.Chip.LoseFramesToCard = 1;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0x60, 0x01 }));

        Assert.Equal("6001", System.Convert.ToHexString(_bench.Response()));
        Assert.Equal(1, _bench.Picc.NakReceived);
        Assert.Equal(0, _bench.Picc.BlocksResent);
        Assert.Equal(1, _app.ProcessCount);
        Assert.Equal(2, _bench.Link.RecoveryCount); // R(NAK), then the I-block again
    }

    [Fact]
    public void A_response_with_a_CRC_error_is_answered_with_R_NAK_and_received_again_ISO_IEC_14443_4_7_5_4_2_Rule_4()
    {
        _bench.Chip.CorruptAnswers = 1;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0x60, 0x02 }));

        Assert.Equal("6002", System.Convert.ToHexString(_bench.Response()));
        Assert.Equal(1, _bench.Picc.NakReceived);
        Assert.Equal(1, _app.ProcessCount);
    }

    [Fact]
    public void A_block_of_the_card_chain_lost_is_asked_for_again_with_R_ACK_Rule_5()
    {
        _app.ResponseLength = 300;
        Assert.True(_bench.Link.StartExchange(new byte[] { 0xBD }, 0, 1, _bench.NowMs));
        _bench.RunWhileBusy(1000, () => _bench.Picc.IBlocksSent >= 2);
        _bench.Chip.LoseAnswers = 1;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Finish());

        Assert.Equal(ScriptedCardApplication.Pattern(300), _bench.Response());
        Assert.Equal(0, _bench.Picc.NakReceived); // R(ACK), not R(NAK), while the card chains
        Assert.Equal(1, _bench.Picc.BlocksResent);
    }

    [Fact]
    public void A_corrupted_block_of_the_card_chain_is_asked_for_again_with_R_ACK_Rule_5()
    {
        _app.ResponseLength = 400;
        Assert.True(_bench.Link.StartExchange(new byte[] { 0xBD }, 0, 1, _bench.NowMs));
        _bench.RunWhileBusy(1000, () => _bench.Picc.IBlocksSent >= 3);
        _bench.Chip.CorruptAnswers = 2;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Finish());

        Assert.Equal(ScriptedCardApplication.Pattern(400), _bench.Response());
        Assert.Equal(2, _bench.Picc.BlocksResent);
    }

    [Fact]
    public void A_lost_R_ACK_of_the_card_during_reader_chaining_is_recovered_by_R_NAK_Rules_4_and_11()
    {
        byte[] command = ScriptedCardApplication.Pattern(300);
        Assert.True(_bench.Link.StartExchange(command, 0, command.Length, _bench.NowMs));
        _bench.RunWhileBusy(1000, () => _bench.Picc.IBlocksReceived >= 2);
        _bench.Chip.LoseAnswers = 1;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Finish());

        Assert.Equal(command, _app.LastCommand());
        Assert.Equal(command, _bench.Response());
        Assert.Equal(1, _bench.Picc.NakReceived);
    }

    [Fact]
    public void A_chained_I_block_lost_on_the_way_to_the_card_is_sent_again_Rules_4_12_and_6()
    {
        byte[] command = ScriptedCardApplication.Pattern(300);
        Assert.True(_bench.Link.StartExchange(command, 0, command.Length, _bench.NowMs));
        _bench.RunWhileBusy(1000, () => _bench.Picc.IBlocksReceived >= 2);
        _bench.Chip.LoseFramesToCard = 1;

        Assert.Equal(ApduExchangeStatus.Done, _bench.Finish());

        Assert.Equal(command, _app.LastCommand());
        Assert.Equal(5, _bench.Picc.IBlocksReceived); // the lost one never arrived; it came again
    }

    [Theory]
    [InlineData(1, ApduExchangeStatus.Done)]
    [InlineData(IsoDepLink.MaxRetries, ApduExchangeStatus.Done)]
    [InlineData(IsoDepLink.MaxRetries + 1, ApduExchangeStatus.Failed)]
    public void Retries_are_bounded_lost_answers_beyond_MaxRetries_fail_the_exchange_with_Timeout(int lost, ApduExchangeStatus expected)
    {
        _bench.Chip.LoseAnswers = lost;

        Assert.Equal(expected, _bench.Exchange(new byte[] { 0x60 }));

        Assert.Equal(expected == ApduExchangeStatus.Failed ? IsoDepError.Timeout : IsoDepError.None, _bench.Link.Error);
    }

    [Fact]
    public void Repeated_CRC_errors_beyond_MaxRetries_fail_the_exchange_with_TransmissionError()
    {
        _bench.Chip.CorruptAnswers = IsoDepLink.MaxRetries + 1;

        Assert.Equal(ApduExchangeStatus.Failed, _bench.Exchange(new byte[] { 0x60 }));

        Assert.Equal(IsoDepError.TransmissionError, _bench.Link.Error);
        Assert.Equal(IsoDepLinkState.Failed, _bench.Link.State);
        Assert.Equal(ApduExchangeStatus.Failed, _bench.Link.Poll(_bench.NowMs));
        Assert.False(_bench.Link.StartExchange(new byte[] { 0x60 }, 0, 1, _bench.NowMs));
    }

    [Fact]
    public void A_card_removed_in_the_middle_of_a_chained_response_fails_the_exchange_with_Timeout_and_resets_its_application()
    {
        _app.ResponseLength = 500;
        Assert.True(_bench.Link.StartExchange(new byte[] { 0xBD }, 0, 1, _bench.NowMs));
        _bench.RunWhileBusy(1000, () => _bench.Picc.IBlocksSent >= 3);
        int resetsBefore = _app.ResetCount;
        _bench.Hardware.RfidField.Remove();
        long removedAt = _bench.NowMs;

        Assert.Equal(ApduExchangeStatus.Failed, _bench.Finish());

        Assert.Equal(IsoDepError.Timeout, _bench.Link.Error);
        Assert.Equal(resetsBefore + 1, _app.ResetCount);
        long failedAfter = _bench.NowMs - removedAt;
        Assert.True(failedAfter <= (IsoDepLink.MaxRetries + 1) * 82 + 3, "failed after " + failedAfter + " ms");
    }
}
