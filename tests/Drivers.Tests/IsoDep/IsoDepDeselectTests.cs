using Wallbox.Drivers.IsoDep;
using Wallbox.Drivers.Mfrc522;

namespace Wallbox.Drivers.Tests.IsoDep;

/// <summary>Deactivation with S(DESELECT) (ISO/IEC 14443-4:2008 clause 8) and the card's return to the reader.</summary>
public sealed class IsoDepDeselectTests
{
    private readonly IsoDepBench _bench = new IsoDepBench();
    private readonly ScriptedCardApplication _app = new ScriptedCardApplication();

    public IsoDepDeselectTests()
    {
        _bench.SelectAndActivate(new IsoDepTestCard(_app));
        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(new byte[] { 0x60 }));
    }

    [Fact]
    public void S_DESELECT_is_answered_the_card_is_halted_and_its_application_reset_ISO_IEC_14443_4_8()
    {
        int resets = _app.ResetCount;

        Assert.Equal(IsoDepLinkState.Deselected, _bench.Deselect());

        Assert.True(_bench.CardLayer.IsHalted);
        Assert.False(_bench.Picc.IsActivated);
        Assert.Equal(resets + 1, _app.ResetCount);
        Assert.Equal(IsoDepError.None, _bench.Link.Error);
        Assert.False(_bench.Link.StartExchange(new byte[] { 0x60 }, 0, 1, _bench.NowMs));
    }

    [Fact]
    public void After_DESELECT_and_release_the_halted_card_stays_present_through_WUPA_presence_checks_and_is_not_selected_again()
    {
        Assert.Equal(IsoDepLinkState.Deselected, _bench.Deselect());

        _bench.Reader.ReleaseCard(true, _bench.NowMs);
        _bench.RunReader(2000);

        Assert.True(_bench.Reader.CardPresent);
        Assert.Equal(1, _bench.Reader.SelectionCount);
        Assert.NotEqual(Iso14443TypeAReaderState.CardSelected, _bench.Reader.State);
        Assert.True(_bench.CardLayer.IsHalted);
        Assert.Equal(0, _bench.Reader.ApplicationDeadlineCount);
    }

    [Fact]
    public void A_card_presented_again_after_DESELECT_and_removal_is_activated_again_with_block_number_0()
    {
        Assert.Equal(IsoDepLinkState.Deselected, _bench.Deselect());
        _bench.Reader.ReleaseCard(true, _bench.NowMs);
        _bench.Hardware.RfidField.Remove();
        _bench.RunReader(1000);
        Assert.False(_bench.Reader.CardPresent);

        _bench.SelectAndActivate(new IsoDepTestCard(_app));

        Assert.Equal(ApduExchangeStatus.Done, _bench.Exchange(ScriptedCardApplication.Pattern(130)));
        Assert.Equal(ScriptedCardApplication.Pattern(130), _bench.Response());
        Assert.Equal(2, _bench.Reader.SelectionCount);
    }

    [Fact]
    public void A_lost_S_DESELECT_response_is_recovered_by_sending_S_DESELECT_again_Rule_8()
    {
        _bench.Chip.LoseFramesToCard = 1;

        Assert.Equal(IsoDepLinkState.Deselected, _bench.Deselect());
        Assert.True(_bench.CardLayer.IsHalted);
    }

    [Fact]
    public void An_unanswered_S_DESELECT_fails_with_DeselectNotAnswered_and_the_reader_then_halts_the_card_with_HLTA()
    {
        _bench.Chip.LoseFramesToCard = IsoDepLink.MaxRetries + 1;

        Assert.Equal(IsoDepLinkState.Failed, _bench.Deselect());
        Assert.Equal(IsoDepError.DeselectNotAnswered, _bench.Link.Error);

        _bench.Reader.ReleaseCard(false, _bench.NowMs);
        _bench.RunReader(500);
        Assert.True(_bench.CardLayer.IsHalted);
        Assert.True(_bench.Reader.CardPresent);
    }
}
